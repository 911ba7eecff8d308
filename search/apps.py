from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        # Here, not at the top: the receivers use the models, which are loaded only once apps are ready.
        from search.signal_handlers import register_signal_handlers

        register_signal_handlers()
