from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from units.staff_import import COLUMNS, StaffFileError, import_staff, read_staff_file


class Command(BaseCommand):
    help = (
        f"Create or update staff accounts from a CSV file with the columns: {', '.join(COLUMNS)}. "
        "All or nothing: if any row is bad, nothing changes and every bad row is listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="UTF-8 CSV (Excel's 'CSV UTF-8' works)")

    def handle(self, *args, file, **options):
        # The checks are shared with the Board's import view, which shows them in the admin's
        # language; the command speaks English, as its other messages do.
        with translation.override("en"):
            try:
                rows = read_staff_file(file)
            except StaffFileError as error:
                raise CommandError(
                    f"{file} has {len(error.problems)} bad row(s); nothing was changed.\n" + "\n".join(error.problems)
                ) from None
        created, updated = import_staff(rows)
        self.stdout.write(self.style.SUCCESS(f"{created} user(s) created, {updated} updated from {len(rows)} row(s)."))
        if created:
            self.stdout.write("New users have no password yet: they set one with 'Forgot password?' at /admin/login/.")
