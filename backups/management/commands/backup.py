"""manage.py backup: the database and the media folder, copied into a new set (docs/deploy.md, "Backups")."""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import timezone

from backups import conf, postgres, sets, state


def backup_root(option):
    root = option or conf.setting("BACKUP_ROOT")
    if not root:
        raise CommandError("Where to? Set BACKUP_ROOT in the environment or pass --to FOLDER.")
    return Path(root).resolve()


def size(n):
    return f"{n / 1024 / 1024:.1f} MB"


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump, custom format) and the media folder (tar.gz) with a manifest of "
        "sizes, checksums and migrations into a new folder of BACKUP_ROOT, then delete the copies beyond "
        "--keep-daily daily and --keep-monthly monthly ones."
    )

    def add_arguments(self, parser):
        parser.add_argument("--to", metavar="FOLDER", help="the backup folder (default: BACKUP_ROOT)")
        parser.add_argument("--keep-daily", type=int, metavar="N", help="daily copies kept (default 7)")
        parser.add_argument("--keep-monthly", type=int, metavar="M", help="monthly copies kept (default 12)")
        parser.add_argument("--no-rotate", action="store_true", help="delete no older copy")

    def handle(self, *args, to, keep_daily, keep_monthly, no_rotate, verbosity, **options):
        daily = conf.setting("BACKUP_KEEP_DAILY") if keep_daily is None else keep_daily
        monthly = conf.setting("BACKUP_KEEP_MONTHLY") if keep_monthly is None else keep_monthly
        if daily < 1 or monthly < 0:
            raise CommandError("--keep-daily must be at least 1 and --keep-monthly at least 0.")
        root = backup_root(to)
        settings_dict = connections["default"].settings_dict
        try:
            postgres.require_postgresql(settings_dict, "manage.py backup")
        except postgres.PostgresError as error:
            raise CommandError(f"{error} Copy the SQLite file (with the site stopped) instead.") from None
        started = time.monotonic()
        try:
            folder, manifest = sets.build(root, timezone.localtime().replace(microsecond=0), self.write_files)
        except (postgres.PostgresError, sets.BackupRefused, OSError) as error:
            raise CommandError(f"Backup failed, nothing was kept: {error}") from None
        # Cron mails whatever a job prints: with --verbosity 0 only a failure (CommandError) is.
        say = self.stdout.write if verbosity >= 1 else (lambda text: None)
        say(
            f"Backed up to {folder} in {time.monotonic() - started:.1f} s: "
            f"database {size(manifest['database']['size'])}, media {size(manifest['media']['size'])}."
        )
        if not no_rotate:
            for deleted in sets.rotate(root, daily, monthly):
                say(f"Deleted the older copy {deleted.name}.")

    def write_files(self, folder):
        """The dump first, then the media: every file a dumped row names was on disk before its row
        was committed, so it is in the archive (files newer than the dump are harmless extras)."""
        postgres.dump(connections["default"].settings_dict, folder / sets.DATABASE)
        media_root = Path(settings.MEDIA_ROOT)
        sets.archive_media(media_root, folder / sets.MEDIA)
        return {
            "database_name": connections["default"].settings_dict["NAME"],
            "media_root": str(media_root),
            "migrations": state.applied_migrations(),
            "app": state.app_version(),
        }
