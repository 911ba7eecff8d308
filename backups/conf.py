"""The backup's settings: BACKUP_ROOT (the folder of the sets), BACKUP_KEEP_DAILY (7) and
BACKUP_KEEP_MONTHLY (12), from a settings module that sets them, else from the environment."""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULTS = {"BACKUP_ROOT": None, "BACKUP_KEEP_DAILY": 7, "BACKUP_KEEP_MONTHLY": 12}


def setting(name):
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, "").strip() or None
    if value is None:
        return DEFAULTS[name]
    if isinstance(DEFAULTS[name], int) and not isinstance(value, int):
        try:
            return int(value)
        except ValueError:
            raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None
    return value
