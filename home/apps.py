from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        # Here, not at the top: the receivers use the models, which are loaded only once apps are ready.
        from home.signal_handlers import register_signal_handlers

        register_signal_handlers()
