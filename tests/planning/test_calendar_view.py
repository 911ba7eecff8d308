"""The calendar's month and list views: real dates, deadlines counted by the contribution engine,
anniversaries, scheduled pages; malformed parameters are a 400."""

import datetime
from unittest import mock

import pytest

from planning import deadlines
from tests.factories import ExemplarPageFactory
from tests.helpers import at
from tests.planning.conftest import CALENDAR, calendar_page


@pytest.mark.parametrize(
    "query",
    ["?month=2025-13", "?month=2025-3", "?month=abcd-01", "?month=2025-03-01", "?month=0999-01", "?month=", "?view=x"],
)
def test_malformed_parameters_are_a_400(client, staff, query):
    assert calendar_page(client, staff["board"], query).status_code == 400


def test_the_month_grid_has_every_day_with_its_date(client, staff):
    page = calendar_page(client, staff["board"], "?month=2026-02").content.decode()
    assert page.count('<time datetime="2026-02-') == 28
    assert '<th scope="col">' in page
    assert 'href="/admin/lich-bien-tap/?month=2026-01&amp;view=grid"' in page
    assert 'href="/admin/lich-bien-tap/?month=2026-03&amp;view=grid"' in page


def test_the_board_sees_deadlines_with_how_many_units_are_short(client, staff, section):
    page = calendar_page(client, staff["board"]).content.decode()
    assert 'data-kind="deadline"' in page and "T3/2025" in page and "Q1/2025" in page
    before = _short_districts(staff)
    assert before > 0  # no district had a story in March 2025
    story = ExemplarPageFactory(parent=section, live=True, first_published_at=at(2025, 3, 10))
    story.save_revision().publish()
    assert _short_districts(staff) == before - 1


def _short_districts(staff):
    """How many district-level units the Board's calendar says are still short on 31/3/2025."""
    from planning.agenda import DEADLINE, entries_between

    entries = entries_between(staff["board"], datetime.date(2025, 3, 1), datetime.date(2025, 3, 31))
    (district,) = [e for e in entries if e.kind == DEADLINE and "T3/2025" in e.title and "huyện" in e.title.lower()]
    return int(district.detail.split()[0])


def test_the_deadlines_come_from_the_contribution_engine(client, staff):
    from reports import contributions

    assert deadlines.contribution_report is contributions.contribution_report
    with mock.patch.object(deadlines, "contribution_report", wraps=contributions.contribution_report) as engine:
        calendar_page(client, staff["board"])
    engine.assert_called_once()
    assert engine.call_args.args[0] == 2025


def test_a_unit_sees_its_own_deadline_and_the_anniversaries(client, staff):
    page = calendar_page(client, staff["ks-contributor"], "?month=2025-04").content.decode()
    assert "Huyện Kế Sách" in page and "T4/2025" in page
    assert "Sở Y tế" not in page
    assert "30/4" in page or "2025-04-30" in page
    assert 'data-date="2025-04-14"' in page  # Chôl Chnăm Thmây 2025


def test_the_list_view_lists_the_days_that_hold_something(client, staff, ke_sach_plan):
    page = calendar_page(client, staff["ks-contributor"], "?month=2025-03&view=list").content.decode()
    assert 'class="editorial-calendar__list"' in page and "editorial-calendar__grid" not in page
    assert ke_sach_plan.title_idea in page
    assert f'<dt data-date="{ke_sach_plan.due_date:%Y-%m-%d}">' in page


def test_a_scheduled_page_shows_on_its_go_live_day(client, staff, section):
    story = ExemplarPageFactory(parent=section, live=False, first_published_at=None, title="Bài hẹn giờ đăng")
    story.go_live_at = at(2025, 3, 25, 8)
    story.save_revision(approved_go_live_at=story.go_live_at)
    ks = calendar_page(client, staff["ks-approver"]).content.decode()
    assert "Bài hẹn giờ đăng" in ks
    yt = calendar_page(client, staff["yt-approver"]).content.decode()
    assert "Bài hẹn giờ đăng" not in yt


def test_the_calendar_is_in_the_menu_of_the_newsroom_roles(client, staff):
    client.force_login(staff["ks-contributor"])
    assert CALENDAR in client.get("/admin/").content.decode()
