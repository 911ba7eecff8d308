from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffAuthConfig(AppConfig):
    """The staff's second factor (TOTP on a phone, recovery codes) in front of the admin."""

    name = "staffauth"
    verbose_name = _("Two-step sign-in")
    default_auto_field = "django.db.models.BigAutoField"
