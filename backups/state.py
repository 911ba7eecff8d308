"""What a manifest records about the code and the schema a backup was made with."""

import os
import subprocess
from collections import defaultdict

from django.conf import settings
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder


def applied_migrations(alias="default"):
    """The migrations applied in the database, per app, in name order."""
    per_app = defaultdict(list)
    for app, name in MigrationRecorder(connections[alias]).applied_migrations():
        per_app[app].append(name)
    return {app: sorted(names) for app, names in sorted(per_app.items())}


def unknown_migrations(recorded):
    """The migrations a backup's database had applied that this code does not have: it was made by
    a newer version of the site."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return sorted(f"{app}.{name}" for app, names in recorded.items() for name in names if (app, name) not in known)


def app_version():
    """The release (APP_VERSION, set by the deployment) and the git commit, when either is known."""
    commit = None
    try:
        completed = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=10
        )
        if completed.returncode == 0:
            commit = completed.stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        pass
    return {"version": os.environ.get("APP_VERSION", "").strip() or None, "commit": commit}
