"""Which copies manage.py backup keeps, and its refusals (no database server needed)."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connections

from backups import sets


def fake_set(root, stamp, ours=True):
    folder = root / f"newsroom-{stamp}"
    folder.mkdir()
    for name in (sets.DATABASE, sets.MEDIA):
        (folder / name).write_bytes(b"x")
    manifest = {"format": sets.FORMAT if ours else "other"}
    (folder / sets.MANIFEST).write_text(json.dumps(manifest))
    return folder


def test_rotation_keeps_the_newest_copy_of_n_days_and_m_months_and_only_deletes_its_own(tmp_path):
    stamps = [
        "20260815-020000",  # August: the month's newest
        "20260901-020000",
        "20260930-020000",  # September's newest
        "20261001-020000",
        "20261031-020000",  # October's newest
        "20261204-020000",
        "20261205-020000",
        "20261206-010000",
        "20261206-020000",  # a second run that day: the newest of the day
        "20261207-020000",
    ]
    for stamp in stamps:
        fake_set(tmp_path, stamp)
    someone_elses = tmp_path / "newsroom-20200101-000000"
    someone_elses.mkdir()
    (someone_elses / "ghi-chu.txt").write_text("không phải bản sao lưu")
    not_ours = fake_set(tmp_path, "20200102-000000", ours=False)
    (tmp_path / "newsroom-20261204-020000" / "ghi-chu.txt").write_text("ghi chú của người quản trị")

    deleted = sets.rotate(tmp_path, daily=3, monthly=3)

    # Days: 7, 6 (its 02:00 copy) and 5 December; months: December, October, September.
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == [
        "newsroom-20200101-000000",  # not a backup: no manifest
        "newsroom-20200102-000000",  # a manifest, but not ours
        "newsroom-20260930-020000",
        "newsroom-20261031-020000",
        "newsroom-20261204-020000",  # deleted as a copy; the note someone left in it stays
        "newsroom-20261205-020000",
        "newsroom-20261206-020000",
        "newsroom-20261207-020000",
    ]
    assert sorted(p.name for p in (tmp_path / "newsroom-20261204-020000").iterdir()) == ["ghi-chu.txt"]
    assert (not_ours / sets.DATABASE).exists()
    assert sorted(p.name[9:] for p in deleted) == [
        "20260815-020000",
        "20260901-020000",
        "20261001-020000",
        "20261204-020000",
        "20261206-010000",
    ]


def test_backup_refuses_sqlite_with_a_clear_message(tmp_path, monkeypatch, db):
    monkeypatch.setitem(connections["default"].settings_dict, "ENGINE", "django.db.backends.sqlite3")
    with pytest.raises(CommandError) as error:
        call_command("backup", "--to", str(tmp_path), stdout=io.StringIO())
    assert "PostgreSQL only" in str(error.value) and "sqlite3" in str(error.value)
    assert not any(tmp_path.iterdir())


def test_backup_needs_to_know_where(monkeypatch, settings, db):
    settings.BACKUP_ROOT = None
    with pytest.raises(CommandError) as error:
        call_command("backup", stdout=io.StringIO())
    assert "BACKUP_ROOT" in str(error.value)
