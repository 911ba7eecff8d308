"""The figures of the report documents, every one taken from the engines, never counted anew.

Units' stories and periods come from ``contribution_report`` (one call per year the span touches),
the stories by kind, field and subject kind from the engine's own ``counted_stories`` (the same
stories, dated the same way, of the same units), so a document can never disagree with the grid.
Honouring events, awards and the public's submissions are read from their models over the span.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from campaigns.models import CampaignPage, HonouringEventPage
from exemplars.models import ExemplarAward
from reports.contributions import MET, PENDING, contribution_report, counted_stories, province_timezone
from submissions.models import DifficultyReport, Nomination


@dataclass(frozen=True)
class UnitFigures:
    """A unit's figures over a span: stories counted, periods met, missed (over and short) and in progress."""

    unit: object
    stories: int
    met: int
    missed: int
    in_progress: int

    @property
    def behind(self):
        return self.missed > 0


def _period_tally(period_result):
    """(met, missed, in progress) for one period result: a period is missed once judged and not met."""
    if period_result.status == MET:
        return 1, 0, 0
    if period_result.judged:
        return 0, 1, 0
    if period_result.status == PENDING or period_result.required:
        return 0, 0, 1
    return 0, 0, 0


def engine_results(span, units=None, today=None):
    """{year: [UnitResult]} of the engine for each year of ``span`` (``units``: a Unit queryset or None)."""
    with timezone.override(settings.TIME_ZONE):
        return {year: contribution_report(year, units=units, today=today) for year in span.years}


def unit_figures(span, results_by_year):
    """[UnitFigures] in the engine's order (by name), summed over the span's months and periods."""
    tallies = defaultdict(lambda: [0, 0, 0, 0])
    units = {}
    months = set(span.months())
    for year, results in results_by_year.items():
        for result in results:
            units.setdefault(result.unit.pk, result.unit)
            tally = tallies[result.unit.pk]
            tally[0] += sum(n for month, n in result.monthly.items() if datetime.date(year, month, 1) in months)
            for period_result in result.periods:
                if span.holds(period_result.period):
                    for index, value in enumerate(_period_tally(period_result), start=1):
                        tally[index] += value
    ordered = sorted(units.values(), key=lambda unit: (unit.name, unit.pk))
    return [UnitFigures(unit, *tallies[unit.pk]) for unit in ordered]


def monthly_totals(span, results_by_year):
    """[(first day of month, stories)] over the span, summed from the engine's monthly counts."""
    totals = dict.fromkeys(span.months(), 0)
    for year, results in results_by_year.items():
        for result in results:
            for month, n in result.monthly.items():
                key = datetime.date(year, month, 1)
                if key in totals:
                    totals[key] += n
    return list(totals.items())


def bounds(span):
    tz = province_timezone()
    start = datetime.datetime.combine(span.first_month, datetime.time.min, tzinfo=tz)
    return start, datetime.datetime.combine(span.end, datetime.time.min, tzinfo=tz)


def span_stories(span, unit_ids):
    """The engine's counted stories of ``unit_ids`` dated in the span's months."""
    start, end = bounds(span)
    return counted_stories(unit_ids).filter(counted_at__gte=start, counted_at__lt=end)


def count_by(stories, field):
    """[(value, stories)] most first, then by value; one query."""
    rows = stories.order_by().values(field).annotate(n=Count("pk", distinct=True)).values_list(field, "n")
    return sorted(rows, key=lambda row: (-row[1], str(row[0] or "")))


def awards_featured(stories):
    """[(award type name, stories featuring a holder)] for the span's stories, most first."""
    rows = (
        ExemplarAward.objects.filter(page__in=stories.values("pk"))
        .values("award_type__name")
        .annotate(n=Count("page", distinct=True))
        .values_list("award_type__name", "n")
    )
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def honouring_events(span):
    """The live honouring events dated in the span, oldest first, each with ``honoured`` (stories
    honoured) and ``by_board`` (held under a campaign, not in a unit's section)."""
    events = list(
        HonouringEventPage.objects.live()
        .filter(date__gte=span.date_from, date__lte=span.date_to, locale__language_code=settings.LANGUAGE_CODE)
        .annotate(honoured=Count("exemplars", distinct=True))
        .order_by("date", "pk")
    )
    campaign_paths = set(CampaignPage.objects.values_list("path", flat=True))
    for event in events:
        event.by_board = event.path[: -event.steplen] in campaign_paths
    return events


def submissions_received(span):
    """{"nominations": [(status label, n)], "difficulty_reports": [...]} received in the span."""
    start, end = bounds(span)
    received = {}
    for key, model in (("nominations", Nomination), ("difficulty_reports", DifficultyReport)):
        labels = dict(model._meta.get_field("status").choices)
        rows = dict(
            model.objects.filter(created_at__gte=start, created_at__lt=end)
            .order_by()
            .values("status")
            .annotate(n=Count("pk"))
            .values_list("status", "n")
        )
        received[key] = [(labels[status], rows.get(status, 0)) for status in labels]
    return received
