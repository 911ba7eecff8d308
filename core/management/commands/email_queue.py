"""What the task queue holds, for the people who run the site (docs/deploy.md, "Tasks and email").

Lists the emails given up on (FAILED: every attempt failed), sends them again with ``--requeue``
or drops them with ``--discard``, and with ``--check`` fails (exit status 1) when an email was
given up on or the worker is not keeping up, for a monitoring job to notice.
"""

import datetime
import uuid

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from core.mail import deliver_email, describe


def _message(row):
    """The queued message of a ``deliver_email`` row (its first argument)."""
    return row.args_kwargs["args"][0]


class Command(BaseCommand):
    help = (
        "Show the task queue and the emails given up on; --requeue sends those again, --check fails when "
        "an email was given up on or tasks wait longer than --max-wait minutes (the worker is not running)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--requeue", action="store_true", help="send the failed emails again (attempt 1)")
        parser.add_argument("--discard", action="store_true", help="delete the failed emails: they will not be sent")
        parser.add_argument("--id", action="append", dest="ids", type=uuid.UUID, metavar="UUID", help="only this email")
        parser.add_argument("--check", action="store_true", help="exit with status 1 when something needs a person")
        parser.add_argument("--max-wait", type=int, default=15, metavar="MINUTES", help="for --check (default 15)")

    def handle(self, *args, requeue, discard, ids, check, max_wait, **options):
        emails = DBTaskResult.objects.filter(task_path=deliver_email.module_path)
        failed = emails.failed().order_by("finished_at")
        if ids:
            failed = failed.filter(id__in=ids)
        if requeue and discard:
            raise CommandError("--requeue or --discard, not both.")
        if requeue:
            self.requeue(failed)
            return
        if discard:
            for row in failed:
                self.stdout.write(f"Discarded: {describe(_message(row))}")
            self.stdout.write(f"{failed.delete()[0]} email(s) discarded.")
            return
        counts = dict(DBTaskResult.objects.order_by().values_list("status").annotate(n=Count("id")))
        self.stdout.write("Tasks: " + ", ".join(f"{status} {counts.get(status, 0)}" for status in TaskResultStatus))
        for row in failed:
            error = row.exception_class_path.rsplit(".", 1)[-1]
            when = timezone.localtime(row.finished_at)
            self.stdout.write(f"FAILED {row.id} {when:%d/%m/%Y %H:%M} {describe(_message(row))} ({error})")
        if check:
            self.check_queue(failed, max_wait)

    def requeue(self, failed):
        """Each failed email goes back in the queue as a first attempt, and its FAILED row goes, in one
        transaction: running this twice never sends a message twice."""
        with transaction.atomic():
            rows = list(failed.select_for_update())
            for row in rows:
                deliver_email.enqueue(_message(row))
                self.stdout.write(f"Queued again: {describe(_message(row))}")
            DBTaskResult.objects.filter(id__in=[row.id for row in rows]).delete()
        self.stdout.write(f"{len(rows)} email(s) queued again.")

    def check_queue(self, failed, max_wait):
        cutoff = timezone.now() - datetime.timedelta(minutes=max_wait)
        # Due (enqueued without a delay, or its retry time passed) for longer than max_wait: no
        # worker is taking tasks.
        overdue = (
            DBTaskResult.objects.ready()
            .filter(Q(run_after=get_date_max(), enqueued_at__lte=cutoff) | Q(run_after__lte=cutoff))
            .count()
        )
        problems = []
        if failed.exists():
            problems.append(f"{failed.count()} email(s) given up on (email_queue --requeue sends them again)")
        if overdue:
            problems.append(f"{overdue} task(s) due for over {max_wait} minutes: is db_worker running?")
        if problems:
            raise CommandError("; ".join(problems))
        self.stdout.write("OK")
