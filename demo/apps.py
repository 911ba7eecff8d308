from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Sample newsroom content for trying the site out (docs/architecture.md): the top app below cms,
    so nothing of ours imports it and a production install can leave its commands unused."""

    name = "demo"
    verbose_name = _("Demo content")
