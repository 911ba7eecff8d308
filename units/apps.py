from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    name = "units"
    verbose_name = _("Units")

    def ready(self):
        # Imported here because the handlers use the models, which are loaded only now.
        from units.signal_handlers import register_signal_handlers

        register_signal_handlers()
