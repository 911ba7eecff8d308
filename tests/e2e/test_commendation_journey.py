"""From story to commendation and replication, on a fresh demo, in a real browser (issue 17, "Done when"):
the Board turns a public nomination into a draft story for Huyện Mỹ Tú, proposes the published story of
an exemplar for the provincial People's Committee's Certificate of Merit, sends it to the council and
records the decision; the story shows the award and the hall of honour lists it. Kế Sách's contributor
records that a commune of the district took up another unit's model; once Kế Sách's approver and then
the Board approve the record, the model's story says where it was replicated.

One test: browser tests flush the database after each test, and the demo takes about a minute to
load, so its steps share one demo, in order (as tests/e2e/test_board_runs_the_plan.py).
"""

import datetime
import shutil

import pytest
from django.utils import formats, translation
from wagtail.models import GroupApprovalTask

from commendations.models import CommendationProposal, HallOfHonourPage, ProposalStatus
from exemplars.models import AwardType, ExemplarKind, ExemplarPage, ReplicationPage, ScaleUnit, UnitSectionPage
from exemplars.models.replication import ANCHOR, ReplicationCount
from submissions.admin_views import draft_created_message
from submissions.models import Nomination, NominationStatus
from submissions.story_drafts import Outcome, recipients_for
from tests.e2e.admin import approve_in_editor, choose_page, leave_editor_with, log_in
from tests.e2e.conftest import ARTIFACTS, ROOT, screenshot
from tests.e2e.test_board_runs_the_plan import d, demo, vi  # noqa: F401  the demo as `make run` loads it
from units.models import Role, UnitApprovalTask, province_today

NOMINATIONS = "/admin/snippets/submissions/nomination/"
PROPOSALS = "/admin/commendation_proposals/"
NOMINEE = "Trần Quốc Khởi"
MERIT = "Bằng khen của Chủ tịch UBND tỉnh"
DECISION_NUMBER = "1536/QĐ-UBND"
SIGNER = "Chủ tịch UBND tỉnh Trần Văn Lâu"
AWARDED_BY = "Chủ tịch Ủy ban nhân dân tỉnh Sóc Trăng"
REASON = (
    "Có thành tích xuất sắc trong phong trào thi đua yêu nước, là gương điển hình tiên tiến được "
    "nhân rộng trên địa bàn tỉnh."
)
COMMUNE, DISTRICT = "xã Phong Nẫm", "huyện Kế Sách"


def section_of(unit_slug):
    return UnitSectionPage.objects.select_related("unit").get(locale__language_code="vi", unit__slug=unit_slug)


@pytest.mark.e2e
def test_from_nomination_to_commendation_and_replication_on_a_fresh_demo(new_page, demo, settings):  # noqa: F811
    # Wagtail 8 autosaves a new page as it is filled, and a submit clicked before the first
    # autosave has answered posts to the add view again: two pages (Wagtail's race, seen in CI).
    # Off here, so the journey tests ours.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    board = new_page()
    log_in(board, "board")
    turns_a_nomination_into_a_draft(board)
    story = proposes_a_published_story(board)
    sends_it_to_the_council_and_records_the_decision(board, story)
    the_story_and_the_hall_of_honour_show_the_award(new_page(), story)

    contributor = new_page()
    log_in(contributor, "kesach-contributor")
    approver = new_page()
    log_in(approver, "kesach-approver")
    a_commune_takes_up_a_model(contributor, approver, board, new_page())


def row_action(page, row, label):
    """Click ``label`` among a listing row's actions (behind its "More" toggle)."""
    row.locator(".w-dropdown__toggle").click()
    row.get_by_role("link", name=label).click()


def turns_a_nomination_into_a_draft(board):
    """From the nominations listing, "Create a draft story" in Mỹ Tú's section: a draft (never
    live) pre-filled from the nomination, which now links to it."""
    nomination = Nomination.objects.get(nominee_name=NOMINEE)
    assert nomination.story_id is None and nomination.status == NominationStatus.NEW
    my_tu = section_of("huyen-my-tu")
    board.goto(NOMINATIONS)
    row = board.locator("table.listing tbody tr").filter(has_text=NOMINEE)
    assert row.count() == 1
    row_action(board, row, vi("Create a draft story"))
    board.wait_for_url(f"**{NOMINATIONS}draft-story/{nomination.pk}/")
    assert board.locator("#id_title").input_value() == NOMINEE
    board.select_option("#id_section", label=my_tu.unit.name)
    screenshot(board, "commendation-01-draft-from-nomination")
    board.get_by_role("button", name=vi("Create the draft")).click()
    board.wait_for_url(f"**{NOMINATIONS}edit/{nomination.pk}/")

    nomination.refresh_from_db()
    draft = ExemplarPage.objects.get(pk=nomination.story_id)
    assert nomination.status == NominationStatus.STORY
    assert draft.get_parent().pk == my_tu.pk and draft.unit == my_tu.unit
    assert not draft.live and draft.title == NOMINEE and draft.subject_name == NOMINEE
    assert draft.locality == nomination.address
    with translation.override("vi"):
        expected = draft_created_message(Outcome(draft, len(recipients_for(my_tu.unit))))
    assert expected in board.locator(".messages").text_content()
    # The nomination's form now links to its story's editor.
    link = board.locator(".nomination-story").get_by_role("link", name=draft.title)
    assert link.get_attribute("href") == f"/admin/pages/{draft.pk}/edit/"


def proposes_a_published_story(board):
    """The latest live story of an individual of Mỹ Tú with no proposal yet, proposed from its
    editor's header for the provincial People's Committee's Certificate of Merit."""
    story = (
        ExemplarPage.objects.live()
        .filter(locale__language_code="vi", unit__slug="huyen-my-tu", subject_kind="individual")
        .filter(commendation_proposals__isnull=True)
        .order_by("-first_published_at")
        .first()
    )
    assert story is not None and not story.awards.filter(award_type__name=MERIT).exists()
    merit = AwardType.objects.get(name=MERIT)
    board.goto(f"/admin/pages/{story.pk}/edit/")
    # In the header's "Actions" menu (the sidebar's "Commendation proposals" reads the same in Vietnamese).
    board.locator("header").get_by_role("button", name=vi("Actions"), exact=True).click()
    propose = board.locator(f'a[href="{PROPOSALS}new/?story={story.pk}"]')
    assert propose.text_content().strip() == vi("Propose for commendation")
    propose.click()
    board.wait_for_url(lambda url: url.endswith(f"{PROPOSALS}new/?story={story.pk}"))
    assert board.locator("#id_story").input_value() == str(story.pk)
    board.select_option("#id_award_type", label=MERIT)
    assert board.locator("#id_award_type").input_value() == str(merit.pk)
    board.fill("#id_reason", REASON)
    screenshot(board, "commendation-02-proposal-form")
    board.locator("footer button[type=submit]").first.click()
    board.wait_for_url(f"**{PROPOSALS}")

    proposal = CommendationProposal.objects.get(story=story)
    assert proposal.status == ProposalStatus.PROPOSED and proposal.award_type == merit
    assert proposal.subject_name == story.subject_name and proposal.unit_id == story.unit_id
    assert proposal.reason == REASON and proposal.proposed_by.username == "board"
    return story


def proposal_row(board, story):
    board.goto(PROPOSALS)
    row = board.locator("table.listing tbody tr").filter(has_text=story.subject_name)
    assert row.count() == 1
    return row


def sends_it_to_the_council_and_records_the_decision(board, story):
    """Through the listing's row actions: sent to the council, then decided; the decision adds the
    award to the live story, published in the Board member's name."""
    proposal = CommendationProposal.objects.get(story=story)
    row_action(board, proposal_row(board, story), vi("Send to the council"))
    board.wait_for_url(f"**{PROPOSALS}send/{proposal.pk}/")
    board.get_by_role("button", name=vi("Send to the council")).click()
    board.wait_for_url(f"**{PROPOSALS}")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SENT and proposal.sent_by.username == "board"
    with translation.override("vi"):
        sent_message = translation.gettext("“%(proposal)s” was sent to the council.") % {"proposal": proposal}
    assert sent_message in board.locator(".messages").text_content()

    decided_on = province_today() - datetime.timedelta(days=1)
    row_action(board, proposal_row(board, story), vi("Record the decision"))
    board.wait_for_url(f"**{PROPOSALS}decide/{proposal.pk}/")
    board.fill("#id_number", DECISION_NUMBER)
    board.fill("#id_date", d(decided_on))
    board.keyboard.press("Escape")  # the date picker
    board.fill("#id_signer", SIGNER)
    board.fill("#id_awarded_by", AWARDED_BY)
    screenshot(board, "commendation-03-decision")
    board.get_by_role("button", name=vi("Record the decision")).click()
    board.wait_for_url(f"**{PROPOSALS}")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECIDED and proposal.closed_by.username == "board"
    assert (proposal.decision_number, proposal.decision_date, proposal.decision_signer) == (
        DECISION_NUMBER,
        decided_on,
        SIGNER,
    )
    story.refresh_from_db()
    award = story.awards.get(decision_number=DECISION_NUMBER)
    assert award.award_type == proposal.award_type and award.year == decided_on.year
    assert award.awarded_by == AWARDED_BY
    assert story.live and not story.has_unpublished_changes
    assert story.live_revision_id == proposal.award_revision_id


def the_story_and_the_hall_of_honour_show_the_award(reader, story):
    reader.goto(story.url)
    awards = reader.locator("section[aria-labelledby=awards-title]")
    row = awards.locator("tbody tr").filter(has_text=DECISION_NUMBER)
    assert row.count() == 1
    assert MERIT in row.text_content() and AWARDED_BY in row.text_content()

    hall = HallOfHonourPage.objects.live().get(locale__language_code="vi")
    assert hall.url == "/vinh-danh/"
    reader.goto(hall.url)
    # The year's awards of this unit, through the page's filters.
    award = story.awards.get(decision_number=DECISION_NUMBER)
    reader.select_option("#id_year", str(award.year))
    reader.select_option("#id_unit", story.unit.slug)
    reader.locator("form.filters").get_by_role("button", name=vi("Show awards")).click()
    reader.wait_for_url(lambda url: "/vinh-danh/?" in url)
    entry = reader.locator("table tbody tr").filter(has_text=story.subject_name)
    assert entry.count() == 1
    assert entry.get_by_role("link", name=story.subject_name).get_attribute("href") == story.url
    assert MERIT in entry.text_content() and DECISION_NUMBER in entry.text_content()
    screenshot(reader, "commendation-hall-filtered")
    reader.goto(hall.url)  # the whole hall, for the documentation
    screenshot(reader, "hall-of-honour")
    shutil.copy(ARTIFACTS / "hall-of-honour.png", ROOT / "docs" / "screenshots" / "hall-of-honour.png")


def a_commune_takes_up_a_model(contributor, approver, board, reader):
    """Kế Sách's contributor records that xã Phong Nẫm took up a model of another unit and submits
    it; it waits at Kế Sách's step, then the Board's; the Board's approval publishes it, and only
    then does the model's story list the commune."""
    ke_sach = section_of("huyen-ke-sach")
    model = (
        ExemplarPage.objects.live()
        .filter(locale__language_code="vi", kind=ExemplarKind.NEW_MODEL)
        .exclude(unit=ke_sach.unit)
        .filter(replications__isnull=True)
        .order_by("-first_published_at")
        .first()
    )
    assert model is not None
    adopted_on = province_today() - datetime.timedelta(days=14)
    contributor.goto(f"/admin/pages/add/exemplars/replicationpage/{ke_sach.pk}/")
    choose_page(contributor, "id_story-chooser", model.title)
    contributor.fill("#id_commune", COMMUNE)
    contributor.fill("#id_district", DISTRICT)
    contributor.fill("#id_adopted_on", d(adopted_on))
    contributor.keyboard.press("Escape")  # the date picker
    contributor.fill("#id_scale_value", "25")
    contributor.select_option("#id_scale_unit", ScaleUnit.HOUSEHOLDS)
    screenshot(contributor, "commendation-04-replication-record")
    leave_editor_with(contributor, 'button[name="action-submit"]')
    record = ReplicationPage.objects.get(story=model, commune=COMMUNE)
    assert record.get_parent().pk == ke_sach.pk and record.unit == ke_sach.unit and not record.live
    assert record.district == DISTRICT and record.adopted_on == adopted_on
    assert isinstance(record.current_workflow_task.specific, UnitApprovalTask)
    with translation.override("vi"):
        assert record.title == record.default_title()

    reader.goto(model.url)
    assert COMMUNE not in reader.locator("main").text_content()

    approver.goto(f"/admin/pages/{record.pk}/edit/")
    approve_in_editor(approver)
    record.refresh_from_db()
    board_step = record.current_workflow_task.specific
    assert isinstance(board_step, GroupApprovalTask)
    assert board_step.groups.filter(newsroom_role__role=Role.BOARD).exists()
    assert not record.live
    reader.goto(model.url)
    assert COMMUNE not in reader.locator("main").text_content()

    board.goto(f"/admin/pages/{record.pk}/edit/")
    approve_in_editor(board)
    record.refresh_from_db()
    assert record.live

    reader.goto(model.url)
    replicated = reader.locator(f"section#{ANCHOR}")
    with translation.override("vi"):
        count = str(ReplicationCount.of(list(ReplicationPage.shown_on(model))))
        scale = record.scale
        shown_on = formats.date_format(adopted_on, "SHORT_DATE_FORMAT")
    assert count and replicated.locator("h2").text_content().strip() == count
    entry = replicated.locator("tbody tr").filter(has_text=COMMUNE)
    assert entry.count() == 1
    assert f"{COMMUNE}, {DISTRICT}" in entry.text_content()
    assert scale in entry.text_content() and shown_on in entry.text_content()
    assert ke_sach.unit.name in entry.text_content()
    screenshot(reader, "commendation-05-story-replicated")
