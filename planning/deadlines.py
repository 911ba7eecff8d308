"""The quota's period deadlines on the calendar, with how many units are still short, from the
contribution engine (reports.contributions) itself: the same rules, periods and counts as the Board's
report, so the calendar and the report never disagree.

A unit is "still short" of a period it owes while what counts is below what the period requires and
what waits at the Board's step would not make it up (statuses "short" and "in progress"); a unit
"awaiting the Board" is not short (DESIGN.md, "Counting contributions").
"""

from collections import defaultdict
from dataclasses import dataclass

from reports.contributions import PENDING, SHORT, contribution_report
from units.models import Unit, UnitKind

STILL_SHORT = frozenset({SHORT, PENDING})


@dataclass(frozen=True)
class Deadline:
    """The end of a period for the units of one kind (the Board's view) or for one unit (a unit's)."""

    date: object  # datetime.date: the period's last day
    period_label: str  # "T12/2026", "Q4/2026"
    who: str  # the kind's label, or the unit's name
    owing: int  # units that owe the period
    short: int  # of them, still short


def _collect(start, end, units, today):
    """{(date, period label, group key): [owing, short]} over the years from ``start`` to ``end``."""
    found = defaultdict(lambda: [0, 0])
    for year in range(start.year, end.year + 1):
        for result in contribution_report(year, units=units, today=today):
            for period in result.periods:
                if not period.required or not start <= period.period.end <= end:
                    continue
                key = (period.period.end, period.period.label, result.unit)
                found[key][0] += 1
                found[key][1] += period.status in STILL_SHORT
    return found


def deadlines_by_kind(start, end, today=None):
    """The Board's deadlines: per kind of unit, how many of its units owe the period and are short."""
    totals = defaultdict(lambda: [0, 0])
    for (date, label, unit), (owing, short) in _collect(start, end, None, today).items():
        totals[(date, label, unit.kind)][0] += owing
        totals[(date, label, unit.kind)][1] += short
    return sorted(
        (
            Deadline(date, label, str(UnitKind(kind).label), owing, short)
            for (date, label, kind), (owing, short) in totals.items()
        ),
        key=lambda d: (d.date, d.who),
    )


def deadlines_of_units(unit_ids, start, end, today=None):
    """A unit's own deadlines (for each of ``unit_ids`` that contributes): owing 1, short 0 or 1."""
    units = Unit.objects.contributing().filter(pk__in=unit_ids)
    found = _collect(start, end, units, today)
    return sorted(
        (Deadline(date, label, unit.name, owing, short) for (date, label, unit), (owing, short) in found.items()),
        key=lambda d: (d.date, d.who),
    )
