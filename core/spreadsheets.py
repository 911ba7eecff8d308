"""Values made safe for the spreadsheets the admin and the commands export.

Exports carry text the public typed (nominations, difficulty reports) and text staff typed (units'
names). Two things can go wrong with it, whatever is already stored:

- CSV formula injection: a spreadsheet opening a CSV runs a cell that starts with "=", "+", "-" or
  "@" (or a tab or carriage return before one) as a formula, which can fetch addresses or, through
  DDE, start programs. OWASP's remedy: a leading apostrophe, which makes the cell text.
- XLSX: XML 1.0 forbids most control characters, and openpyxl raises IllegalCharacterError on
  them, so one stored "\\x01" made the whole export a server error. openpyxl also writes a string
  starting with "=" as a formula unless told it is text.

Every export of ours goes through ``csv_value`` or ``xlsx_value`` (views through
``SafeSpreadsheetExportMixin``). Only strings change: numbers, dates and None stay as they are, so
a count of -3 is still the number -3. This module imports no app of ours.
"""

import re

from wagtail.admin.views.mixins import SpreadsheetExportMixin

# What a cell can never hold: openpyxl's ILLEGAL_CHARACTERS_RE (C0 controls but tab, LF, CR),
# plus DEL and the C1 controls, which nobody types, and U+FFFE/U+FFFF, which XML 1.0 forbids too.
# Tabs and line breaks stay: text areas have several lines.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# OWASP's formula triggers and their full-width forms (＝ ＋ － ＠), which spreadsheets in East
# Asian locales read as the ASCII ones; checked after leading spaces, which spreadsheets skip.
_FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_LEADING_CONTROLS = ("\t", "\r", "\n")
# openpyxl's data types for a string it takes for a formula ("=…") or an error ("#N/A").
_NOT_TEXT = ("f", "e")


def writable(value):
    """``value`` without the characters no spreadsheet cell can hold; anything not a string as it is."""
    return _UNWRITABLE.sub("", value) if isinstance(value, str) else value


def csv_value(value):
    """``value`` for a CSV cell: writable, and text starting like a formula prefixed with "'"."""
    value = writable(value)
    if isinstance(value, str) and (value.startswith(_LEADING_CONTROLS) or value.lstrip().startswith(_FORMULA_STARTS)):
        return "'" + value
    return value


def xlsx_value(value):
    """``value`` for an XLSX cell: writable. A cell is made text by ``as_text``, not by changing the value."""
    return writable(value)


def as_text(cell):
    """An openpyxl cell holding a string is text, never a formula or an error code."""
    if cell.data_type in _NOT_TEXT:
        cell.data_type = "s"
    return cell


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's CSV/XLSX export with every value made safe; put it before the view it extends.

    ``preprocess_field_value`` is the one hook every value of both formats passes through
    (``write_csv_row`` and ``generate_xlsx_row`` call it), and ``generate_xlsx_row`` makes the
    cells. Wagtail 8 already turns cells it reads as formulas into text in the XLSX, but escapes
    nothing in the CSV and lets control characters reach openpyxl, which raises.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return csv_value(value) if export_format == self.FORMAT_CSV else xlsx_value(value)

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format=date_format):
            yield as_text(cell)
