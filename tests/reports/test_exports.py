"""Every spreadsheet of the contribution reports keeps a name that looks like a formula as text, and
survives control characters already in the database."""

import csv
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.units.exports import BLOC_FORMULA, FORMULA_NAME, YEAR, csv_rows, row_starting_with, xlsx_sheet

pytestmark = pytest.mark.django_db


def test_contribution_report_csv_keeps_formulas_as_text_and_numbers_as_numbers(board, formula_names):
    response = board.get(reverse("units_reports:contributions"), {"year": YEAR, "export": "csv"})

    assert response.status_code == 200
    heading, *rows = csv_rows(response)
    values = dict(zip(heading, row_starting_with(rows, "'" + FORMULA_NAME), strict=True))
    assert values["Khối thi đua"] == "'" + BLOC_FORMULA
    assert (values["T1"], values["Tổng số"]) == ("2/1", "2")


def test_contribution_report_xlsx_survives_control_characters(board, formula_names):
    response = board.get(reverse("units_reports:contributions"), {"year": YEAR, "export": "xlsx"})

    assert response.status_code == 200
    sheet = xlsx_sheet(response)
    heading = [cell.value for cell in sheet[1]]
    [row] = [row for row in sheet.iter_rows(min_row=2) if row[0].value == FORMULA_NAME]
    cells = dict(zip(heading, row, strict=True))
    assert cells["Khối thi đua"].value == BLOC_FORMULA
    assert all(cell.data_type != "f" for cell in row)
    # Figures are still numbers a spreadsheet can add up.
    assert cells["Tổng số"].value == 2 and cells["Tổng số"].data_type == "n"


def test_yearly_scoring_xlsx_survives_control_characters(board, formula_names):
    response = board.get(reverse("units_reports:scoring"), {"year": YEAR, "export": "xlsx"})

    assert response.status_code == 200
    sheet = xlsx_sheet(response)
    [row] = [row for row in sheet.iter_rows(min_row=2) if row[2].value == FORMULA_NAME]
    assert row[0].value == BLOC_FORMULA
    assert all(cell.data_type != "f" for cell in row)


def test_contribution_report_command_csv_keeps_formulas_as_text(formula_names):
    out = io.StringIO()
    call_command("contribution_report", "--year", str(YEAR), "--unit", "huyen-ke-sach", stdout=out)

    [row] = csv.DictReader(io.StringIO(out.getvalue()))
    assert (row["name"], row["bloc"]) == ("'" + FORMULA_NAME, "'" + BLOC_FORMULA)
    assert (row["slug"], row["2020-01"], row["total"]) == ("huyen-ke-sach", "2/1", "2")
