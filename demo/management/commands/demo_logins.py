import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from demo.users import DEMO_USERS
from units.models import Role

DEMO_SUPERUSER = "admin"


class Command(BaseCommand):
    help = (
        "Create or reset the demo superuser, set a password on the demo role users, and print the "
        "logins. The password comes from DJANGO_SUPERUSER_PASSWORD, or is generated afresh and "
        "printed; there is no fixed default."
    )

    def handle(self, *args, **options):
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or secrets.token_urlsafe(12)
        User = get_user_model()
        user, _created = User.objects.get_or_create(
            username=DEMO_SUPERUSER,
            defaults={"email": "admin@example.invalid", "first_name": "Quản trị", "last_name": "viên"},
        )
        user.is_superuser = True
        user.is_staff = True
        user.set_password(password)
        user.save()
        self.stdout.write(f"Demo logins at /admin/ (password for all: {password})")
        self.stdout.write(f"  {DEMO_SUPERUSER:<20} superuser")
        for demo in User.objects.filter(username__in=DEMO_USERS).order_by("pk"):
            demo.set_password(password)
            demo.save(update_fields=["password"])
            full_name, role, unit_slug = DEMO_USERS[demo.username]
            where = f" — {unit_slug}" if unit_slug else ""
            self.stdout.write(f"  {demo.username:<20} {Role(role).label}{where} ({full_name})")
