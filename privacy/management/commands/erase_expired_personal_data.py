from django.core.management.base import BaseCommand

from privacy.retention import apply_retention


class Command(BaseCommand):
    help = (
        "Anonymise the submissions closed for longer than their kind's retention period "
        "(SUBMISSIONS_RETENTION_MONTHS). Safe to run daily: what is already anonymised is left alone. "
        "Each run is written in Wagtail's audit log."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say how many would be anonymised; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        for result in apply_retention(dry_run=dry_run):
            verb = "would be anonymised" if dry_run else "anonymised"
            self.stdout.write(
                f"{result.model._meta.label_lower}: {result.count} {verb} "
                f"(closed on or before {result.cutoff:%Y-%m-%d %H:%M} UTC, {result.months} months)"
            )
