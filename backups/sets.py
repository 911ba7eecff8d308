"""A backup set: one folder holding the database dump, the media archive and a manifest.

    <root>/newsroom-20261207-031500/
        database.dump    pg_dump, custom format
        media.tar.gz     the media folder
        manifest.json    time, sizes, sha256 checksums, applied migrations, app version

A set is written under a hidden name and renamed when complete, so a set with a manifest is a
whole one. Rotation reads only folders named like ours that hold our manifest, and deletes only
the three files it wrote (and the folder, once empty).
"""

import datetime
import hashlib
import json
import re
import shutil
import tarfile
from dataclasses import dataclass
from pathlib import Path

PREFIX = "newsroom-"
NAME = re.compile(r"^newsroom-(\d{8}-\d{6})$")
DATABASE, MEDIA, MANIFEST = "database.dump", "media.tar.gz", "manifest.json"
FORMAT = "newsroom-backup/1"


class BackupRefused(Exception):
    """A backup set that is missing, damaged or not ours; the message says which file and why."""


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def describe_file(path):
    return {"name": path.name, "size": path.stat().st_size, "sha256": sha256(path)}


def set_name(moment):
    return f"{PREFIX}{moment:%Y%m%d-%H%M%S}"


def archive_media(media_root, target):
    """The media folder as a tar.gz, paths relative to the folder (an absent folder: an empty archive)."""
    with tarfile.open(target, "w:gz") as archive:
        if media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                archive.add(path, arcname=str(path.relative_to(media_root)), recursive=False)


def extract_media(source, media_root):
    """Unpack the media archive into ``media_root``; the "data" filter refuses absolute paths,
    links out of the folder and device files, whatever the archive holds."""
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source, "r:gz") as archive:
        archive.extractall(media_root, filter="data")


def write_manifest(folder, manifest):
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def read_manifest(folder):
    path = folder / MANIFEST
    if not path.is_file():
        raise BackupRefused(f"{folder} is not a backup: it has no {MANIFEST}.")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise BackupRefused(f"{path} is damaged: it is not valid JSON.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupRefused(f"{path} is not a manifest written by manage.py backup.")
    return manifest


def verify(folder):
    """The manifest of the set in ``folder`` once both files match its sizes and checksums."""
    manifest = read_manifest(folder)
    for key in ("database", "media"):
        entry = manifest.get(key) or {}
        path = folder / str(entry.get("name", ""))
        if not entry.get("name") or path.parent != folder or not path.is_file():
            raise BackupRefused(f"{folder / (entry.get('name') or key)} is missing: nothing was restored.")
        if path.stat().st_size != entry.get("size") or sha256(path) != entry.get("sha256"):
            raise BackupRefused(
                f"{path} does not match its checksum in {MANIFEST}: the copy is damaged. Nothing was restored; "
                "use another backup."
            )
    return manifest


def build(root, moment, write_files):
    """Write a new set under ``root``: ``write_files(folder)`` writes the dump and the archive and
    returns the manifest's other entries. The folder appears under its final name only when whole."""
    root.mkdir(parents=True, exist_ok=True)
    final = root / set_name(moment)
    if final.exists():
        raise BackupRefused(f"{final} already exists: wait a second and run the backup again.")
    partial = root / f".{final.name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    try:
        entries = write_files(partial)
        manifest = {
            "format": FORMAT,
            "created_at": moment.isoformat(),
            "database": describe_file(partial / DATABASE),
            "media": describe_file(partial / MEDIA),
            **entries,
        }
        write_manifest(partial, manifest)
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return final, manifest


@dataclass(frozen=True)
class Kept:
    folder: Path
    moment: datetime.datetime


def our_sets(root):
    """The sets under ``root`` that manage.py backup wrote, newest first."""
    found = []
    for folder in root.iterdir() if root.is_dir() else ():
        match = NAME.match(folder.name)
        if match and folder.is_dir() and (folder / MANIFEST).is_file():
            try:
                read_manifest(folder)
            except BackupRefused:
                continue
            found.append(Kept(folder, datetime.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")))
    return sorted(found, key=lambda kept: kept.moment, reverse=True)


def to_keep(sets, daily, monthly):
    """The newest set of each of the ``daily`` latest days and of each of the ``monthly`` latest months."""
    keep, days, months = set(), [], []
    for kept in sets:  # newest first
        day, month = kept.moment.date(), (kept.moment.year, kept.moment.month)
        if day not in days:
            days.append(day)
            if len(days) <= daily:
                keep.add(kept.folder)
        if month not in months:
            months.append(month)
            if len(months) <= monthly:
                keep.add(kept.folder)
    return keep


def rotate(root, daily, monthly):
    """Delete the sets beyond ``daily`` daily and ``monthly`` monthly copies; the folders deleted."""
    sets = our_sets(root)
    keep = to_keep(sets, daily, monthly)
    deleted = []
    for kept in sets:
        if kept.folder in keep:
            continue
        # The manifest first: a deletion cut short leaves no set that looks whole.
        for name in (MANIFEST, DATABASE, MEDIA):
            (kept.folder / name).unlink(missing_ok=True)
        if not any(kept.folder.iterdir()):
            kept.folder.rmdir()
        deleted.append(kept.folder)
    return deleted
