"""The yearly emulation scoring: units ranked within their emulation bloc (DESIGN.md's glossary: the
group in which units are scored against each other) by how well they kept the plan's quota over a year.

The rule: a unit ranks higher the larger its compliance (the share of its required periods it met,
periods still in progress aside; a unit that owed nothing comes last), then the more stories it
contributed in the year. Units level on both share a rank (1, 2, 2, 4); their names only order
them on the page. Blocs come in their own order, units without a bloc last. Everything here works
on the engine's UnitResults (reports.contributions.contribution_report) and runs no query of its own.

When the Board has set the year's weights (reports.models.ScoringWeights), ``yearly_scores`` gives
each unit points instead: per period met, per story beyond the quota, per story featured by an
outlet, per story replicated (none is recorded yet), minus per period missed, plus the Board's
adjustments; units rank by points, then as above. A year without weights is ranked as before, with
no points. ``yearly_scores`` runs the engine's four queries and three of its own, whatever the
number of units.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from columns.models import ColumnArticleFeaturedStory
from reports.contributions import contribution_report, province_timezone
from reports.models import ScoreAdjustment, ScoringWeights


@dataclass(frozen=True)
class ScoreRow:
    """A unit's place in its bloc: ``bloc`` (an EmulationBloc or None), ``rank`` and its UnitResult."""

    bloc: object
    rank: int
    result: object

    @property
    def unit(self):
        return self.result.unit


def scoring_key(result):
    """Compliance (highest first, none last), then stories (most first), then the unit's name."""
    compliance = result.compliance
    return (compliance is None, -(compliance or 0), -result.total, result.unit.name)


def standing_of(result):
    """What a rank is decided on: the scoring key without the name."""
    return scoring_key(result)[:3]


def bloc_key(result):
    """The blocs in their own order (sort_order, then name), units without a bloc last."""
    bloc = result.unit.bloc
    return (bloc is None, bloc.sort_order if bloc else 0, bloc.name if bloc else "", bloc.pk if bloc else 0)


def ranked(members):
    """ScoreRows for the UnitResults of one bloc, best first; level units share the first free rank."""
    rows, previous, rank = [], None, 0
    for position, result in enumerate(sorted(members, key=scoring_key), start=1):
        standing = standing_of(result)
        if standing != previous:
            rank, previous = position, standing
        rows.append(ScoreRow(result.unit.bloc, rank, result))
    return rows


def score(results):
    """ScoreRows grouped by bloc (in the blocs' order, units without a bloc last), ranked within it."""
    rows = []
    for _key, members in groupby(sorted(results, key=bloc_key), key=bloc_key):
        rows.extend(ranked(members))
    return rows


@dataclass(frozen=True)
class UnitScore:
    """A unit's score of a year: its ``rank`` in its ``bloc``; ``points`` (a Decimal, None when the
    year has no weights), of which ``adjustments`` (their total) came from the Board's ``notes``
    (ScoreAdjustments, oldest first); ``parts`` what earned the rest; the engine's UnitResult."""

    bloc: object
    rank: int
    result: object
    points: Decimal | None = None
    adjustments: Decimal = Decimal(0)
    notes: tuple = ()
    parts: tuple = ()

    @property
    def unit(self):
        return self.result.unit

    @property
    def weighted(self):
        return self.points is not None

    def notes_text(self):
        """The Board's notes on one line, as the exports and documents show them."""
        return "; ".join(note.summary() for note in self.notes)


# What earns points, in the order the weights show them: (part, weight's field, sign).
PARTS = (
    ("periods_met", "per_period_met", 1),
    ("stories_beyond_quota", "per_story_beyond_quota", 1),
    ("stories_featured", "per_story_featured", 1),
    ("stories_replicated", "per_story_replicated", 1),
    ("periods_missed", "per_period_missed", -1),
)


def featured_counts(year, unit_ids):
    """{unit_id: the unit's live stories featured by live source-language column articles first
    published in ``year`` (province time)}, a story counted once whatever articles feature it."""
    start, end = (datetime.datetime(y, 1, 1, tzinfo=province_timezone()) for y in (year, year + 1))
    rows = (
        ColumnArticleFeaturedStory.objects.filter(
            page__live=True,
            page__locale__language_code=settings.LANGUAGE_CODE,
            page__alias_of__isnull=True,
            story__live=True,
            story__unit_id__in=unit_ids,
        )
        # The province's year as bounds: Django turns a filter on ExtractYear into a BETWEEN in the
        # active time zone whatever tzinfo it is given (an admin user with a zone of their own).
        .filter(page__first_published_at__gte=start, page__first_published_at__lt=end)
        .values("story__unit_id")
        .annotate(n=Count("story__translation_key", distinct=True))
        .order_by()
    )
    return {row["story__unit_id"]: row["n"] for row in rows}


def score_parts(result, featured=0):
    """{part: how many} for a UnitResult: periods met and missed (required, finished, short),
    stories beyond what their period required, stories featured; replications are not recorded yet."""
    return {
        "periods_met": result.periods_met,
        "stories_beyond_quota": sum(max(0, p.count - p.required) for p in result.periods),
        "stories_featured": featured,
        "stories_replicated": 0,
        "periods_missed": result.periods_required - result.periods_met,
    }


def points_of(parts, weights):
    return sum((sign * parts[part] * getattr(weights, field) for part, field, sign in PARTS), Decimal(0))


def weighted_key(item):
    """Points (most first), then the scoring key as without weights."""
    result, points = item
    return (-points, *scoring_key(result))


def _rank(items, key):
    """[(item, rank)] best first; items level on ``key`` without the unit's name share a rank."""
    ranks, previous, rank = [], None, 0
    for position, item in enumerate(sorted(items, key=key), start=1):
        standing = key(item)[:-1]
        if standing != previous:
            rank, previous = position, standing
        ranks.append((item, rank))
    return ranks


def weigh(results, weights=None, adjustments=(), featured=None):
    """UnitScores for the engine's ``results`` by bloc, ranked within it; ``weights``
    None ranks them as ``score`` does (no points), the adjustments shown all the same."""
    notes = defaultdict(list)
    for adjustment in adjustments:
        notes[adjustment.unit_id].append(adjustment)
    featured = featured or {}
    scores = []
    for _key, members in groupby(sorted(results, key=bloc_key), key=bloc_key):
        items = []
        for result in members:
            parts = score_parts(result, featured.get(result.unit.pk, 0))
            extra = sum((note.points for note in notes[result.unit.pk]), Decimal(0))
            points = None if weights is None else points_of(parts, weights) + extra
            items.append((result, points, tuple(parts.items()), extra))
        if weights is None:
            ranked_items = _rank(items, lambda item: scoring_key(item[0]))
        else:
            ranked_items = _rank(items, lambda item: weighted_key(item[:2]))
        for (result, points, parts, extra), rank in ranked_items:
            scores.append(UnitScore(result.unit.bloc, rank, result, points, extra, tuple(notes[result.unit.pk]), parts))
    return scores


_UNSET = object()


def year_adjustments(year, unit_ids):
    return list(
        ScoreAdjustment.objects.filter(year=year, unit_id__in=unit_ids)
        .select_related("recorded_by")
        .order_by("recorded_at", "pk")
    )


def yearly_scores(year, units=None, today=None):
    """The scoring of ``year``: one UnitScore per unit (``units`` a Unit queryset, default every
    contributing unit active in the year), by bloc, ranked within it by the year's weights (none:
    compliance, then stories). Counted in the province's time zone; seven queries at most."""
    with timezone.override(settings.TIME_ZONE):
        results = contribution_report(year, units=units, today=today)
    return weigh_results(year, results)


def weigh_results(year, results, weights=_UNSET):
    """``weigh`` with the year's weights (unless given, None for none), adjustments and featured stories."""
    if weights is _UNSET:
        weights = ScoringWeights.objects.filter(year=year).first()
    unit_ids = [result.unit.pk for result in results]
    featured = featured_counts(year, unit_ids) if weights is not None else {}
    return weigh(results, weights, year_adjustments(year, unit_ids), featured)
