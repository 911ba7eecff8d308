"""A person's data as a file they can be given: JSON (every field by its name) or XLSX (a sheet per
kind, headed by the fields' labels), written through core/spreadsheets.py so that text the public
typed is never run as a formula nor breaks the file with a control character."""

import datetime
import io
import json

from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl import Workbook

from core.spreadsheets import as_text, local_datetime, xlsx_number_format, xlsx_value

# What a staff account holds about its owner (the password hash is not theirs to read).
ACCOUNT_FIELDS = ("username", "first_name", "last_name", "email", "is_active", "date_joined", "last_login")
SHEET_TITLE_LENGTH = 31  # Excel's limit


def _fields(model, names=None):
    concrete = [f for f in model._meta.concrete_fields if not isinstance(f, models.AutoField)]
    return [f for f in concrete if names is None or f.name in names]


def _value(record, field):
    if field.is_relation:
        related = getattr(record, field.name)
        return str(related) if related is not None else None
    value = getattr(record, field.attname)
    if field.choices and value is not None:
        return str(dict(field.flatchoices).get(value, value))
    return value


def tables(holdings):
    """[(title, [(name, label), …], [[value, …], …]), …]: one table per kind that holds something."""
    result = []
    kinds = [(model, records, None) for model, records in holdings.submissions]
    if holdings.accounts:
        kinds.append((type(holdings.accounts[0]), holdings.accounts, ACCOUNT_FIELDS))
    for model, records, names in kinds:
        if not records:
            continue
        fields = _fields(model, names)
        heading = [("id", "ID")] + [(f.name, capfirst(str(f.verbose_name))) for f in fields]
        rows = [[record.pk] + [_value(record, f) for f in fields] for record in records]
        result.append((capfirst(str(model._meta.verbose_name_plural)), heading, rows))
    return result


def _json_value(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def as_json(holdings):
    document = {
        "email": holdings.email,
        "phone": holdings.phone,
        "exported_at": _json_value(timezone.now()),
        "records": {
            title: [
                {name: _json_value(value) for (name, _label), value in zip(heading, row, strict=True)} for row in rows
            ]
            for title, heading, rows in tables(holdings)
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def as_xlsx(holdings):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, heading, rows in tables(holdings) or [(_("Nothing held"), [], [])]:
        sheet = workbook.create_sheet(xlsx_value(title)[:SHEET_TITLE_LENGTH])
        sheet.append([xlsx_value(label) for _name, label in heading])
        for row in rows:
            sheet.append([xlsx_value(local_datetime(v) if isinstance(v, datetime.datetime) else v) for v in row])
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                number_format = xlsx_number_format(cell.value)
                if number_format:
                    cell.number_format = number_format
                as_text(cell)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
