"""The Board's editorial calendar on a fresh demo, in a real browser (issue 18, item 3): the month
grid shows the quarter's deadline with the units still short and the National Day; the Board turns
a unit's planned story into a draft in one click and lands in its editor, under the unit's section;
on a phone the same month reads as a list.
"""

import datetime

import pytest
from django.conf import settings

from exemplars.models import ExemplarPage, UnitSectionPage
from planning.models import PlannedStory
from tests.e2e.admin import demo_users_with_password, log_in
from tests.e2e.conftest import screenshot
from units.models import Unit

MONTH = "2026-09"
CALENDAR = f"/admin/lich-bien-tap/?month={MONTH}"
TITLE_IDEA = "Chị Thạch Thị Sa Ranh nuôi tôm càng xanh trong ruộng lúa"


@pytest.fixture
def demo(fresh_newsroom):
    """The newsroom as `setup_newsroom` leaves it (the plan's units and quota rules) with the demo
    users able to log in: the calendar needs no demo story, and the demo takes a minute to load."""
    return demo_users_with_password()


@pytest.mark.e2e
def test_the_board_plans_on_the_editorial_calendar(new_page, demo):
    ke_sach = Unit.objects.get(slug="huyen-ke-sach")
    planned = PlannedStory.objects.create(
        unit=ke_sach, title_idea=TITLE_IDEA, due_date=datetime.date(2026, 9, 15), assignee=demo["kesach-contributor"]
    )
    board = new_page()
    log_in(board, "board")
    sees_the_month_with_a_deadline_and_an_anniversary(board)
    makes_a_draft_of_the_planned_story(board, planned, ke_sach)
    phone = new_page(width=390, height=844)
    log_in(phone, "board")
    reads_the_month_as_a_list_on_a_phone(phone)


def sees_the_month_with_a_deadline_and_an_anniversary(board):
    board.locator('a[href="/admin/lich-bien-tap/"]').first.click()
    board.wait_for_url("**/admin/lich-bien-tap/")
    board.goto(CALENDAR)
    grid = board.locator("table.editorial-calendar__grid")
    assert grid.locator("time[datetime^='2026-09-']").count() == 30
    quarter_end = grid.locator('td[data-date="2026-09-30"]')
    deadlines = quarter_end.locator('li[data-kind="deadline"]')
    assert deadlines.count() >= 2  # districts monthly (T9), the others quarterly (Q3)
    assert "Q3/2026" in deadlines.all_text_contents().__str__()
    national_day = grid.locator('td[data-date="2026-09-02"] li[data-kind="anniversary"]')
    assert national_day.count() == 1 and "81" in national_day.text_content()
    assert grid.locator('td[data-date="2026-09-15"] li[data-kind="planned"]').filter(has_text=TITLE_IDEA).count() == 1
    screenshot(board, "calendar-01-month")


def makes_a_draft_of_the_planned_story(board, planned, unit):
    entry = board.locator('td[data-date="2026-09-15"] li[data-kind="planned"]').filter(has_text=TITLE_IDEA)
    entry.locator(f'form[action$="/ke-hoach/{planned.pk}/tao-ban-nhap/"] button').click()
    board.wait_for_url("**/admin/pages/*/edit/")
    assert board.locator("#id_title").input_value() == TITLE_IDEA
    section = UnitSectionPage.objects.get(unit=unit, locale__language_code=settings.LANGUAGE_CODE)
    draft = ExemplarPage.objects.get(title=TITLE_IDEA)
    assert board.url.endswith(f"/admin/pages/{draft.pk}/edit/")
    assert draft.get_parent().pk == section.pk and not draft.live and draft.unit == unit
    assert section.title in board.locator("nav[aria-label] ol, .w-breadcrumbs").first.text_content()
    screenshot(board, "calendar-02-draft")

    # Back on the calendar, the item links to its draft and offers no second draft.
    board.goto(CALENDAR)
    entry = board.locator('td[data-date="2026-09-15"] li[data-kind="planned"]').filter(has_text=TITLE_IDEA)
    assert entry.locator("form").count() == 0
    assert entry.locator(f'a[href="/admin/pages/{draft.pk}/edit/"]').count() == 1


def reads_the_month_as_a_list_on_a_phone(phone):
    phone.goto(CALENDAR)
    phone.locator('a[href*="view=list"]').first.click()
    phone.wait_for_url("**view=list")
    listing = phone.locator("dl.editorial-calendar__list")
    assert listing.locator('dt[data-date="2026-09-02"]').count() == 1
    assert listing.locator('li[data-kind="deadline"]').count() >= 2
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(phone, "calendar-03-phone-list")
