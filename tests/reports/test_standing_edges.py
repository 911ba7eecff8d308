"""A unit's standing at the edges the report's readers meet (issue 22): the period a date falls in; a
period's last day, on which it is not over yet; a unit dissolved on a period's last day or on 1 January;
a replication adopted on 1 January; what waits at the Board's step over a quarter; a unit whose kind has
no rule; and a reader whose time zone is not the province's (Asia/Ho_Chi_Minh, UTC+7) on the
province's 1 April, while it is still 31 March in UTC.
"""

import datetime
import zoneinfo
from unittest import mock

import pytest
from django.utils import timezone

from reports.contributions import (
    AWAITING_BOARD,
    MET,
    NOT_REQUIRED,
    PENDING,
    SHORT,
    Period,
    RuleBook,
    UnitResult,
    contribution_report,
    current_standing,
    stories_in_period,
    waiting_in_period,
)
from reports.filters import status_in
from tests.exemplars.replication_world import record
from tests.factories import ExemplarPageFactory, UnitFactory
from tests.helpers import at
from tests.reports.queue import at_board_step, section_of
from units.models import QuotaRule, Unit

PROVINCE = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
END_OF_YEAR = datetime.date(2021, 1, 15)
DISTRICT, DEPARTMENT = "huyen-ke-sach", "so-y-te"  # counted by month, by quarter (a story each)


def result_for(slug, year=2020, today=END_OF_YEAR):
    return contribution_report(year, units=Unit.objects.filter(slug=slug), today=today)[0]


def statuses(result):
    return {p.period.key: (p.count, p.status) for p in result.periods}


@pytest.mark.parametrize(
    ("kind", "day", "key"),
    [
        ("month", datetime.date(2020, 2, 29), "2020-02"),
        ("month", datetime.date(2020, 12, 31), "2020-12"),
        ("quarter", datetime.date(2020, 1, 1), "2020-Q1"),
        ("quarter", datetime.date(2020, 2, 29), "2020-Q1"),
        ("quarter", datetime.date(2020, 3, 31), "2020-Q1"),
        ("quarter", datetime.date(2020, 4, 1), "2020-Q2"),
        ("quarter", datetime.date(2020, 5, 15), "2020-Q2"),
        ("quarter", datetime.date(2020, 9, 30), "2020-Q3"),
        ("quarter", datetime.date(2020, 12, 31), "2020-Q4"),
    ],
)
def test_the_period_a_date_falls_in(kind, day, key):
    # The demo's plan walks the periods this way, one date after another's end.
    period = Period.containing(kind, day)
    assert period == Period.from_key(key)
    assert period.contains(day)


@pytest.mark.django_db
def test_a_month_of_a_quarterly_unit_and_a_quarter_of_a_monthly_one(newsroom):
    """The report's filter asks any unit about any period: a department's May is its second quarter,
    and a district has no quarter of its own but months that answer for it."""
    ExemplarPageFactory(parent=section_of(DEPARTMENT), first_published_at=at(2020, 5, 10))
    department, district = result_for(DEPARTMENT), result_for(DISTRICT)
    assert department.result_for_month(5).period.key == "2020-Q2"
    assert department.result_for_month(12).period.key == "2020-Q4"
    assert district.result_for_month(3).period.key == "2020-03"
    assert department.period_result("2020-05") is None and district.period_result("2020-Q1") is None
    assert status_in(department, Period.from_key("2020-05")) == MET
    assert status_in(district, Period.from_key("2020-Q1")) == SHORT
    # Before any period is computed, no month has a result.
    assert UnitResult(unit=district.unit).result_for_month(1) is None


@pytest.mark.django_db
def test_a_periods_list_holds_only_its_units_stories(staff):
    ke_sach, chau_thanh = section_of(DISTRICT), section_of("huyen-chau-thanh")
    ours = ExemplarPageFactory(parent=ke_sach, title="Ông Lâm Văn Sóc nuôi lươn", first_published_at=at(2020, 3, 5))
    theirs = ExemplarPageFactory(parent=chau_thanh, title="Bà Thạch Thị Nương", first_published_at=at(2020, 3, 6))
    march = Period.from_key("2020-03")
    assert list(stories_in_period(ke_sach.unit, march)) == [ours]
    assert list(stories_in_period(chau_thanh.unit, march)) == [theirs]
    # What waits: March's story at the Board's step, and not April's.
    waits = at_board_step(ke_sach, at(2020, 3, 20), staff["ks-contributor"], staff["ks-approver"], "Chị Trần Thị Út")
    at_board_step(ke_sach, at(2020, 4, 2), staff["ks-contributor"], staff["ks-approver"], "Anh Sơn Ngọc Minh")
    assert list(waiting_in_period(ke_sach.unit, march)) == [waits]


@pytest.mark.django_db
def test_what_waits_at_the_boards_step_adds_up_over_a_quarter(staff):
    y_te = section_of(DEPARTMENT)
    for month, title in ((1, "Bác sĩ Trần Văn Hòa"), (2, "Điều dưỡng Lý Thị Sô Phia")):
        at_board_step(y_te, at(2020, month, 10), staff["yt-contributor"], staff["yt-approver"], title)
    department = result_for(DEPARTMENT, today=datetime.date(2020, 3, 20))
    q1 = department.period_result("2020-Q1")
    assert (q1.count, q1.awaiting_board, q1.status) == (0, 2, AWAITING_BOARD)
    # The year's total waiting there includes January's story.
    assert department.awaiting_board == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "key", "last_day"),
    [(DISTRICT, "2020-03", datetime.date(2020, 3, 31)), (DEPARTMENT, "2020-Q2", datetime.date(2020, 6, 30))],
)
def test_a_period_is_not_over_on_its_last_day(newsroom, slug, key, last_day):
    on_the_day = result_for(slug, today=last_day).period_result(key)
    day_after = result_for(slug, today=last_day + datetime.timedelta(days=1)).period_result(key)
    assert (on_the_day.status, on_the_day.over) == (PENDING, False)
    assert (day_after.status, day_after.over) == (SHORT, True)


@pytest.mark.django_db
def test_a_unit_dissolved_on_a_quarters_last_day_owes_that_quarter(newsroom):
    Unit.objects.filter(slug="so-ke-hoach-va-dau-tu").update(active_until=datetime.date(2020, 3, 31))
    got = statuses(result_for("so-ke-hoach-va-dau-tu"))
    assert got["2020-Q1"] == (0, SHORT)
    assert got["2020-Q2"] == (0, NOT_REQUIRED)


@pytest.mark.django_db
def test_a_unit_dissolved_on_new_years_day_is_in_that_years_report(newsroom):
    ExemplarPageFactory(parent=section_of("huyen-my-tu"), first_published_at=at(2020, 1, 1, 9))
    Unit.objects.filter(slug="huyen-my-tu").update(active_until=datetime.date(2020, 1, 1))
    found = {result.unit.slug: result for result in contribution_report(2020, today=END_OF_YEAR)}
    assert "huyen-my-tu" in found
    # A figure for each month, January to December (the grid's columns; the documents date each).
    assert found["huyen-my-tu"].monthly == {1: 1, **dict.fromkeys(range(2, 13), 0)}
    assert found["huyen-my-tu"].total == 1


@pytest.mark.django_db
def test_a_model_replicated_on_new_years_day_counts_in_that_year(model_story):
    record(section_of(DISTRICT), model_story, adopted_on=datetime.date(2024, 1, 1), commune="xã Phong Nẫm")
    assert result_for("huyen-my-tu", year=2024).replicated == 1
    assert result_for("huyen-my-tu", year=2023).replicated == 0


@pytest.mark.django_db
def test_a_unit_whose_kind_has_no_rule_owes_from_its_own_rule(newsroom):
    QuotaRule.objects.filter(unit_kind="enterprise").delete()
    unit = UnitFactory(slug="cong-ty-cap-nuoc-soc-trang", name="Công ty Cấp thoát nước Sóc Trăng", kind="enterprise")
    QuotaRule.objects.create(unit=unit, period="month", minimum=1, effective_from=datetime.date(2020, 7, 1))
    got = statuses(result_for(unit.slug))
    assert got["2020-06"] == (0, NOT_REQUIRED)
    assert got["2020-07"] == (0, SHORT)


def test_a_rule_book_answers_from_the_rules_it_is_given():
    district = Unit(kind="district")
    rule = QuotaRule(unit_kind="district", period="quarter", minimum=3, effective_from=datetime.date(2021, 1, 1))
    book = RuleBook([rule])
    assert book.rule_for(district, datetime.date(2021, 2, 1)) is rule
    assert book.rule_for(district, datetime.date(2020, 12, 31)) is None


@pytest.mark.django_db
def test_the_report_brings_each_units_bloc_in_its_five_queries(newsroom, django_assert_num_queries):
    with django_assert_num_queries(5):  # the grid and the exports name each unit's bloc
        results = contribution_report(2020, today=END_OF_YEAR)
        blocs = {result.unit.bloc.name for result in results if result.unit.bloc_id}
    assert len(blocs) > 1


@pytest.mark.django_db
def test_a_reader_in_utc_sees_the_provinces_day(staff):
    """At 18:00 UTC on 31 March it is 01:00 on 1 April in the province: March is over, April is
    the current month, and a story submitted at 03:00 that morning waits in April."""
    ke_sach = section_of(DISTRICT)
    april_morning = datetime.datetime(2020, 4, 1, 3, 0, tzinfo=PROVINCE)  # 31 March 20:00 UTC
    at_board_step(ke_sach, april_morning, staff["ks-contributor"], staff["ks-approver"], "Ông Kim Sang làm cầu")
    now = datetime.datetime(2020, 3, 31, 18, 0, tzinfo=datetime.UTC)
    with timezone.override("UTC"), mock.patch.object(timezone, "now", return_value=now):
        result = contribution_report(2020, units=Unit.objects.filter(slug=DISTRICT))[0]
        standing, days_left = current_standing(ke_sach.unit)
    march, april = result.period_result("2020-03"), result.period_result("2020-04")
    assert (march.status, march.awaiting_board) == (SHORT, 0)
    assert (april.status, april.awaiting_board) == (AWAITING_BOARD, 1)
    assert (standing.period.key, days_left) == ("2020-04", 29)
