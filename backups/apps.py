from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupsConfig(AppConfig):
    """manage.py backup and restore: the database and the media folder, copied and brought back
    (docs/deploy.md, "Backups"). No models: a backup lives in a folder, outside the database."""

    name = "backups"
    verbose_name = _("Backups")
