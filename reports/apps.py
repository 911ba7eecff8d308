from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class ReportsConfig(AppConfig):
    """The contribution engine and what is built on it: quota reminders, dashboard panels, the admin
    reports and the yearly scoring. It counts units' stories, so it stands above units and exemplars;
    nothing below it imports it."""

    name = "reports"
    # In context: Wagtail's own "Reports" (its admin menu) is left as Wagtail translates it.
    verbose_name = pgettext_lazy("app", "Reports")
