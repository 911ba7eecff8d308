from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Personal data (Decree 13/2023/NĐ-CP): retention of submissions and the Board's answers to a
    person's requests to see, correct or erase what is held about them. Imports submissions and
    units; nothing imports it."""

    name = "privacy"
    verbose_name = _("Personal data")
