import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEMO_SUPERUSER = "admin"


class Command(BaseCommand):
    help = (
        "Create or reset the demo superuser and print its login. The password comes from "
        "DJANGO_SUPERUSER_PASSWORD, or is generated afresh and printed; there is no fixed default."
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
        self.stdout.write("Demo logins (admin at /admin/):")
        self.stdout.write(f"  superuser  {DEMO_SUPERUSER} / {password}")
