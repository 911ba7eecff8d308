"""Every spreadsheet of units and blocs keeps a name that looks like a formula as text, and survives
control characters already in the database."""

import pytest
from django.urls import reverse

from tests.units.exports import BLOC_FORMULA, FORMULA_NAME, csv_rows, row_starting_with, xlsx_sheet

pytestmark = pytest.mark.django_db


def test_unit_list_csv_keeps_formulas_as_text(board, formula_names):
    response = board.get(reverse("wagtailsnippets_units_unit:list"), {"export": "csv"})

    assert response.status_code == 200
    row = row_starting_with(csv_rows(response), "'" + FORMULA_NAME)
    assert "'" + BLOC_FORMULA in row


def test_unit_list_xlsx_survives_control_characters_and_keeps_formulas_as_text(board, formula_names):
    response = board.get(reverse("wagtailsnippets_units_unit:list"), {"export": "xlsx"})

    assert response.status_code == 200
    sheet = xlsx_sheet(response)
    [cell] = [row[0] for row in sheet.iter_rows(min_row=2) if row[0].value == FORMULA_NAME]
    assert cell.data_type != "f"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_bloc_list_csv_keeps_formulas_as_text(board, formula_names):
    response = board.get(reverse("wagtailsnippets_units_emulationbloc:list"), {"export": "csv"})

    assert response.status_code == 200
    assert row_starting_with(csv_rows(response), "'" + BLOC_FORMULA)
