"""The anniversaries' dates: solar ones as they are, Tết by the Vietnamese lunar calendar (UTC+7),
the Khmer festivals by the Khmer calendar's season (planning/anniversaries.py states the rules)."""

import datetime

import pytest

from planning import lunar
from planning.anniversaries import anniversaries, occurrences_between

D = datetime.date


def first_day(slug, year):
    return next(a for a in anniversaries() if a.slug == slug).first_day(year)


TET = {
    2019: D(2019, 2, 5),
    2020: D(2020, 1, 25),
    2021: D(2021, 2, 12),
    2022: D(2022, 2, 1),
    2023: D(2023, 1, 22),
    2024: D(2024, 2, 10),
    2025: D(2025, 1, 29),
    2026: D(2026, 2, 17),
    2027: D(2027, 2, 6),
    2028: D(2028, 1, 26),
    2029: D(2029, 2, 13),
    # Vietnam's new moon fell at 23:07 on 2 February (UTC+7): a day before China's New Year.
    2030: D(2030, 2, 2),
    2031: D(2031, 1, 23),
    2033: D(2033, 1, 31),
    2035: D(2035, 2, 8),
}


@pytest.mark.parametrize(("year", "expected"), TET.items())
def test_tet_is_the_first_day_of_the_first_lunar_month(year, expected):
    assert first_day("tet-nguyen-dan", year) == expected


def test_lunar_dates_of_known_days():
    assert lunar.lunar_to_solar(15, 8, 2024) == D(2024, 9, 17)  # Tết Trung thu 2024
    assert lunar.lunar_to_solar(10, 3, 2025) == D(2025, 4, 7)  # Giỗ Tổ Hùng Vương 2025
    assert lunar.lunar_to_solar(1, 6, 2025, leap=True) == D(2025, 7, 25)  # 2025 had a leap 6th month
    with pytest.raises(ValueError):
        lunar.lunar_to_solar(1, 5, 2025, leap=True)


@pytest.mark.parametrize(
    ("year", "day"),
    [(2019, 14), (2020, 13), (2021, 14), (2023, 14), (2024, 13), (2025, 14), (2026, 14), (2028, 13), (2032, 13)],
)
def test_chol_chnam_thmay_is_on_13_or_14_april(year, day):
    assert first_day("chol-chnam-thmay", year) == D(year, 4, day)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        # As the province announced them: 19–21/9/2017, 8–10/10/2018, 24–26/9/2022, 13–15/10/2023.
        (2017, D(2017, 9, 19)),
        (2018, D(2018, 10, 8)),
        (2022, D(2022, 9, 24)),
        (2023, D(2023, 10, 13)),
        (2024, D(2024, 10, 1)),
        # Vietnam's leap 6th month of 2025 is not the Khmer calendar's: 29/7 âm lịch, not 29/8.
        (2025, D(2025, 9, 20)),
    ],
)
def test_sene_dolta_starts_on_the_29th_of_the_khmer_month_photrobot(year, expected):
    assert first_day("sene-dolta", year) == expected


def test_sene_dolta_is_29_8_to_1_9_of_the_lunar_calendar_in_an_ordinary_year():
    occurrence = next(a for a in anniversaries() if a.slug == "sene-dolta").occurrence(2024)
    assert occurrence.start == lunar.lunar_to_solar(29, 8, 2024)
    assert occurrence.end == lunar.lunar_to_solar(1, 9, 2024)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2017, D(2017, 11, 3)),  # the province's festival ran 28/10–3/11/2017
        (2023, D(2023, 11, 27)),
        (2024, D(2024, 11, 15)),  # 15/10 âm lịch; the moon worship was on the evening of 14/11
        (2025, D(2025, 11, 4)),  # the boat race of 4–5/11/2025, not 15/10 âm lịch (4/12)
        (2026, D(2026, 11, 23)),
    ],
)
def test_ok_om_bok_is_on_the_full_moon_of_kadeuk(year, expected):
    assert first_day("ok-om-bok", year) == expected


def test_ok_om_bok_is_15_10_of_the_lunar_calendar_in_an_ordinary_year():
    for year in (2022, 2024, 2026, 2027):
        assert first_day("ok-om-bok", year) == lunar.lunar_to_solar(15, 10, year)


def test_the_political_anniversaries_and_which_one_it_is():
    found = {o.anniversary.slug: o for o in occurrences_between(D(2026, 1, 1), D(2026, 12, 31))}
    assert found["thanh-lap-dang"].start == D(2026, 2, 3) and found["thanh-lap-dang"].years == 96
    assert found["giai-phong-mien-nam"].start == D(2026, 4, 30)
    assert found["sinh-nhat-bac-ho"].start == D(2026, 5, 19)
    assert found["quoc-khanh"].start == D(2026, 9, 2) and found["quoc-khanh"].years == 81
    assert found["thanh-lap-qdnd"].start == D(2026, 12, 22)
    assert len(found) == len(anniversaries()) == 9


def test_a_festival_spanning_new_year_shows_in_both_months():
    # Tết 2020 (25–27/1) seen from a range that starts on its second day.
    assert [o.anniversary.slug for o in occurrences_between(D(2020, 1, 26), D(2020, 1, 26))] == ["tet-nguyen-dan"]
