"""The yearly emulation scoring: units ranked within their emulation bloc (DESIGN.md's glossary: the
group in which units are scored against each other) by how well they kept the plan's quota over a year.

The rule: a unit ranks higher the larger its compliance (the share of its required periods it met,
periods still in progress aside; a unit that owed nothing comes last), then the more stories it
contributed in the year. Units level on both share a rank (1, 2, 2, 4); their names only order
them on the page. Blocs come in their own order, units without a bloc last. Everything here works
on the engine's UnitResults (reports.contributions.contribution_report) and runs no query of its own.
"""

from dataclasses import dataclass
from itertools import groupby


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
