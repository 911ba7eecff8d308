from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExemplarsConfig(AppConfig):
    name = "exemplars"
    verbose_name = _("Exemplars")

    def ready(self):
        # Imported here because the handlers use the models, which are loaded only now.
        from exemplars.signal_handlers import register_signal_handlers

        register_signal_handlers()
