"""The report grid, the scoring and the CSV/XLSX exports read the Vietnamese way in a Vietnamese
admin: 1.234 and 1.234,50 for numbers, dd/mm/yyyy for dates; the XLSX keeps typed cells with a
number format, and text that looks like a formula stays text."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from reports.models import ScoreAdjustment, ScoringWeights
from tests.units.exports import FORMULA_NAME, YEAR, content_of, csv_rows, row_starting_with, xlsx_sheet
from units.models import QuotaRule, Unit

pytestmark = pytest.mark.django_db

SCORING = "units_reports:scoring"
COMPLIANCE = "Tỷ lệ hoàn thành (%)"
ZERO_WEIGHTS = dict.fromkeys(
    ("per_period_met", "per_story_beyond_quota", "per_story_featured", "per_story_replicated", "per_period_missed"), 0
)


@pytest.fixture
def big_adjustment(formula_names, staff):
    """Kế Sách's 2020 points are a Board adjustment alone: 1234,5 points, with a formula for a reason."""
    ScoringWeights.objects.create(year=YEAR, **ZERO_WEIGHTS)
    return ScoreAdjustment.objects.create(
        unit=Unit.objects.get(slug="huyen-ke-sach"),
        year=YEAR,
        points=Decimal("1234.50"),
        reason="=1+1 Đăng cai hội nghị",
        recorded_by=staff["board"],
    )


def test_scoring_page_shows_points_the_vietnamese_way(board, big_adjustment):
    soup = BeautifulSoup(board.get(reverse(SCORING), {"year": YEAR}).content, "html.parser")

    row = soup.select_one('tr[data-unit="huyen-ke-sach"]')
    assert row.select_one('[data-column="points"]').get_text(strip=True) == "1.234,50"
    assert row.select_one('[data-column="adjustments"]').get_text(strip=True) == "1.234,50"
    assert "(1.234,50, " in row.select_one('[data-column="notes"]').get_text()


def test_scoring_csv_reads_the_vietnamese_way_and_stays_formula_safe(board, big_adjustment):
    response = board.get(reverse(SCORING), {"year": YEAR, "export": "csv"})

    assert response.content.startswith("\ufeff".encode())  # Excel reads the Vietnamese as UTF-8
    heading, *rows = csv_rows(response)
    values = dict(zip(heading, next(row for row in rows if row[2] == "'" + FORMULA_NAME), strict=True))
    assert (values["Điểm"], values["Điều chỉnh"]) == ("1.234,50", "1.234,50")
    assert values["Ghi chú"].startswith("'=1+1 Đăng cai hội nghị (+1.234,5")


def test_scoring_xlsx_keeps_numbers_typed_with_a_grouped_format(board, big_adjustment):
    sheet = xlsx_sheet(board.get(reverse(SCORING), {"year": YEAR, "export": "xlsx"}))

    heading = [cell.value for cell in sheet[1]]
    [row] = [row for row in sheet.iter_rows(min_row=2) if row[2].value == FORMULA_NAME]
    cells = dict(zip(heading, row, strict=True))
    assert cells["Điểm"].value == Decimal("1234.5") and cells["Điểm"].data_type == "n"
    assert cells["Điểm"].number_format == "#,##0.00"
    assert cells["Tổng số"].value == 2 and cells["Tổng số"].number_format == "#,##0"
    assert cells["Ghi chú"].data_type == "s" and cells["Ghi chú"].value.startswith("=1+1")


def test_contribution_report_shows_compliance_with_a_decimal_comma(board, formula_names):
    grid = BeautifulSoup(board.get(reverse("units_reports:contributions"), {"year": YEAR}).content, "html.parser")
    heading, *rows = csv_rows(board.get(reverse("units_reports:contributions"), {"year": YEAR, "export": "csv"}))
    csv_values = dict(zip(heading, row_starting_with(rows, "'" + FORMULA_NAME), strict=True))

    # Two stories in January against a monthly quota of one: one month met of twelve, 8,3 %.
    compliance = grid.select_one('tr[data-unit="huyen-ke-sach"] [data-column="compliance"]').get_text(strip=True)
    assert compliance == csv_values[COMPLIANCE] == "8,3"


def test_quota_rules_export_dates_as_dd_mm_yyyy(board, newsroom):
    QuotaRule.objects.create(
        unit_kind="enterprise", period="month", minimum=1, effective_from=datetime.date(2021, 3, 1)
    )
    response = board.get(reverse(QuotaRule.snippet_viewset.get_url_name("list")), {"export": "csv"})

    content = content_of(response)  # streamed: read once
    assert content.startswith("\ufeff".encode())
    assert ["Doanh nghiệp", "Hằng tháng", "1", "01/03/2021"] in [
        row[:4] for row in csv.reader(io.StringIO(content.decode("utf-8-sig")))
    ]
    sheet = xlsx_sheet(board.get(reverse(QuotaRule.snippet_viewset.get_url_name("list")), {"export": "xlsx"}))
    dates = [cell for row in sheet.iter_rows(min_row=2) for cell in row if isinstance(cell.value, datetime.date)]
    assert dates and all(cell.number_format == "dd/mm/yyyy" for cell in dates)
