"""The public anniversaries of the editorial calendar: read from data/anniversaries.yaml and resolved
to solar dates for a year.

Each anniversary has a rule (see the data file). The Khmer festivals follow the Khmer calendar,
whose leap months do not always fall where the Vietnamese calendar's do (in 2017 and 2025 the
Vietnamese calendar added a leap month the Khmer one did not), so they are anchored on the season
rather than on a Vietnamese month number:

- Chôl Chnăm Thmây starts on the day of Maha Songkran, the sun's entry into Aries by the Khmer
  (Surya Siddhanta) year of 365.25875 days, counted from the moment Cambodia announced for 2024
  (13 April 22:17, UTC+7): 13 April in 2020, 2024, 2028, 2032; 14 April in the other years to 2035.
- Sene Dolta (Pchum Ben) closes the month Photrobot, which ends at the first new moon on or after
  17 September (the month in which the sun enters Virgo); the festival starts on that month's 29th
  day and lasts three days: 24–26/9/2022, 13–15/10/2023 and 19–21/9/2017, 8–10/10/2018 as the
  province announced them. In years without a mismatch this is 29/8 âm lịch.
- Ok Om Bok is on the full moon (15th day) of Kadeuk, two months after Photrobot: 15/10 âm lịch
  in most years (15/11/2024), 15/9 âm lịch after a mismatched leap month (4/11/2025, 3/11/2017).
"""

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.utils.translation import gettext

from planning import lunar

DATA_FILE = Path(__file__).resolve().parent / "data" / "anniversaries.yaml"
SONGKRAN_2024 = datetime.datetime(2024, 4, 13, 22, 17)
KHMER_SOLAR_YEAR = 365.25875
PHOTROBOT_ENDS_AFTER = (9, 17)  # (month, day): Photrobot ends at the first new moon from this day


@dataclass(frozen=True)
class Anniversary:
    slug: str
    title: str  # an English msgid
    rule: str
    kind: str
    day: int = 0
    month: int = 0
    days: int = 1
    since: int | None = None

    @property
    def label(self):
        return gettext(self.title)

    def first_day(self, year):
        """The solar date on which the anniversary starts in ``year``."""
        return RULES[self.rule](self, year)

    def occurrence(self, year):
        start = self.first_day(year)
        return Occurrence(self, start, start + datetime.timedelta(days=self.days - 1))


@dataclass(frozen=True)
class Occurrence:
    anniversary: Anniversary
    start: datetime.date
    end: datetime.date

    @property
    def years(self):
        """Which anniversary this is (96 for the Party's in 2026), or None for a yearly festival."""
        since = self.anniversary.since
        return self.start.year - since if since else None


def _solar(anniversary, year):
    return datetime.date(year, anniversary.month, anniversary.day)


def _lunar(anniversary, year):
    return lunar.lunar_to_solar(anniversary.day, anniversary.month, year)


def _khmer_new_year(anniversary, year):
    moment = SONGKRAN_2024 + datetime.timedelta(days=(year - 2024) * KHMER_SOLAR_YEAR)
    return moment.date()


def _photrobot_end(year):
    """(first day of Photrobot, the new moon index of the month after it)."""
    month, day = PHOTROBOT_ENDS_AFTER
    _start, k = lunar.month_start_on_or_after(datetime.date(year, month, day))
    return lunar.from_julian_day(lunar.new_moon_day(k - 1)), k


def _khmer_month_end(anniversary, year):
    first_day, _k = _photrobot_end(year)
    return first_day + datetime.timedelta(days=28)


def _khmer_full_moon(anniversary, year):
    _first_day, k = _photrobot_end(year)
    return lunar.from_julian_day(lunar.new_moon_day(k + 1) + 14)


RULES = {
    "solar": _solar,
    "lunar": _lunar,
    "khmer_new_year": _khmer_new_year,
    "khmer_month_end": _khmer_month_end,
    "khmer_full_moon": _khmer_full_moon,
}


@cache
def anniversaries(path=DATA_FILE):
    """The anniversaries of the data file, in its order."""
    with open(path, encoding="utf-8") as stream:
        rows = yaml.safe_load(stream) or []
    fields = set(Anniversary.__dataclass_fields__)
    return tuple(Anniversary(**{key: value for key, value in row.items() if key in fields}) for row in rows)


def occurrences_between(start, end):
    """Every anniversary's occurrence overlapping ``start``–``end`` (inclusive), by date."""
    found = []
    for year in range(start.year - 1, end.year + 1):
        for anniversary in anniversaries():
            occurrence = anniversary.occurrence(year)
            if occurrence.start <= end and occurrence.end >= start:
                found.append(occurrence)
    return sorted(found, key=lambda o: (o.start, o.anniversary.slug))
