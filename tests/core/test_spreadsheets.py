"""The values every export writes: text that starts like a formula stays text, numbers stay numbers,
and nothing a spreadsheet cannot hold reaches openpyxl."""

import datetime
import io

import openpyxl
import pytest
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from core.spreadsheets import as_text, csv_value, writable, xlsx_value
from core.text import multiline, single_line


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1", "\n=1+1", " =1+1", "\u3000=1+1"]
    # The full-width forms.
    + ["＝1+1", "＋1", "－1", "＠A1"],
)
def test_text_starting_like_a_formula_gets_an_apostrophe_in_csv(text):
    assert csv_value(text) == "'" + text


@pytest.mark.parametrize("text", ["Huyện Kế Sách", "2/–", "lúa - tôm", "0299 3 821 234", "", "'=already"])
def test_other_text_is_unchanged_in_csv(text):
    assert csv_value(text) == text


@pytest.mark.parametrize("value", [-3, 0, 33.3, -0.5, None, datetime.date(2020, 1, 5)])
def test_numbers_dates_and_nothing_stay_as_they_are(value):
    assert csv_value(value) == value and xlsx_value(value) == value


def test_nothing_openpyxl_refuses_is_left():
    every_character = "".join(chr(code) for code in range(0x30000) if not 0xD800 <= code <= 0xDFFF)

    assert ILLEGAL_CHARACTERS_RE.search(every_character)
    assert not ILLEGAL_CHARACTERS_RE.search(writable(every_character))
    assert writable("a\x01\x02\tb\r\nc\x7f\x85") == "a\tb\r\nc"


def test_a_cell_with_a_formula_or_an_error_code_is_written_as_text():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([as_text(openpyxl.cell.Cell(sheet, value=value)) for value in ("=1+1", "#N/A", -3)])
    output = io.BytesIO()
    workbook.save(output)

    cells = next(openpyxl.load_workbook(io.BytesIO(output.getvalue())).active.iter_rows())
    assert [(cell.value, cell.data_type) for cell in cells] == [("=1+1", "s"), ("#N/A", "s"), (-3, "n")]


def test_single_line_text_keeps_words_apart_and_drops_other_controls():
    assert single_line("a\x01\x02") == "a"
    assert single_line("Kế\tSách\r\nSóc\rTrăng\x0b\x1f\x9b") == "Kế Sách Sóc Trăng "


def test_text_area_keeps_tabs_and_lines_as_lf():
    assert multiline("một\r\nhai\rba\x85bốn\tnăm\x01\x0b\x0c\x7f") == "một\nhai\nba\nbốn\tnăm"
