from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class CoreConfig(AppConfig):
    """The ground every app of ours stands on (docs/architecture.md): it imports none of them."""

    name = "core"
    verbose_name = pgettext_lazy("app", "Core")

    def ready(self):
        from core import cache_generation

        cache_generation.register_signal_handlers()
