"""The Board runs the plan from the admin, on a fresh demo, in a real browser (issue 15, "Done when"):
it ends a quota rule and adds next year's, sees a unit whose story waits at its step as "awaiting the
Board" (and the dry run of the reminders leaves that unit alone), pins a story on the home page,
publishes a "Văn bản" page with the plan's PDF; a district's approver records the unit's year-end
honouring event, which the Board approves and the honoured story then shows.

One test: browser tests flush the database after each test, and the demo takes about a minute to
load, so its steps share one demo, in order.
"""

import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import GroupApprovalTask, ModelLogEntry

from campaigns.models import EventKind, HonouringEventPage
from core.blocks import DocumentKind
from demo.documents import tiny_pdf
from exemplars.models import ExemplarPage, UnitSectionPage
from home.documents import DocumentLibraryPage
from home.models import HomeFeaturedStory, HomePage
from reports.contributions import AWAITING_BOARD, STATUS_LABELS
from reports.moderation import board_backlog
from reports.reminders import standings
from tests.e2e.admin import approve_in_editor, choose_page, demo_users_with_password, leave_editor_with, log_in
from tests.e2e.conftest import screenshot
from units.models import QuotaPeriod, QuotaRule, Role, RuleStatus, UnitApprovalTask, UnitKind, province_today

RULES = "/admin/snippets/units/quotarule/"
PLAN_NUMBER = "123/KH-UBND"
PLAN_TITLE = f"Kế hoạch {PLAN_NUMBER} tuyên truyền, nhân rộng gương điển hình tiên tiến đến năm 2020"
PLAN_FILE_TITLE = f"Kế hoạch {PLAN_NUMBER} (bản ký ngày 04/09/2019)"
LIBRARY_TITLE = "Văn bản chỉ đạo phong trào thi đua"


def vi(text):
    """``text`` (a msgid, or a lazy label of the code) as the admin shows it: in Vietnamese."""
    with translation.override("vi"):
        return translation.gettext(text) if isinstance(text, str) else str(text)


def d(date):
    return date.strftime("%d/%m/%Y")


@pytest.fixture
def demo(fresh_newsroom):
    """The demo as `make run` loads it today, with the demo users able to log in."""
    call_command("load_demo_content", stdout=io.StringIO())
    return demo_users_with_password()


@pytest.mark.e2e
def test_the_board_runs_the_plan_on_a_fresh_demo(new_page, demo):
    board = new_page()
    log_in(board, "board")
    ends_a_rule_and_adds_next_years(board)
    sees_a_unit_awaiting_the_board(board)
    pins_a_story_on_the_home_page(board, new_page())
    publishes_the_plan_on_a_documents_page(board, new_page())

    approver = new_page()
    log_in(approver, "kesach-approver")
    records_the_units_year_end_event(approver, board, new_page())


def ends_a_rule_and_adds_next_years(board):
    """Ends the departments' quarterly rule from next year and adds a monthly rule of two for districts."""
    next_year = datetime.date(province_today().year + 1, 1, 1)
    plan_rule = QuotaRule.objects.get(unit_kind=UnitKind.DEPARTMENT, unit__isnull=True)
    board.goto(RULES)
    row = board.locator("table.listing tbody tr").filter(has_text=vi(UnitKind.DEPARTMENT.label))
    assert row.count() == 1 and vi(RuleStatus.IN_FORCE.label) in row.text_content()
    row.locator(".w-dropdown__toggle").click()
    row.get_by_role("link", name=vi("End this rule")).click()
    board.wait_for_url("**/add/?end=*")
    # Prefilled: the same kind, "not required", from the start of the rule's next period.
    assert board.locator("#id_unit_kind").input_value() == UnitKind.DEPARTMENT
    assert board.locator("#id_period").input_value() == QuotaPeriod.NONE
    assert board.locator("#id_effective_from").input_value() == d(plan_rule.end_date())
    board.fill("#id_effective_from", d(next_year))
    board.fill("#id_note", f"Kết thúc chỉ tiêu theo Kế hoạch {PLAN_NUMBER}")
    save_rule(board)
    ended = QuotaRule.objects.get(unit_kind=UnitKind.DEPARTMENT, effective_from=next_year)
    assert ended.period == QuotaPeriod.NONE
    with translation.override("vi"):
        assert str(ended) in board.locator(".messages").text_content()

    board.goto(f"{RULES}add/")
    board.select_option("#id_unit_kind", UnitKind.DISTRICT)
    board.select_option("#id_period", QuotaPeriod.MONTH)
    board.fill("#id_minimum", "2")
    # Back-dated, it is refused: the past periods were judged by the rules then in force.
    board.fill("#id_effective_from", d(province_today() - datetime.timedelta(days=1)))
    board.locator("footer button[type=submit]").first.click()
    error = vi("A new rule cannot take effect in the past: choose today or a later date.")
    board.get_by_text(error).first.wait_for()
    board.fill("#id_effective_from", d(next_year))
    board.fill("#id_note", f"Kế hoạch năm {next_year.year} của UBND tỉnh")
    save_rule(board)
    added = QuotaRule.objects.get(unit_kind=UnitKind.DISTRICT, effective_from=next_year)
    assert (added.period, added.minimum) == (QuotaPeriod.MONTH, 2)
    with translation.override("vi"):
        assert str(added) in board.locator(".messages").text_content()

    # The list: both new rules "not yet in force", the plan's rules still in force until then.
    rows = board.locator("table.listing tbody tr")
    for kind in (UnitKind.DEPARTMENT, UnitKind.DISTRICT):
        new = rows.filter(has_text=vi(kind.label)).filter(has_text=d(next_year))
        assert vi(RuleStatus.FUTURE.label) in new.text_content()
        old = rows.filter(has_text=vi(kind.label)).filter(has_text="01/10/2019")
        assert vi(RuleStatus.IN_FORCE.label) in old.text_content()
    screenshot(board, "board-01-quota-rules")
    statuses = dict(
        QuotaRule.objects.with_status().filter(pk__in=[ended.pk, added.pk]).values_list("pk", "rule_status")
    )
    assert statuses == {ended.pk: RuleStatus.FUTURE, added.pk: RuleStatus.FUTURE}
    logged = ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(QuotaRule))
    assert set(logged.filter(action="wagtail.create").values_list("object_id", flat=True)) >= {
        str(ended.pk),
        str(added.pk),
    }


def save_rule(board):
    board.locator("footer button[type=submit]").first.click()
    board.wait_for_url(f"**{RULES}")


def sees_a_unit_awaiting_the_board(board):
    """A unit short this period whose story waits at the Board's step: "awaiting the Board" on the
    dashboard, listed in the Board's backlog, and not reminded by the dry run."""
    awaiting = [standing for standing in standings() if standing.awaiting_board and standing.days_left <= 31]
    assert len(awaiting) == 3  # the demo puts 3 units' stories of this period at the Board's step
    standing = awaiting[0]
    unit = standing.unit
    story = board_backlog().filter(unit=unit).first()
    assert story is not None

    board.goto("/admin/")
    row = board.locator(f"table.units-behind tr[data-unit='{unit.slug}']")
    assert unit.name in row.text_content()
    assert row.locator(".quota-count").text_content().strip() == f"{standing.result.count}/{standing.result.required}"
    assert row.locator(".quota-status").text_content().strip() == vi(STATUS_LABELS[AWAITING_BOARD])
    backlog = board.locator(f".board-backlog__unit[data-unit='{unit.slug}']")
    link = backlog.get_by_role("link", name=story.title)
    assert link.get_attribute("href") == f"/admin/pages/{story.pk}/edit/"
    screenshot(board, "board-02-dashboard")

    out = io.StringIO()
    call_command("send_quota_reminders", "--dry-run", "--days-before", "31", stdout=out)
    lines = [line for line in out.getvalue().splitlines() if f"({unit.slug})" in line]
    assert len(lines) == 1, out.getvalue()
    assert lines[0].endswith("no reminder") and "awaiting the Board" in lines[0]
    assert "would send" not in lines[0]
    assert f"{len(awaiting)} awaiting the Board (not reminded)" in out.getvalue()


def pins_a_story_on_the_home_page(board, reader):
    """Pins an older Kế Sách story (not among the latest) and publishes the home page."""
    home = HomePage.objects.get(locale__language_code="vi")
    pinned = HomeFeaturedStory.objects.filter(page=home).values("story")
    story = (
        ExemplarPage.objects.live()
        .filter(locale=home.locale, unit__slug="huyen-ke-sach")
        .exclude(pk__in=pinned)
        .order_by("first_published_at")
        .first()
    )
    board.goto(f"/admin/pages/{home.pk}/edit/")
    new_form = int(board.locator("#id_featured_stories-TOTAL_FORMS").input_value())
    board.click("#id_featured_stories-ADD")
    choose_page(board, f"id_featured_stories-{new_form}-story-chooser", story.title)
    assert board.locator(f"#id_featured_stories-{new_form}-story-title").text_content().strip() == story.title
    screenshot(board, "board-03-home-page-editor")
    leave_editor_with(board, 'button[name="action-publish"]')
    home.refresh_from_db()
    assert home.live and not home.has_unpublished_changes
    assert home.featured_stories.filter(story=story).exists()

    reader.goto(home.url)
    featured = reader.locator("section[aria-labelledby=featured-title]")
    featured.get_by_role("link", name=story.title).first.wait_for()
    screenshot(reader, "board-04-home-page-featured")


def publishes_the_plan_on_a_documents_page(board, reader):
    """Adds a "Văn bản" page under the home page, uploads the plan's PDF through the document chooser,
    publishes; the public page lists the plan and its PDF answers an anonymous reader."""
    home = HomePage.objects.get(locale__language_code="vi")
    board.goto(f"/admin/pages/add/home/documentlibrarypage/{home.pk}/")
    board.fill("#id_title", LIBRARY_TITLE)
    board.fill("#id_intro", "Các văn bản của tỉnh về tuyên truyền, nhân rộng gương điển hình tiên tiến.")
    board.locator(".c-sf-add-button").first.click()  # the only block: an official document
    board.fill("#documents-0-value-title", PLAN_TITLE)
    board.fill("#documents-0-value-number", PLAN_NUMBER)
    board.fill("#documents-0-value-issued_on", "04/09/2019")
    board.keyboard.press("Escape")  # the date picker
    board.select_option("#documents-0-value-kind", DocumentKind.PLAN)
    upload_in_document_chooser(board, "documents-0-value-document-chooser")
    # Uploaded but on no live page yet: private, a plain 404 to readers.
    document = get_document_model().objects.get(title=PLAN_FILE_TITLE)
    assert reader.request.get(document.url).status == 404
    screenshot(board, "board-05-documents-page-editor")
    leave_editor_with(board, 'button[name="action-publish"]')
    library = DocumentLibraryPage.objects.get(title=LIBRARY_TITLE)
    assert library.live and library.live_revision is not None
    assert LIBRARY_TITLE in board.locator(".messages").text_content()

    reader.goto(library.url)
    entry = reader.locator(".document-list li").filter(has_text=PLAN_NUMBER)
    assert "04/09/2019" in entry.text_content()
    link = entry.get_by_role("link", name=PLAN_TITLE)
    assert link.get_attribute("href") == document.url
    screenshot(reader, "board-06-documents-page")
    response = reader.request.get(document.url)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")


def upload_in_document_chooser(page, chooser_id):
    page.locator(f"#{chooser_id} [data-chooser-action-choose]").click()
    modal = page.locator(".modal-dialog")
    modal.locator('[role=tab][href="#tab-upload"]').click()
    pdf = tiny_pdf(["UBND TINH SOC TRANG", f"So: {PLAN_NUMBER}", "Ke hoach tuyen truyen guong dien hinh tien tien"])
    upload = modal.locator("#id_document-chooser-upload-file")
    upload.set_input_files({"name": "ke-hoach-123-kh-ubnd.pdf", "mimeType": "application/pdf", "buffer": pdf})
    modal.locator("#id_document-chooser-upload-title").fill(PLAN_FILE_TITLE)
    modal.locator("form[data-chooser-modal-creation-form] [type=submit]").click()
    modal.wait_for(state="hidden")
    assert page.locator(f"#{chooser_id} [data-chooser-title]").text_content().strip() == PLAN_FILE_TITLE


def records_the_units_year_end_event(approver, board, reader):
    """Kế Sách's approver records its year-end review honouring two of its live stories and submits
    it; the unit's step, then the Board's; once the Board approves, the story shows where it was honoured."""
    section = UnitSectionPage.objects.get(locale__language_code="vi", unit__slug="huyen-ke-sach")
    stories = list(
        ExemplarPage.objects.live().filter(locale=section.locale, unit=section.unit).order_by("-first_published_at")[:2]
    )
    today = province_today()
    title = f"Hội nghị tổng kết phong trào thi đua yêu nước năm {today.year} huyện Kế Sách"
    place = "Hội trường UBND huyện Kế Sách"
    approver.goto(f"/admin/pages/add/campaigns/honouringeventpage/{section.pk}/")
    approver.fill("#id_title", title)
    approver.select_option("#id_kind", EventKind.YEAR_END_REVIEW)
    approver.fill("#id_date", d(today))
    approver.keyboard.press("Escape")  # the date picker
    approver.fill("#id_place", place)
    approver.select_option("#id_exemplars", [str(story.pk) for story in stories])
    screenshot(approver, "board-07-unit-event-editor")
    leave_editor_with(approver, 'button[name="action-submit"]')
    event = HonouringEventPage.objects.get(title=title)
    assert event.get_parent().pk == section.pk and not event.live
    assert isinstance(event.current_workflow_task.specific, UnitApprovalTask)

    approver.goto(f"/admin/pages/{event.pk}/edit/")
    approve_in_editor(approver)
    event.refresh_from_db()
    board_step = event.current_workflow_task.specific
    assert isinstance(board_step, GroupApprovalTask)
    assert board_step.groups.filter(newsroom_role__role=Role.BOARD).exists()
    assert not event.live

    board.goto(f"/admin/pages/{event.pk}/edit/")
    approve_in_editor(board)
    event.refresh_from_db()
    assert event.live and set(event.exemplars.all()) == set(stories)

    reader.goto(stories[0].url)
    honoured = reader.locator("section[aria-labelledby=honoured-at-title]")
    assert honoured.locator("h2").text_content().strip() == vi("Honoured at")
    item = honoured.locator("li").filter(has=reader.get_by_role("link", name=title))
    assert place in item.text_content() and vi(EventKind.YEAR_END_REVIEW.label) in item.text_content()
    screenshot(reader, "board-08-story-honoured")
