"""Counting contributions exactly as DESIGN.md says, against the plan's quota."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from exemplars.models import ExemplarPage, UnitSectionPage
from reports.contributions import MET, NOT_REQUIRED, PENDING, SHORT, Period, contribution_report, current_standing
from tests.factories import ExemplarPageFactory, UnitFactory
from tests.helpers import at
from units.models import QuotaRule, Unit

YEAR = 2020
END_OF_YEAR = datetime.date(2021, 1, 15)


def story(section, published, submitted=None, **kwargs):
    page = ExemplarPageFactory(parent=section, first_published_at=published, **kwargs)
    if submitted:
        ExemplarPage.objects.filter(pk=page.pk).update(first_submitted_at=submitted)
    return page


def result_for(slug, year=YEAR, today=END_OF_YEAR):
    units = Unit.objects.filter(slug=slug)
    return contribution_report(year, units=units, today=today)[0]


def statuses(result):
    return {p.period.key: (p.count, p.status) for p in result.periods}


@pytest.fixture
def ke_sach(newsroom):
    return UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")


@pytest.fixture
def y_te(newsroom):
    return UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")


@pytest.mark.django_db
def test_monthly_district_over_a_year(ke_sach):
    for month in (1, 2, 2, 5, 12):
        story(ke_sach, at(YEAR, month, 10))
    story(ke_sach, at(YEAR - 1, 12, 31, 20))  # another year
    result = result_for("huyen-ke-sach")
    got = statuses(result)
    assert len(result.periods) == 12
    assert got["2020-01"] == (1, MET) and got["2020-02"] == (2, MET) and got["2020-03"] == (0, SHORT)
    assert got["2020-12"] == (1, MET)
    assert (result.total, result.periods_met, result.periods_required) == (5, 4, 12)
    assert result.compliance == 33.3


@pytest.mark.django_db
def test_quarterly_department_over_a_year(y_te):
    story(y_te, at(YEAR, 2, 1))
    story(y_te, at(YEAR, 3, 31, 23))  # late evening, local time: still Q1
    story(y_te, at(YEAR, 9, 30))
    result = result_for("so-y-te")
    assert statuses(result) == {
        "2020-Q1": (2, MET),
        "2020-Q2": (0, SHORT),
        "2020-Q3": (1, MET),
        "2020-Q4": (0, SHORT),
    }
    assert result.compliance == 50.0


@pytest.mark.django_db
def test_submitted_30_september_published_2_october_counts_for_september_and_q3(ke_sach, y_te):
    story(ke_sach, published=at(YEAR, 10, 2), submitted=at(YEAR, 9, 30, 16))
    story(y_te, published=at(YEAR, 10, 2), submitted=at(YEAR, 9, 30, 16))
    district = statuses(result_for("huyen-ke-sach"))
    department = statuses(result_for("so-y-te"))
    assert district["2020-09"] == (1, MET) and district["2020-10"] == (0, SHORT)
    assert department["2020-Q3"] == (1, MET) and department["2020-Q4"] == (0, SHORT)


@pytest.mark.django_db
def test_before_the_plan_took_effect_nothing_was_required(ke_sach):
    story(ke_sach, published=at(2019, 9, 20))
    district = statuses(result_for("huyen-ke-sach", year=2019))
    assert len(district) == 12  # months, the shape of the district's rule
    assert district["2019-09"] == (1, NOT_REQUIRED) and district["2019-10"] == (0, SHORT)


@pytest.mark.django_db
def test_drafts_rejected_unpublished_and_translations_do_not_count(ke_sach):
    counted = story(ke_sach, at(YEAR, 4, 5))
    ExemplarPageFactory(parent=ke_sach, title="Bản nháp", live=False, first_published_at=None)
    unpublished = story(ke_sach, at(YEAR, 4, 6))
    unpublished.unpublish()
    khmer = Locale.objects.get(language_code="km")
    translation = counted.copy_for_translation(khmer, copy_parents=True)
    translation.save_revision().publish()
    assert ExemplarPage.objects.live().filter(translation_key=counted.translation_key).count() == 2
    assert statuses(result_for("huyen-ke-sach"))["2020-04"] == (1, MET)


@pytest.mark.django_db
def test_submission_sets_the_counting_date_once(ke_sach, superuser):
    page = ExemplarPageFactory(parent=ke_sach, live=False, first_published_at=None)
    page.save_revision(user=superuser)
    workflow_state = page.get_workflow().start(page, superuser)
    page.refresh_from_db()
    first = page.first_submitted_at
    assert first is not None and abs((first - workflow_state.created_at).total_seconds()) < 1
    workflow_state.cancel(user=superuser)
    page.get_workflow().start(page, superuser)
    page.refresh_from_db()
    assert page.first_submitted_at == first


@pytest.mark.django_db
def test_rule_changed_mid_year_leaves_earlier_periods_alone(ke_sach):
    for month in (1, 2, 3, 4, 5, 6, 7, 8):
        story(ke_sach, at(YEAR, month, 10))
    before = statuses(result_for("huyen-ke-sach"))
    QuotaRule.objects.create(unit_kind="district", period="month", minimum=2, effective_from=datetime.date(YEAR, 7, 1))
    after = statuses(result_for("huyen-ke-sach"))
    assert {k: v for k, v in after.items() if k < "2020-07"} == {k: v for k, v in before.items() if k < "2020-07"}
    assert after["2020-07"] == (1, SHORT) and before["2020-07"] == (1, MET)
    assert next(p for p in result_for("huyen-ke-sach").periods if p.period.key == "2020-08").required == 2


@pytest.mark.django_db
def test_a_unit_with_its_own_rule_and_a_quarterly_unit_turned_monthly(y_te):
    unit = y_te.unit
    QuotaRule.objects.create(unit=unit, period="month", minimum=1, effective_from=datetime.date(YEAR, 4, 1))
    story(y_te, at(YEAR, 2, 1))
    story(y_te, at(YEAR, 4, 20))
    got = statuses(result_for("so-y-te"))
    assert got["2020-Q1"] == (1, MET)
    assert got["2020-04"] == (1, MET) and got["2020-05"] == (0, SHORT)
    assert "2020-Q2" not in got


@pytest.mark.django_db
def test_merged_unit_owes_nothing_after_and_new_unit_nothing_before(newsroom, ke_sach):
    Unit.objects.filter(slug="so-ke-hoach-va-dau-tu").update(active_until=datetime.date(YEAR, 5, 31))
    merged = statuses(result_for("so-ke-hoach-va-dau-tu"))
    assert merged["2020-Q1"][1] == SHORT
    assert merged["2020-Q2"][1] == NOT_REQUIRED  # ended before the quarter did
    assert merged["2020-Q3"][1] == NOT_REQUIRED

    UnitFactory(slug="huyen-moi", name="Huyện Mới", kind="district", active_from=datetime.date(YEAR, 7, 1))
    new = statuses(result_for("huyen-moi"))
    assert new["2020-06"][1] == NOT_REQUIRED and new["2020-07"][1] == SHORT


@pytest.mark.django_db
def test_current_period_is_pending_until_met(ke_sach):
    today = datetime.date(YEAR, 6, 20)
    story(ke_sach, at(YEAR, 5, 1))
    result = contribution_report(YEAR, units=Unit.objects.filter(slug="huyen-ke-sach"), today=today)[0]
    assert result.period_result("2020-06").status == PENDING
    assert result.period_result("2020-05").status == MET
    standing, days_left = current_standing(ke_sach.unit, today=today)
    assert (standing.period.key, standing.count, standing.required, days_left) == ("2020-06", 0, 1, 10)


def test_period_keys_round_trip_and_reject_garbage():
    assert Period.from_key("2020-Q3") == Period("quarter", 2020, 3)
    assert Period.from_key("2020-09").end == datetime.date(2020, 9, 30)
    for bad in ["2020-13", "2020-Q5", "x", "2020-", "", " 2020-03", "2020-+3", "2020-3", "99999-01", "2020-q1"]:
        with pytest.raises(ValueError):
            Period.from_key(bad)


@pytest.mark.django_db
def test_report_cost_does_not_grow_with_units(newsroom):
    sections = list(UnitSectionPage.objects.select_related("unit")[:4])
    for i, section in enumerate(sections):
        story(section, at(YEAR, i + 1, 3))

    def queries_for_report():
        with CaptureQueriesContext(connection) as captured:
            contribution_report(YEAR, today=END_OF_YEAR)
        return len(captured)

    few = queries_for_report()
    for n in range(60 - Unit.objects.count()):
        UnitFactory(slug=f"doanh-nghiep-{n}", name=f"Doanh nghiệp {n}", kind="enterprise")
    assert Unit.objects.count() >= 60
    assert queries_for_report() == few
