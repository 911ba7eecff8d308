"""What a report document covers: a half-year, a year, the plan's whole span, or any range of dates.

The engine counts stories by the province's month (reports.contributions), so a span is read as
the whole months it touches, and a quota period belongs to it when it lies wholly inside those
months. Dates print the Vietnamese way (dd/mm/yyyy), numbers with a dot between thousands.
"""

import datetime
from dataclasses import dataclass

HALF, YEAR, PLAN, RANGE = "half", "year", "plan", "range"
# Kế hoạch tuyên truyền, nhân rộng gương điển hình tiên tiến: issued 04/9/2019.
PLAN_START = datetime.date(2019, 9, 4)


@dataclass(frozen=True)
class Span:
    kind: str
    date_from: datetime.date
    date_to: datetime.date

    @property
    def first_month(self):
        return self.date_from.replace(day=1)

    @property
    def end(self):
        """The first day after the last month the span touches."""
        year, month = self.date_to.year, self.date_to.month
        return datetime.date(year + month // 12, month % 12 + 1, 1)

    @property
    def years(self):
        return range(self.date_from.year, self.date_to.year + 1)

    def months(self):
        """The first day of each month the span touches, in order."""
        month, months = self.first_month, []
        while month < self.end:
            months.append(month)
            month = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)
        return months

    def holds(self, period):
        """Whether a quota period (reports.contributions.Period) lies wholly in the span's months."""
        return self.first_month <= period.start and period.end < self.end

    @property
    def label(self):
        if self.kind == HALF:
            half = 1 if self.date_from.month == 1 else 2
            return f"6 tháng {'đầu' if half == 1 else 'cuối'} năm {self.date_from.year}"
        if self.kind == YEAR:
            return f"năm {self.date_from.year}"
        return f"từ ngày {vn_date(self.date_from)} đến ngày {vn_date(self.date_to)}"


def half_year(year, half):
    if half == 1:
        return Span(HALF, datetime.date(year, 1, 1), datetime.date(year, 6, 30))
    return Span(HALF, datetime.date(year, 7, 1), datetime.date(year, 12, 31))


def whole_year(year):
    return Span(YEAR, datetime.date(year, 1, 1), datetime.date(year, 12, 31))


def whole_plan(today):
    return Span(PLAN, PLAN_START, today)


def date_range(date_from, date_to):
    return Span(RANGE, date_from, date_to)


def vn_date(date):
    return date.strftime("%d/%m/%Y")


def vn_number(value):
    """1234 -> "1.234"; 33.3 -> "33,3"; None -> "–"."""
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    whole, _dot, fraction = f"{float(value):,.1f}".partition(".")
    return f"{whole.replace(',', '.')},{fraction}"
