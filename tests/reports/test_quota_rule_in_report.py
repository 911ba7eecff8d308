"""The report names the quota rule that decided each period: in the engine's results (at no extra
query), on a period's page, in the CSV/XLSX export and in `contribution_report --format json`."""

import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse

from reports.contributions import contribution_report
from tests.units.exports import csv_rows, xlsx_sheet
from units.models import QuotaRule, Unit

STORIES = "units_reports:contribution_stories"
REPORT = "units_reports:contributions"


@pytest.fixture
def rules(newsroom):
    """The plan's rules (from 01/10/2019), and an exception for Kế Sách from July 2020: quarterly, two stories."""
    ke_sach = Unit.objects.get(slug="huyen-ke-sach")
    return {
        "district": QuotaRule.objects.get(unit_kind="district", unit__isnull=True),
        "department": QuotaRule.objects.get(unit_kind="department", unit__isnull=True),
        "ke-sach": QuotaRule.objects.create(
            unit=ke_sach, period="quarter", minimum=2, effective_from=datetime.date(2020, 7, 1), note="Quyết định 15"
        ),
    }


def rule_by_period(results, slug):
    result = next(r for r in results if r.unit.slug == slug)
    return {p.period.key: p.rule for p in result.periods}


@pytest.mark.django_db
def test_each_period_carries_the_rule_that_decided_it(rules, django_assert_num_queries):
    units = Unit.objects.filter(slug__in=["huyen-ke-sach", "so-y-te"])
    results_2019 = contribution_report(2019, units=units, today=datetime.date(2021, 1, 1))
    ke_sach_2019 = rule_by_period(results_2019, "huyen-ke-sach")
    # Before the plan's quota nothing decided a period (shaped as Kế Sách's own, quarterly, rule).
    assert ke_sach_2019["2019-Q3"] is None
    assert ke_sach_2019["2019-10"] == rules["district"]
    assert rule_by_period(results_2019, "so-y-te")["2019-Q4"] == rules["department"]

    results = contribution_report(2020, units=units, today=datetime.date(2021, 1, 1))
    ke_sach = rule_by_period(results, "huyen-ke-sach")
    assert ke_sach["2020-06"] == rules["district"]
    assert ke_sach["2020-Q3"] == rules["ke-sach"]
    # Naming the rules, the exception's unit included, costs no query: the engine loaded them.
    with django_assert_num_queries(0):
        names = [str(p.rule) for r in results for p in r.periods if p.rule]
    assert "Huyện Kế Sách: ≥2" in " ".join(names)


@pytest.mark.django_db
def test_a_periods_page_names_its_rule(board, rules):
    page = BeautifulSoup(board.get(reverse(STORIES, args=["huyen-ke-sach", "2020-Q3"])).content, "html.parser")
    assert str(rules["ke-sach"]) in page.select_one(".unit-stories__quota-rule").get_text(" ", strip=True)

    earlier = BeautifulSoup(board.get(reverse(STORIES, args=["huyen-ke-sach", "2020-03"])).content, "html.parser")
    assert str(rules["district"]) in earlier.select_one(".unit-stories__quota-rule").get_text(" ", strip=True)


@pytest.mark.django_db
def test_the_exports_name_the_years_rules(board, rules):
    heading, *rows = csv_rows(board.get(reverse(REPORT), {"year": 2020, "kind": "district", "export": "csv"}))
    ke_sach = dict(zip(heading, next(row for row in rows if row[0] == "Huyện Kế Sách"), strict=True))
    other = dict(zip(heading, next(row for row in rows if row[0] == "Huyện Trần Đề"), strict=True))
    rules_column = heading[-1]
    assert ke_sach[rules_column] == f"{rules['district']}; {rules['ke-sach']}"
    assert other[rules_column] == str(rules["district"])

    sheet = xlsx_sheet(board.get(reverse(REPORT), {"year": 2020, "kind": "district", "export": "xlsx"}))
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert [row[-1] for row in values if row[0] == "Huyện Kế Sách"] == [ke_sach[rules_column]]


@pytest.mark.django_db
def test_the_command_names_each_periods_rule(rules):
    out = io.StringIO()
    call_command("contribution_report", "--year", "2020", "--unit", "huyen-ke-sach", "--format", "json", stdout=out)
    periods = {p["key"]: p["rule"] for p in json.loads(out.getvalue())[0]["periods"]}
    assert periods["2020-01"] == str(rules["district"])
    assert periods["2020-Q4"] == str(rules["ke-sach"])
