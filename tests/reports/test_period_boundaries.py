"""The edges of the periods a contribution counts in (DESIGN.md, "Counting contributions"): the
province's months and quarters (Asia/Ho_Chi_Minh, UTC+7), to the second, in the report, in the
standing of the current period, in the list of a period's stories and in the yearly scoring.

A story counts in the period in which its unit first submitted it, or, published directly, first
published it; its first and last second belong to that period and to no neighbour. Midnight UTC is
07:00 in the province: a story sent at 06:59:59 on the 1st is in the new month there, though still
in the old one in UTC. Aliases, translations and stories no longer live never count.
"""

import datetime
import zoneinfo

import pytest
from django.utils import timezone
from wagtail.models import Locale

from exemplars.models import ExemplarPage, UnitSectionPage
from reports.contributions import Period, contribution_report, current_standing, stories_in_period
from reports.scoring import yearly_scores
from tests.factories import ExemplarPageFactory
from tests.helpers import published
from units.models import Unit

PROVINCE = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
DISTRICT, DEPARTMENT = "huyen-ke-sach", "so-y-te"  # counted by month, by quarter


def local(*args):
    return datetime.datetime(*args, tzinfo=PROVINCE)


# (unit, the moment it counts at, province time), the period it counts in, the neighbour it does not.
EDGES = [
    (DISTRICT, local(2020, 3, 1, 0, 0, 0), "2020-03", "2020-02"),
    (DISTRICT, local(2020, 3, 31, 23, 59, 59), "2020-03", "2020-04"),
    (DISTRICT, local(2020, 2, 29, 23, 59, 59), "2020-02", "2020-03"),  # a leap year's last day
    (DISTRICT, local(2020, 4, 1, 6, 59, 59), "2020-04", "2020-03"),  # 31 March 23:59:59 UTC
    (DISTRICT, local(2020, 3, 31, 7, 0, 0), "2020-03", "2020-04"),  # 31 March 00:00 UTC
    (DISTRICT, local(2020, 12, 31, 23, 59, 59), "2020-12", "2021-01"),
    (DISTRICT, local(2021, 1, 1, 0, 0, 0), "2021-01", "2020-12"),  # still 2020 in UTC
    (DEPARTMENT, local(2020, 4, 1, 0, 0, 0), "2020-Q2", "2020-Q1"),
    (DEPARTMENT, local(2020, 6, 30, 23, 59, 59), "2020-Q2", "2020-Q3"),
    (DEPARTMENT, local(2020, 7, 1, 6, 59, 59), "2020-Q3", "2020-Q2"),  # 30 June 23:59:59 UTC
    (DEPARTMENT, local(2020, 9, 30, 23, 59, 59), "2020-Q3", "2020-Q4"),
    (DEPARTMENT, local(2020, 12, 31, 23, 59, 59), "2020-Q4", "2021-Q1"),
    (DEPARTMENT, local(2021, 1, 1, 0, 0, 0), "2021-Q1", "2020-Q4"),
]
EDGE_IDS = [f"{unit}-{moment:%Y-%m-%d %H:%M:%S}" for unit, moment, _, _ in EDGES]


def section_of(slug):
    return UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug=slug)


def story_counting_at(slug, moment, how):
    """A live story of the unit counted at ``moment``: submitted then (and published a week later),
    or published directly then by the Board."""
    if how == "published":
        return ExemplarPageFactory(parent=section_of(slug), first_published_at=moment)
    page = ExemplarPageFactory(parent=section_of(slug), first_published_at=moment + datetime.timedelta(days=7))
    ExemplarPage.objects.filter(pk=page.pk).update(first_submitted_at=moment)
    return page


def report_count(slug, key):
    period = Period.from_key(key)
    result = contribution_report(period.year, units=Unit.objects.filter(slug=slug), today=datetime.date(2030, 1, 1))[0]
    return result.period_result(key).count


@pytest.mark.django_db
@pytest.mark.parametrize("how", ["submitted", "published"])
@pytest.mark.parametrize(("slug", "moment", "key", "neighbour"), EDGES, ids=EDGE_IDS)
def test_a_story_counts_in_its_period_to_the_second_and_not_in_the_next(newsroom, slug, moment, key, neighbour, how):
    story = story_counting_at(slug, moment, how)
    unit = Unit.objects.get(slug=slug)
    # Read by someone whose admin account is set to UTC: the province's months and years all the
    # same (Django's year lookup once took a year's bounds in the reader's time zone and lost the
    # stories of 1 January before 07:00 from both years).
    with timezone.override("UTC"):
        assert (report_count(slug, key), report_count(slug, neighbour)) == (1, 0)
        assert list(stories_in_period(unit, Period.from_key(key))) == [story]
        assert list(stories_in_period(unit, Period.from_key(neighbour))) == []
        # The standing on the story's own day (the period's first or last) counts it, as the
        # dashboard and the reminders show it.
        standing, _days_left = current_standing(unit, today=moment.date())
    assert (standing.period.key, standing.count) == (key, 1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "last_day", "days_left"),
    [(DISTRICT, datetime.date(2020, 3, 31), 0), (DEPARTMENT, datetime.date(2020, 9, 30), 0)],
)
def test_on_the_last_day_the_standing_is_met_by_a_story_of_that_evening(newsroom, slug, last_day, days_left):
    unit = Unit.objects.get(slug=slug)
    standing, left = current_standing(unit, today=last_day)
    assert (standing.count, standing.status, left) == (0, "pending", days_left)
    story_counting_at(slug, local(last_day.year, last_day.month, last_day.day, 23, 59, 59), "submitted")
    standing, left = current_standing(unit, today=last_day)
    assert (standing.count, standing.status, left) == (1, "met", days_left)


@pytest.mark.django_db
def test_the_yearly_scoring_counts_the_last_second_of_the_year_and_not_the_first_of_the_next(newsroom):
    story_counting_at(DISTRICT, local(2020, 12, 31, 23, 59, 59), "submitted")
    story_counting_at(DISTRICT, local(2021, 1, 1, 0, 0, 0), "submitted")
    units = Unit.objects.filter(slug=DISTRICT)
    with timezone.override("UTC"):  # whatever the reader's time zone
        scores = {year: yearly_scores(year, units=units, today=datetime.date(2030, 1, 1)) for year in (2020, 2021)}
    assert [score.result.total for score in scores[2020]] == [1]
    assert [score.result.total for score in scores[2021]] == [1]
    assert scores[2020][0].result.period_result("2020-12").count == 1


@pytest.mark.django_db
def test_aliases_translations_and_stories_taken_down_never_count(newsroom):
    """All dated the last second of March: only the one live source-language story counts, in the
    report, the period's list and the standing alike."""
    last_second = local(2020, 3, 31, 23, 59, 59)
    section = section_of(DISTRICT)
    story = story_counting_at(DISTRICT, last_second, "submitted")
    story.refresh_from_db()
    alias = story.create_alias(update_slug="guong-sang-ban-dong-bo")
    translation = published(story.copy_for_translation(Locale.objects.get(language_code="km"), copy_parents=True))
    # Dated as their source, so that only the rule, not a date elsewhere, keeps them out.
    copies = ExemplarPage.objects.filter(pk__in=[alias.pk, translation.pk])
    copies.update(first_submitted_at=last_second, first_published_at=last_second)
    taken_down = story_counting_at(DISTRICT, last_second, "submitted")
    taken_down.unpublish()
    draft = ExemplarPageFactory(parent=section, live=False, first_published_at=None)
    ExemplarPage.objects.filter(pk=draft.pk).update(first_submitted_at=last_second)
    # What the test would prove nothing without: the alias, in the unit's own section, and the
    # translation are live, and all three carry the unit.
    live = ExemplarPage.objects.live()
    assert live.filter(pk__in=[story.pk, alias.pk, translation.pk], unit=story.unit).count() == 3
    assert alias.alias_of_id == story.pk and alias.get_parent().pk == section.pk

    unit = Unit.objects.get(slug=DISTRICT)
    assert report_count(DISTRICT, "2020-03") == 1
    year = contribution_report(2020, units=Unit.objects.filter(slug=DISTRICT), today=datetime.date(2030, 1, 1))[0]
    assert year.total == 1
    assert list(stories_in_period(unit, Period.from_key("2020-03"))) == [story]
    standing, _ = current_standing(unit, today=datetime.date(2020, 3, 31))
    assert standing.count == 1
