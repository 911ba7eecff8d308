from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from staffauth import audit, devices


class Command(BaseCommand):
    help = (
        "Remove a staff member's two-step sign-in (a lost phone and lost recovery codes): "
        "they set it up again at their next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        # Both devices go, with the audit entry that says so, or nothing does.
        with transaction.atomic():
            devices.forget(user)
            audit.record(audit.REMOVED, user, by_self=False)
        self.stdout.write(f"Two-step sign-in removed for {username}: they set it up again at their next sign-in.")
