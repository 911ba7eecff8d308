"""manage.py restore: a backup set brought back into a fresh database and media folder."""

import tarfile
import time
from pathlib import Path

import dj_database_url
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from backups import conf, postgres, sets, state


class Command(BaseCommand):
    help = (
        "Restore a backup made by manage.py backup (a folder, or its name in BACKUP_ROOT) into a database "
        "(--database-url, default: the site's) and a media folder (--media-root, default: MEDIA_ROOT), once "
        "its checksums match. An existing database or media folder with content is left alone unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="the backup's folder, or its name (newsroom-YYYYMMDD-HHMMSS)")
        parser.add_argument("--database-url", metavar="URL", help="postgres://user@host:port/name (created empty)")
        parser.add_argument("--media-root", metavar="FOLDER", help="where the media files go")
        parser.add_argument("--force", action="store_true", help="replace the content of a database or folder in use")

    def handle(self, *args, backup, database_url, media_root, force, **options):
        folder = self.find(backup)
        try:
            target = dj_database_url.parse(database_url) if database_url else connections["default"].settings_dict
        except ValueError:
            raise CommandError("--database-url must look like postgres://user:password@host:5432/name.") from None
        media = Path(media_root or settings.MEDIA_ROOT).resolve()
        try:
            postgres.require_postgresql(target, "manage.py restore")
            manifest = sets.verify(folder)
            tables = postgres.table_count(target)
        except (postgres.PostgresError, sets.BackupRefused) as error:
            raise CommandError(str(error)) from None
        if tables and not force:
            raise CommandError(
                f"The database {target['NAME']!r} is not empty ({tables} tables): nothing was restored. "
                "Restore into a new database (createdb), or pass --force to replace its content."
            )
        if media.is_dir() and any(media.iterdir()) and not force:
            raise CommandError(
                f"The media folder {media} is not empty: nothing was restored. "
                "Pass another --media-root, or --force to add the backup's files to it."
            )
        started = time.monotonic()
        try:
            postgres.restore(target, folder / sets.DATABASE, clean=bool(tables))
            sets.extract_media(folder / sets.MEDIA, media)
        except (postgres.PostgresError, OSError, tarfile.TarError) as error:
            raise CommandError(f"Restore failed: {error}") from None
        self.stdout.write(
            f"Restored {folder.name} (made {manifest['created_at']}) into the database {target['NAME']!r} "
            f"and {media} in {time.monotonic() - started:.1f} s."
        )
        newer = state.unknown_migrations(manifest.get("migrations") or {})
        if newer:
            self.stdout.write(
                f"Made by a newer version of the site ({len(newer)} migrations this code lacks): deploy it."
            )
        else:
            self.stdout.write("Next: manage.py migrate (if this code is newer than the backup), then start the site.")

    def find(self, backup):
        path = Path(backup)
        root = conf.setting("BACKUP_ROOT")
        if not path.exists() and root and path.name == backup:
            path = Path(root) / backup
        if path.is_file() and path.name == sets.MANIFEST:
            path = path.parent
        if not path.is_dir():
            raise CommandError(f"No backup at {backup}.")
        return path.resolve()
