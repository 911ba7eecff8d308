"""The Vietnamese lunisolar calendar (âm lịch), computed, for the anniversaries that follow the moon.

Hồ Ngọc Đức's well-known algorithm (astronomical new moons and the sun's longitude, after Jean
Meeus), on the time zone of Vietnam (UTC+7): a lunar month starts on the day of the new moon in
Hà Nội's time, and the 11th month is the one holding the winter solstice. The Chinese calendar
(UTC+8), which packages such as ``lunardate`` compute, differs from it in some years, so it is
not used. Checked against the Tết dates of 2019–2035 in tests/planning/test_anniversaries.py.
"""

import datetime
import math

VIETNAM_UTC_OFFSET = 7
_JULIAN_DAY_OF_ORDINAL_ZERO = 1721425
_SYNODIC_MONTH = 29.530588853
_EPOCH_NEW_MOON = 2415021.076998695  # the new moon of 1 January 1900, as a Julian day
_DR = math.pi / 180


def julian_day(date):
    return date.toordinal() + _JULIAN_DAY_OF_ORDINAL_ZERO


def from_julian_day(day):
    return datetime.date.fromordinal(day - _JULIAN_DAY_OF_ORDINAL_ZERO)


def _new_moon(k):
    """The moment (a Julian day, in UT) of the ``k``-th new moon after 1 January 1900."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * _DR)
    m = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * _DR
    mpr = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * _DR
    f = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * _DR
    c1 = (0.1734 - 0.000393 * t) * math.sin(m) + 0.0021 * math.sin(2 * m)
    c1 += -0.4068 * math.sin(mpr) + 0.0161 * math.sin(2 * mpr) - 0.0004 * math.sin(3 * mpr)
    c1 += 0.0104 * math.sin(2 * f) - 0.0051 * math.sin(m + mpr) - 0.0074 * math.sin(m - mpr)
    c1 += 0.0004 * math.sin(2 * f + m) - 0.0004 * math.sin(2 * f - m) - 0.0006 * math.sin(2 * f + mpr)
    c1 += 0.0010 * math.sin(2 * f - mpr) + 0.0005 * math.sin(2 * mpr + m)
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd + c1 - delta_t


def new_moon_day(k, offset=VIETNAM_UTC_OFFSET):
    """The Julian day number of the date (in UTC+``offset``) of the ``k``-th new moon."""
    return math.floor(_new_moon(k) + 0.5 + offset / 24)


def _sun_longitude_sector(day, offset=VIETNAM_UTC_OFFSET):
    """Which twelfth of the ecliptic (0–11, 30° each from the vernal point) the sun is in at the
    start of the Julian day number ``day`` in UTC+``offset``."""
    t = (day - 0.5 - offset / 24 - 2451545.0) / 36525
    t2 = t * t
    m = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * _DR
    longitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    longitude += (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(m)
    longitude += (0.019993 - 0.000101 * t) * math.sin(2 * m) + 0.000290 * math.sin(3 * m)
    radians = (longitude * _DR) % (2 * math.pi)
    return math.floor(radians / math.pi * 6)


def _month_11_start(year):
    """The first day (Julian day number) of the 11th lunar month of ``year``: the month holding the
    winter solstice."""
    k = math.floor((julian_day(datetime.date(year, 12, 31)) - 2415021) / _SYNODIC_MONTH)
    start = new_moon_day(k)
    if _sun_longitude_sector(start) >= 9:
        start = new_moon_day(k - 1)
    return start


def _leap_month_offset(month_11_start):
    """How many months after the 11th month the leap month falls, in a year of 13 months: the first
    month in which the sun enters no new sector."""
    k = math.floor((month_11_start - _EPOCH_NEW_MOON) / _SYNODIC_MONTH + 0.5)
    i, sector = 1, _sun_longitude_sector(new_moon_day(k + 1))
    while True:
        last, i = sector, i + 1
        sector = _sun_longitude_sector(new_moon_day(k + i))
        if sector == last or i >= 14:
            return i - 1


def lunar_to_solar(day, month, year, leap=False):
    """The solar date of lunar ``day``/``month`` of lunar ``year`` (``leap``: in the leap month of
    that number). ValueError when that year has no such leap month."""
    a11, b11 = (
        (_month_11_start(year - 1), _month_11_start(year))
        if month < 11
        else (
            _month_11_start(year),
            _month_11_start(year + 1),
        )
    )
    k = math.floor(0.5 + (a11 - _EPOCH_NEW_MOON) / _SYNODIC_MONTH)
    offset = (month - 11) % 12
    if b11 - a11 > 365:
        leap_offset = _leap_month_offset(a11)
        if leap and month != (leap_offset - 2) % 12:
            raise ValueError(f"lunar year {year} has no leap month {month}")
        if leap or offset >= leap_offset:
            offset += 1
    elif leap:
        raise ValueError(f"lunar year {year} has no leap month")
    return from_julian_day(new_moon_day(k + offset) + day - 1)


def month_start_on_or_after(date):
    """The first day of the first lunar month that starts on or after ``date``."""
    k = math.floor((julian_day(date) - _EPOCH_NEW_MOON) / _SYNODIC_MONTH)
    while new_moon_day(k) < julian_day(date):
        k += 1
    return from_julian_day(new_moon_day(k)), k
