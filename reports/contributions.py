"""Counting each unit's contributions against the plan's quota (DESIGN.md, "Counting contributions").

A contribution is a live exemplar story in the source language (no translations, no aliases),
counted in the month or quarter in which its unit first submitted it for moderation, or, if the
Board published it directly, in which it was first published. The quota rule in force at the
start of a period decides what that period required; a unit owes only the periods that lie
wholly within its active life. Months are the province's months (settings.TIME_ZONE), whatever
time zone the person looking has chosen.

Beside what counts, the report shows what waits (DESIGN.md: "Standings show, beside what counts,
what waits"): the stories not yet live whose workflow waits at the unit's step, at the Board's
step, or was sent back for changes, dated by the same rule. They never count toward "met"; a
period short of its quota that what waits at the Board's step would meet is "awaiting the Board"
rather than short or in progress, since the next move is the Board's.

Beside the quota, the report says how many of each unit's models were replicated in the year
(issue 17, "nhân rộng"): the number of the unit's stories that count as contributions (live, in the
source language, of any year) with at least one live replication record whose adoption date falls
in the year, wherever and by whomever it was recorded. A story replicated in ten communes is one
model replicated; records are never contributions themselves.

Query budget: ``contribution_report`` runs five queries (the units, the quota rules, the live
stories per month, the stories in moderation per month, the replicated stories per unit), whatever
the number of units or periods.
"""

import calendar
import datetime
import re
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, F
from django.db.models.functions import Coalesce, ExtractMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from exemplars.models import ExemplarPage, ReplicationPage
from reports.moderation import (
    BOARD_STEP,
    SENT_BACK,
    STAGE_LABELS,
    STAGES,
    UNIT_STEP,
    moderation_counts,
    stories_in_moderation,
    year_bounds,
)
from units.models import QuotaPeriod, QuotaRule, Unit

MET, SHORT, NOT_REQUIRED, PENDING = "met", "short", "not_required", "pending"
AWAITING_BOARD = "awaiting_board"
_PERIOD_KEY = re.compile(r"^(?P<year>(19|20|21)\d\d)-(?:(?P<month>0[1-9]|1[0-2])|Q(?P<quarter>[1-4]))$")


def province_timezone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


STATUS_LABELS = {
    MET: _("Met"),
    SHORT: _("Short"),
    NOT_REQUIRED: _("Not required"),
    PENDING: _("In progress"),
    AWAITING_BOARD: pgettext_lazy("quota", "Awaiting the Board"),
}


@dataclass(frozen=True)
class Period:
    """A month (kind "month", number 1–12) or a quarter (kind "quarter", number 1–4) of a year."""

    kind: str
    year: int
    number: int

    @property
    def months(self):
        if self.kind == QuotaPeriod.MONTH:
            return (self.number,)
        first = 3 * (self.number - 1) + 1
        return (first, first + 1, first + 2)

    @property
    def start(self):
        return datetime.date(self.year, self.months[0], 1)

    @property
    def end(self):
        last = self.months[-1]
        return datetime.date(self.year, last, calendar.monthrange(self.year, last)[1])

    @property
    def key(self):
        """A stable identifier: "2020-03" for March, "2020-Q1" for the first quarter."""
        return f"{self.year}-{self.number:02d}" if self.kind == QuotaPeriod.MONTH else f"{self.year}-Q{self.number}"

    @property
    def label(self):
        return f"T{self.number}/{self.year}" if self.kind == QuotaPeriod.MONTH else f"Q{self.number}/{self.year}"

    def contains(self, date):
        return self.start <= date <= self.end

    @classmethod
    def from_key(cls, key):
        """The period of a key exactly as ``key`` makes it ("2020-03", "2020-Q1"); ValueError otherwise."""
        match = _PERIOD_KEY.match(key or "")
        if match is None:
            raise ValueError(f"not a period: {key!r}")
        year = int(match["year"])
        if match["quarter"]:
            return cls(QuotaPeriod.QUARTER, year, int(match["quarter"]))
        return cls(QuotaPeriod.MONTH, year, int(match["month"]))

    @classmethod
    def containing(cls, kind, date):
        number = date.month if kind == QuotaPeriod.MONTH else (date.month - 1) // 3 + 1
        return cls(kind, date.year, number)


@dataclass
class PeriodResult:
    period: Period
    count: int
    required: int  # 0 when not required
    status: str
    # Stories of the period not yet live, by where their workflow waits; they never count toward "met".
    awaiting_unit: int = 0
    awaiting_board: int = 0
    sent_back: int = 0
    over: bool = False  # the period had ended on the day the report was computed
    rule: QuotaRule | None = None  # the rule in force at the period's start, which decided what it required

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def in_moderation(self):
        return self.awaiting_unit + self.awaiting_board + self.sent_back

    @property
    def judged(self):
        """Whether the period counts in compliance: required, and met or over (short either way if not met)."""
        return self.status in (MET, SHORT) or (self.status == AWAITING_BOARD and self.over)

    def queue(self):
        """[(stage, label, stories)] of the stages where some of the period's stories wait."""
        counts = {UNIT_STEP: self.awaiting_unit, BOARD_STEP: self.awaiting_board, SENT_BACK: self.sent_back}
        return [(stage, STAGE_LABELS[stage], counts[stage]) for stage in STAGES if counts[stage]]


@dataclass
class UnitResult:
    unit: Unit
    periods: list = field(default_factory=list)
    total: int = 0  # every counted story of the year, whether a period required it or not
    monthly: dict = field(default_factory=dict)  # month (1–12) -> stories counted in it
    waiting: dict = field(default_factory=dict)  # stage -> the year's stories waiting there
    replicated: int = 0  # the unit's stories with a live replication record adopted in the year

    @property
    def awaiting_unit(self):
        return self.waiting.get(UNIT_STEP, 0)

    @property
    def awaiting_board(self):
        return self.waiting.get(BOARD_STEP, 0)

    @property
    def sent_back(self):
        return self.waiting.get(SENT_BACK, 0)

    @property
    def periods_required(self):
        return sum(1 for p in self.periods if p.judged)

    @property
    def periods_met(self):
        return sum(1 for p in self.periods if p.status == MET)

    @property
    def compliance(self):
        """Percentage of required (and finished) periods that were met; None if none was required."""
        required = self.periods_required
        return round(100 * self.periods_met / required, 1) if required else None

    def result_for_month(self, month):
        return next((p for p in self.periods if month in p.period.months), None)

    def period_result(self, key):
        return next((p for p in self.periods if p.period.key == key), None)


def counted_stories(unit_ids=None):
    """Live source-language stories, annotated with ``counted_at`` (first submission or publication)."""
    stories = ExemplarPage.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True, unit__isnull=False
    )
    if unit_ids is not None:
        stories = stories.filter(unit_id__in=unit_ids)
    return stories.annotate(counted_at=Coalesce(F("first_submitted_at"), F("first_published_at")))


def _bounds(period):
    tz = province_timezone()
    start = datetime.datetime.combine(period.start, datetime.time.min, tzinfo=tz)
    return start, datetime.datetime.combine(period.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)


def stories_in_period(unit, period):
    """The stories that count for ``unit`` in ``period``, newest first."""
    start, end = _bounds(period)
    return counted_stories([unit.pk]).filter(counted_at__gte=start, counted_at__lt=end).order_by("-counted_at")


def waiting_in_period(unit, period):
    """The stories of ``unit`` in moderation dated in ``period`` (annotated with ``stage``), oldest first."""
    start, end = _bounds(period)
    return stories_in_moderation([unit.pk]).filter(counted_at__gte=start, counted_at__lt=end).order_by("counted_at")


def monthly_counts(year, unit_ids=None):
    """{(unit_id, month): stories} for ``year``, in local time, in one query."""
    start, end = year_bounds(year, province_timezone())
    rows = (
        counted_stories(unit_ids)
        .filter(counted_at__gte=start, counted_at__lt=end)
        .annotate(counted_month=ExtractMonth("counted_at", tzinfo=province_timezone()))
        .values("unit_id", "counted_month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {(row["unit_id"], row["counted_month"]): row["n"] for row in rows}


def replicated_counts(date_from, date_to, unit_ids=None):
    """{unit_id: models replicated} between two dates (inclusive): the unit's counted stories with at
    least one live replication record adopted then (see the module); one query."""
    records = ReplicationPage.objects.live().filter(adopted_on__gte=date_from, adopted_on__lte=date_to)
    rows = (
        counted_stories(unit_ids)
        .filter(pk__in=records.values("story_id"))
        .values("unit_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["unit_id"]: row["n"] for row in rows}


class RuleBook:
    """The quota rules, loaded once; answers which rule was in force for a unit on a date."""

    def __init__(self, rules=None):
        # With its unit: the report names each period's rule, and a unit's rule is named after it.
        rules = list(QuotaRule.objects.select_related("unit") if rules is None else rules)
        self.by_unit = defaultdict(list)
        self.by_kind = defaultdict(list)
        for rule in sorted(rules, key=lambda r: r.effective_from):
            (self.by_unit[rule.unit_id] if rule.unit_id else self.by_kind[rule.unit_kind]).append(rule)

    def first_rule_for(self, unit):
        """The earliest rule that will ever apply to ``unit``, or None."""
        rules = self.by_unit.get(unit.pk) or self.by_kind.get(unit.kind) or [None]
        return rules[0]

    def rule_for(self, unit, date):
        """The unit's own rule in force on ``date`` if any, else its kind's, else None."""
        for rules in (self.by_unit.get(unit.pk, ()), self.by_kind.get(unit.kind, ())):
            in_force = [rule for rule in rules if rule.effective_from <= date]
            if in_force:
                return in_force[-1]
        return None


def _owes(unit, period):
    return (unit.active_from is None or unit.active_from <= period.start) and (
        unit.active_until is None or unit.active_until >= period.end
    )


def unit_periods(unit, year, rulebook):
    """The periods of ``year`` for ``unit`` with what each required: [(Period, required)].

    Each quarter is judged by the rule in force at its start: a quarterly rule makes it one
    period, a monthly rule makes it three (each judged at its own start). Before any rule is in
    force, periods take the shape of the unit's first rule, and require nothing.
    """
    periods = []
    for quarter in range(1, 5):
        period = Period(QuotaPeriod.QUARTER, year, quarter)
        rule = rulebook.rule_for(unit, period.start)
        shape = rule or rulebook.first_rule_for(unit)
        if shape is not None and shape.period == QuotaPeriod.MONTH:
            for month in period.months:
                month_period = Period(QuotaPeriod.MONTH, year, month)
                month_rule = rulebook.rule_for(unit, month_period.start)
                periods.append((month_period, _required(month_rule, unit, month_period)))
        else:
            periods.append((period, _required(rule, unit, period)))
    return periods


def _required(rule, unit, period):
    if rule is None or rule.period == QuotaPeriod.NONE or not _owes(unit, period):
        return 0
    return rule.minimum


def judge(count, required, awaiting_board, over):
    """The status of a period: what counts (``count``) against what it ``required``; when short,
    "awaiting the Board" if the stories at the Board's step would make up the difference, else
    short once the period is ``over`` and in progress until then."""
    if not required:
        return NOT_REQUIRED
    if count >= required:
        return MET
    if count + awaiting_board >= required:
        return AWAITING_BOARD
    return SHORT if over else PENDING


def _period_result(unit, period, required, counts, queued, today):
    count = sum(counts.get((unit.pk, month), 0) for month in period.months)
    waiting = dict.fromkeys(STAGES, 0)
    for month in period.months:
        for stage, n in queued.get((unit.pk, month), {}).items():
            waiting[stage] += n
    over = period.end < today
    return PeriodResult(
        period,
        count,
        required,
        judge(count, required, waiting[BOARD_STEP], over),
        awaiting_unit=waiting[UNIT_STEP],
        awaiting_board=waiting[BOARD_STEP],
        sent_back=waiting[SENT_BACK],
        over=over,
    )


def contribution_report(year, units=None, today=None):
    """One UnitResult per unit for ``year``: every period's count against what it required, and
    what waits in moderation.

    ``units``: a Unit queryset (default: every contributing unit active at some time in the year).
    A period not yet over is "pending" until it is met. Five queries in all (see the module).
    """
    today = today or timezone.localdate(timezone=province_timezone())
    if units is None:
        units = Unit.objects.contributing().active_between(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    units = list(units.select_related("bloc").order_by("name"))
    rulebook = RuleBook()
    unit_ids = [unit.pk for unit in units]
    counts = monthly_counts(year, unit_ids)
    queued = moderation_counts(year, unit_ids, province_timezone())
    replicated = replicated_counts(datetime.date(year, 1, 1), datetime.date(year, 12, 31), unit_ids)
    results = []
    for unit in units:
        result = UnitResult(unit=unit)
        for period, required in unit_periods(unit, year, rulebook):
            period_result = _period_result(unit, period, required, counts, queued, today)
            period_result.rule = rulebook.rule_for(unit, period.start)
            result.periods.append(period_result)
        result.monthly = {month: counts.get((unit.pk, month), 0) for month in range(1, 13)}
        result.total = sum(result.monthly.values())
        result.waiting = {
            stage: sum(queued.get((unit.pk, month), {}).get(stage, 0) for month in range(1, 13)) for stage in STAGES
        }
        result.replicated = replicated.get(unit.pk, 0)
        results.append(result)
    return results


def current_standing(unit, today=None, rulebook=None):
    """(PeriodResult, days_left) for the period ``today`` falls in, or (None, None) if nothing is owed.

    The period and what it requires come from ``unit_periods``, as in the report.
    """
    today = today or timezone.localdate(timezone=province_timezone())
    rulebook = rulebook or RuleBook()
    for period, required in unit_periods(unit, today.year, rulebook):
        if period.contains(today):
            if not required:
                return None, None
            count = stories_in_period(unit, period).count()
            status = MET if count >= required else PENDING
            return PeriodResult(period, count, required, status), (period.end - today).days
    return None, None
