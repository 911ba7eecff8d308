import csv
import io
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.spreadsheets import csv_value
from reports.contributions import AWAITING_BOARD, contribution_report
from reports.documents.board import board_document
from reports.documents.layout import to_bytes
from reports.documents.spans import whole_year
from reports.management.commands.send_quota_reminders import parse_date
from units.models import QuotaPeriod, Unit

FIXED_COLUMNS = ["name", "slug", "kind", "bloc"]
TOTAL_COLUMNS = ["total", "periods_met", "periods_required", "compliance"]
# The year's stories in moderation (not counted) by where they wait, and the periods that what
# waits at the Board's step would meet (status "awaiting_board"), space-separated.
QUEUE = ["awaiting_unit", "awaiting_board", "sent_back"]
QUEUE_COLUMNS = [*QUEUE, "awaiting_board_periods"]


def parse_year(value):
    try:
        year = int(value)
    except (TypeError, ValueError):
        year = None
    if year is None or not 1000 <= year <= 9999:
        raise CommandError(f"--year must be a four-digit year such as 2020, not {value!r}.")
    return year


def period_keys(results):
    """Every period key of the results, months before quarters, each in order."""
    periods = {p.period for result in results for p in result.periods}
    return [p.key for p in sorted(periods, key=lambda p: (p.kind != QuotaPeriod.MONTH, p.year, p.number))]


def as_dict(result):
    unit = result.unit
    return {
        "name": unit.name,
        "slug": unit.slug,
        "kind": unit.kind,
        "bloc": unit.bloc.name if unit.bloc else None,
        "periods": [
            {
                "key": p.period.key,
                "label": p.period.label,
                "start": p.period.start.isoformat(),
                "end": p.period.end.isoformat(),
                "count": p.count,
                "required": p.required,
                "status": p.status,
                **{name: getattr(p, name) for name in QUEUE},
                "rule": str(p.rule) if p.rule else None,
            }
            for p in result.periods
        ],
        **{name: getattr(result, name) for name in QUEUE},
        "awaiting_board_periods": [p.period.key for p in result.periods if p.status == AWAITING_BOARD],
        "total": result.total,
        "periods_met": result.periods_met,
        "periods_required": result.periods_required,
        "compliance": result.compliance,
    }


def as_csv(results):
    keys = period_keys(results)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIXED_COLUMNS + keys + QUEUE_COLUMNS + TOTAL_COLUMNS)
    for result in results:
        cells = {p.period.key: f"{p.count}/{p.required}" for p in result.periods}
        row = as_dict(result)
        values = (
            [row[name] or "" for name in FIXED_COLUMNS]
            + [cells.get(key, "") for key in keys]
            + [row[name] for name in QUEUE]
            + [" ".join(row["awaiting_board_periods"])]
            + ["" if row[name] is None else row[name] for name in TOTAL_COLUMNS]
        )
        # Names are typed by people: one starting like a formula must stay text in a spreadsheet.
        writer.writerow([csv_value(value) for value in values])
    return out.getvalue()


class Command(BaseCommand):
    help = (
        "Each unit's contributions in a year against its quota, the figures of the admin report: per unit "
        "its name, slug, kind, bloc, every period's count/required (and status, in JSON), the year's stories in "
        "moderation (at the unit's step, at the Board's step, sent back; per period in JSON), the periods awaiting "
        "the Board, the year's total, periods met, periods required and compliance (%)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, metavar="YYYY")
        parser.add_argument(
            "--unit",
            action="append",
            metavar="SLUG",
            help="only this unit (repeat for more); default: every unit active in the year",
        )
        parser.add_argument(
            "--format",
            choices=["csv", "json", "docx"],
            default="csv",
            help="default: csv; docx: the Board's year-end document, as the admin's Report documents give it",
        )
        parser.add_argument("--out", metavar="FILE", help="where to write the .docx (required with --format docx)")
        parser.add_argument(
            "--today",
            metavar="YYYY-MM-DD",
            help="judge unfinished periods as of this date (default: today); a period not over is 'pending'",
        )

    def handle(self, *args, year, unit, format, today, out=None, **options):
        year = parse_year(year)
        if format == "docx" and not out:
            raise CommandError("--format docx needs --out FILE: a Word document is not written to the terminal.")
        today = parse_date(today) if today else timezone.localdate()
        units = None
        if unit:
            units = Unit.objects.filter(slug__in=unit)
            missing = sorted(set(unit) - set(units.values_list("slug", flat=True)))
            if missing:
                raise CommandError(f"No unit with the slug {', '.join(repr(slug) for slug in missing)}.")
        if format == "docx":
            # Built before the file is opened, so that a failure leaves no empty document behind.
            content = to_bytes(board_document(whole_year(year), units=units, today=today))
            with open(out, "wb") as document:
                document.write(content)
            return
        results = contribution_report(year, units=units, today=today)
        if format == "json":
            self.stdout.write(json.dumps([as_dict(result) for result in results], ensure_ascii=False, indent=2))
        else:
            self.stdout.write(as_csv(results), ending="")
