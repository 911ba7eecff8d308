from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExemplarsConfig(AppConfig):
    name = "exemplars"
    verbose_name = _("Exemplars")

    def ready(self):
        from exemplars import signals  # noqa: F401
