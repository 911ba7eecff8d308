from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ColumnsConfig(AppConfig):
    name = "columns"
    verbose_name = _("Columns")

    def ready(self):
        # Imported here because the handlers use the models, which are loaded only now.
        from columns.signal_handlers import register_signal_handlers

        register_signal_handlers()
