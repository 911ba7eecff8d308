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

The mixin also writes numbers and dates the way the admin's language does (Vietnamese: 1.234,
42,50, dd/mm/yyyy): in the CSV as text in that format, since a CSV carries no types; in the XLSX as
typed cells with a number format, which Excel displays with the reader's own separators.
"""

import datetime
import re
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format, number_format
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
# Excel's number formats are written in its own neutral notation ("," groups, "." decimals) and
# shown with the separators of the reader's locale: 1.234 and 42,50 in a Vietnamese Excel.
XLSX_INTEGER = "#,##0"
XLSX_DATE = "dd/mm/yyyy"
XLSX_DATETIME = "dd/mm/yyyy hh:mm"
BOM = "\ufeff"  # so that Excel reads a CSV's Vietnamese as UTF-8, not as the system code page


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
    """``value`` for an XLSX cell: writable, its line breaks as Excel's own (LF). A cell is made
    text by ``as_text``, not by changing the value.

    Forms send CR LF; with lxml installed openpyxl keeps the CR (as ``_x000D_``), which Excel
    shows as a stray mark before each line break."""
    value = writable(value)
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


def is_number(value):
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def local_text(value):
    """A number or a date as the active language writes it ("1.234", "42,50", "12/03/2020" in
    Vietnamese); anything else as it is. Decimals keep their places: Decimal("42.50") is "42,50"."""
    if is_number(value):
        return number_format(value, use_l10n=True, force_grouping=True)
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return date_format(value, "SHORT_DATETIME_FORMAT", use_l10n=True)
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT", use_l10n=True)
    return value


def xlsx_number_format(value):
    """The XLSX number format for a typed value, or None to leave the cell's format alone."""
    if isinstance(value, datetime.datetime):
        return XLSX_DATETIME
    if isinstance(value, datetime.date):
        return XLSX_DATE
    if not is_number(value):
        return None
    if isinstance(value, int):
        return XLSX_INTEGER
    if isinstance(value, Decimal):
        places = max(0, min(4, -value.as_tuple().exponent)) if value.is_finite() else 0
    else:
        places = 1 if value == round(value, 1) else 2
    return XLSX_INTEGER + ("." + "0" * places if places else "")


def local_datetime(value):
    """An aware datetime as the province's wall clock (Excel has no time zones); Wagtail writes UTC."""
    return timezone.make_naive(value) if timezone.is_aware(value) else value


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
        if export_format == self.FORMAT_XLSX and isinstance(value, datetime.datetime):
            return local_datetime(value)
        value = super().preprocess_field_value(field, value, export_format)
        if export_format != self.FORMAT_CSV:
            return xlsx_value(value)
        # Our own numbers and dates, written out: "-3" stays a count, never a formula to escape.
        return local_text(value) if is_number(value) or isinstance(value, datetime.date) else csv_value(value)

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format=date_format):
            number_format = xlsx_number_format(cell.value)
            if number_format:
                cell.number_format = number_format
            yield as_text(cell)

    def stream_csv(self, queryset):
        yield BOM
        yield from super().stream_csv(queryset)
