"""`contribution_report`: the figures of contribution_report(), as CSV or JSON."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from exemplars.models import UnitSectionPage
from reports.contributions import contribution_report
from tests.factories import ExemplarPageFactory
from units.models import Unit

SLUGS = ["huyen-ke-sach", "so-y-te"]
TODAY = datetime.date(2020, 8, 20)  # August pending, the third quarter pending


def report(*args):
    out = io.StringIO()
    call_command("contribution_report", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def stories(newsroom):
    for slug, months in (("huyen-ke-sach", (1, 2, 2, 5, 8)), ("so-y-te", (2, 4))):
        section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug=slug)
        for month in months:
            ExemplarPageFactory(
                parent=section, first_published_at=timezone.make_aware(datetime.datetime(2020, month, 10, 9))
            )


def expected():
    return {
        result.unit.slug: result
        for result in contribution_report(2020, units=Unit.objects.filter(slug__in=SLUGS), today=TODAY)
    }


@pytest.mark.django_db
def test_csv_agrees_with_the_report(stories):
    output = report("--year", "2020", "--unit", "huyen-ke-sach", "--unit", "so-y-te", "--today", TODAY.isoformat())
    reader = csv.DictReader(io.StringIO(output))
    rows = {row["slug"]: row for row in reader}
    assert reader.fieldnames[:4] == ["name", "slug", "kind", "bloc"]
    assert reader.fieldnames[-4:] == ["total", "periods_met", "periods_required", "compliance"]
    assert reader.fieldnames[4:-8] == [f"2020-{m:02d}" for m in range(1, 13)] + [f"2020-Q{q}" for q in range(1, 5)]
    assert reader.fieldnames[-8:-4] == ["awaiting_unit", "awaiting_board", "sent_back", "awaiting_board_periods"]
    assert set(rows) == set(SLUGS)
    for slug, result in expected().items():
        row = rows[slug]
        assert (row["name"], row["kind"], row["bloc"]) == (result.unit.name, result.unit.kind, result.unit.bloc.name)
        for period in result.periods:
            assert row[period.period.key] == f"{period.count}/{period.required}"
        other_keys = set(reader.fieldnames[4:-8]) - {p.period.key for p in result.periods}
        assert all(row[key] == "" for key in other_keys)
        assert (row["awaiting_unit"], row["awaiting_board"], row["sent_back"], row["awaiting_board_periods"]) == (
            "0",
            "0",
            "0",
            "",
        )
        assert int(row["total"]) == result.total
        assert int(row["periods_met"]) == result.periods_met
        assert int(row["periods_required"]) == result.periods_required
        assert float(row["compliance"]) == result.compliance
    ke_sach = rows["huyen-ke-sach"]
    assert (ke_sach["2020-02"], ke_sach["2020-03"], ke_sach["2020-08"], ke_sach["total"]) == ("2/1", "0/1", "1/1", "5")
    assert (rows["so-y-te"]["2020-Q2"], rows["so-y-te"]["2020-Q3"]) == ("1/1", "0/1")


@pytest.mark.django_db
def test_json_agrees_with_the_report(stories):
    output = report(
        "--year", "2020", "--unit", "so-y-te", "--unit", "huyen-ke-sach", "--format", "json", "--today", "2020-08-20"
    )
    data = {item["slug"]: item for item in json.loads(output)}
    assert set(data) == set(SLUGS)
    for slug, result in expected().items():
        item = data[slug]
        assert (item["name"], item["kind"], item["bloc"]) == (result.unit.name, result.unit.kind, result.unit.bloc.name)
        assert [(p["key"], p["count"], p["required"], p["status"]) for p in item["periods"]] == [
            (p.period.key, p.count, p.required, p.status) for p in result.periods
        ]
        assert (item["total"], item["periods_met"], item["periods_required"], item["compliance"]) == (
            result.total,
            result.periods_met,
            result.periods_required,
            result.compliance,
        )
    statuses = {p["key"]: p["status"] for p in data["huyen-ke-sach"]["periods"]}
    assert (statuses["2020-07"], statuses["2020-08"], statuses["2020-09"]) == ("short", "met", "pending")
    assert {p["key"]: p["status"] for p in data["so-y-te"]["periods"]}["2020-Q3"] == "pending"


@pytest.mark.django_db
def test_every_unit_of_the_year_by_default(stories):
    rows = list(csv.DictReader(io.StringIO(report("--year", "2020", "--today", "2021-01-15"))))
    assert [row["slug"] for row in rows] == [
        result.unit.slug for result in contribution_report(2020, today=datetime.date(2021, 1, 15))
    ]
    # Contributing units only: outlets and the Board owe nothing.
    assert len(rows) == Unit.objects.contributing().count()
    assert "bao-soc-trang" not in {row["slug"] for row in rows}
    outlet = next(row for row in csv.DictReader(io.StringIO(report("--year", "2020", "--unit", "bao-soc-trang"))))
    assert outlet["periods_required"] == "0" and outlet["compliance"] == ""


@pytest.mark.django_db
def test_an_unknown_unit_or_a_bad_year_is_refused(newsroom):
    with pytest.raises(CommandError, match="No unit with the slug 'huyen-khong-co'"):
        report("--year", "2020", "--unit", "huyen-ke-sach", "--unit", "huyen-khong-co")
    for bad in ["20x0", "99", "", "2020.5"]:
        with pytest.raises(CommandError, match="--year must be a four-digit year"):
            report("--year", bad)
    with pytest.raises(CommandError, match="--today must be a date"):
        report("--year", "2020", "--today", "yesterday")
    with pytest.raises(CommandError):
        report("--unit", "huyen-ke-sach")  # no year
