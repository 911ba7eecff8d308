import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reports.reminders import DEFAULT_DAYS_BEFORE, send_reminders


def parse_date(value, option="--today"):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{option} must be a date written YYYY-MM-DD, not {value!r}.") from None


class Command(BaseCommand):
    help = (
        "Email every active unit still short of its quota in the current period when the period ends "
        f"within N days (default {DEFAULT_DAYS_BEFORE}), unless the stories waiting at the Board's step would meet "
        "it. Each unit is reminded once per period, to its contributors and approvers and its contact addresses; "
        "--dry-run lists each unit with its recipients and names the units with nobody to tell."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days-before",
            type=int,
            default=DEFAULT_DAYS_BEFORE,
            metavar="N",
            help=f"remind when the period ends within N days (default {DEFAULT_DAYS_BEFORE})",
        )
        parser.add_argument("--dry-run", action="store_true", help="say what would be sent; send and record nothing")
        parser.add_argument("--today", metavar="YYYY-MM-DD", help="act as if today were this date (default: today)")

    def handle(self, *args, days_before, dry_run, today, **options):
        if days_before < 0:
            raise CommandError(f"--days-before must be 0 or more, not {days_before}.")
        today = parse_date(today) if today else timezone.localdate()
        outcomes = send_reminders(today=today, days_before=days_before, dry_run=dry_run)
        tally = {}
        for outcome in outcomes:
            tally[outcome.action] = tally.get(outcome.action, 0) + 1
            self.stdout.write(self.describe(outcome))
        summary = (
            f"{today:%d/%m/%Y}: {len(outcomes)} unit(s) short with {days_before} day(s) or fewer left; "
            f"{tally.get('would_send' if dry_run else 'sent', 0)} reminder(s) {'would be ' if dry_run else ''}sent, "
            f"{tally.get('already_sent', 0)} already reminded, {tally.get('no_address', 0)} with nobody to tell, "
            f"{tally.get('awaiting_board', 0)} awaiting the Board (not reminded)."
        )
        self.stdout.write(self.style.SUCCESS(summary) if not dry_run else summary)
        nobody = [outcome.standing.unit.name for outcome in outcomes if outcome.action == "no_address"]
        if nobody:
            self.stdout.write(self.style.WARNING(f"Nobody to tell at {len(nobody)} unit(s): {', '.join(nobody)}."))

    def describe(self, outcome):
        standing = outcome.standing
        result = standing.result
        head = (
            f"{standing.unit.name} ({standing.unit.slug}), {result.period.label}: {result.count}/{result.required}, "
            f"due {standing.deadline:%d/%m/%Y} ({standing.days_left} day(s) left)"
        )
        if result.awaiting_unit or result.sent_back:
            head += f", {result.awaiting_unit} awaiting the unit's approval, {result.sent_back} sent back"
        recipients = ", ".join(outcome.recipients)
        if outcome.action == "sent":
            return f"{head}: sent to {recipients}"
        if outcome.action == "would_send":
            return f"{head}: would send to {recipients}"
        if outcome.action == "awaiting_board":
            return f"{head}: awaiting the Board ({result.awaiting_board} at its step would meet the quota), no reminder"
        if outcome.action == "already_sent":
            when = timezone.localtime(outcome.sent_before).strftime("%d/%m/%Y %H:%M") if outcome.sent_before else "?"
            return f"{head}: already reminded on {when}, nothing sent"
        return self.style.WARNING(
            f"{head}: nobody to tell (no contributor or approver with an email, no contact address), skipped"
        )
