"""The contribution report's grid: a row per unit, a cell per period of the engine's results, as the
page shows them and the exports write them. No queries: everything comes from the UnitResults.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import pgettext_lazy

from reports.contributions import AWAITING_BOARD, MET, NOT_REQUIRED, PENDING, SHORT, STATUS_LABELS
from reports.moderation import BOARD_STEP, SENT_BACK, UNIT_STEP
from units.models import QuotaPeriod, Unit

NOT_REQUIRED_MARK = "–"
STATUS_SYMBOLS = {MET: "✓", SHORT: "✗", NOT_REQUIRED: "–", PENDING: "…", AWAITING_BOARD: "⧖"}
STATUS_ORDER = (MET, AWAITING_BOARD, SHORT, PENDING, NOT_REQUIRED)
# What a cell shows beneath its count of the stories waiting (a cell is narrow; its title and
# aria-label say it in full, with STAGE_LABELS).
STAGE_SHORT_LABELS = {
    UNIT_STEP: pgettext_lazy("quota cell", "unit"),
    BOARD_STEP: pgettext_lazy("quota cell", "Board"),
    SENT_BACK: pgettext_lazy("quota cell", "back"),
}


def cell_text(period_result):
    """ "count/required" as in the exports: "1/1", "0/1", "2/–" when nothing was required."""
    required = period_result.required if period_result.status != NOT_REQUIRED else NOT_REQUIRED_MARK
    return f"{period_result.count}/{required}"


def queue_text(period_result):
    """What waits in moderation, in words: "Awaiting the Board's approval: 1; Sent back for changes: 1"."""
    return "; ".join(f"{label}: {stories}" for _stage, label, stories in period_result.queue())


def export_text(period_result):
    """A period's cell in the spreadsheets: "0/1", or "0/1 (Awaiting the Board's approval: 1)"."""
    waiting = queue_text(period_result)
    return f"{cell_text(period_result)} ({waiting})" if waiting else cell_text(period_result)


def period_column(period):
    """The export column of a period: "m3" for March, "q1" for the first quarter."""
    return f"m{period.number}" if period.kind == QuotaPeriod.MONTH else f"q{period.number}"


@dataclass
class Cell:
    result: object  # PeriodResult
    unit: Unit
    url: str | None
    focused: bool = False  # in the period the status filter looks at

    @property
    def status(self):
        return self.result.status

    @property
    def colspan(self):
        return len(self.result.period.months)

    # Cached, like description: the template shows each cell's description twice (title and
    # aria-label), for some 500 cells at 60 units.
    @cached_property
    def text(self):
        return cell_text(self.result)

    @property
    def label(self):
        return STATUS_LABELS[self.status]

    @property
    def symbol(self):
        return STATUS_SYMBOLS[self.status]

    @cached_property
    def queue(self):
        """[(stage, short label, stories)] for the stages where the period's stories wait."""
        return [(stage, STAGE_SHORT_LABELS[stage], stories) for stage, _label, stories in self.result.queue()]

    @cached_property
    def description(self):
        waiting = queue_text(self.result)
        description = f"{self.unit.name}, {self.result.period.label}: {self.text} ({self.label})"
        return f"{description}; {waiting}" if waiting else description


@dataclass
class Row:
    result: object  # UnitResult
    cells: list

    @property
    def unit(self):
        return self.result.unit


def grid_rows(results, focus=None):
    """One Row per UnitResult, with a Cell per period linking to its stories when there are any;
    cells overlapping the period ``focus`` are marked."""
    rows = []
    for result in results:
        cells = []
        unit_url = None
        for period_result in result.periods:
            period = period_result.period
            url = None
            if period_result.count or period_result.in_moderation:
                # reverse() once per unit, not once per cell (a tenth of the page's time at 60
                # units): the period key is the URL's last segment, plain ASCII ("2025-Q1").
                if unit_url is None:
                    unit_url = reverse("units_reports:contribution_stories", args=[result.unit.slug, period.key])
                    unit_url = unit_url.removesuffix(f"{period.key}/")
                url = f"{unit_url}{period.key}/"
            focused = focus is not None and period.year == focus.year and bool(set(period.months) & set(focus.months))
            cells.append(Cell(period_result, result.unit, url, focused))
        rows.append(Row(result, cells))
    return rows


def legend():
    return [
        {"status": status, "label": STATUS_LABELS[status], "symbol": STATUS_SYMBOLS[status]} for status in STATUS_ORDER
    ]
