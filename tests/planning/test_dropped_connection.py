"""The editorial calendar while the database connection drops: a planned story, or a draft made from
one, is saved whole or not at all, and the editor is told to try again."""

from django.urls import reverse
from wagtail.models import Page

from planning.models import PlannedStory
from tests.connection_drops import browser_for, connection_drops_before, told_to_retry
from tests.planning.conftest import CALENDAR, DUE, unit


def test_a_draft_made_from_a_plan_and_cut_off_leaves_no_page_and_the_plan_unconverted(staff, ke_sach_plan):
    pages = Page.objects.count()
    browser = browser_for(staff["ks-contributor"])

    # The page and its revision are written; the plan's link to them is not.
    with connection_drops_before(f'UPDATE "{PlannedStory._meta.db_table}"'):
        response = browser.post(f"{CALENDAR}ke-hoach/{ke_sach_plan.pk}/tao-ban-nhap/")

    assert told_to_retry(response)
    assert Page.objects.count() == pages
    ke_sach_plan.refresh_from_db()
    assert ke_sach_plan.converted_page is None
    # Once the database is back, the same click makes the draft.
    assert browser.post(f"{CALENDAR}ke-hoach/{ke_sach_plan.pk}/tao-ban-nhap/").status_code == 302
    ke_sach_plan.refresh_from_db()
    assert ke_sach_plan.converted_page.title == "Nông dân Kế Sách làm giàu từ vườn dừa"


def test_a_planned_story_added_and_cut_off_before_its_history_entry_is_not_kept(staff):
    browser = browser_for(staff["board"])
    data = {
        "unit": str(unit("so-y-te").pk),
        "title_idea": "Điều dưỡng Lâm Thị Sa Rươl và 20 năm ở trạm y tế xã",
        "due_date": DUE.isoformat(),
        "assignee": "",
        "column": "",
        "notes": "",
    }

    with connection_drops_before('INSERT INTO "wagtailcore_modellogentry"'):
        response = browser.post(reverse("wagtailsnippets_planning_plannedstory:add"), data)

    assert told_to_retry(response)
    assert not PlannedStory.objects.filter(title_idea=data["title_idea"]).exists()
