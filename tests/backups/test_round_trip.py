"""manage.py backup and restore on PostgreSQL: a backup of the newsroom comes back whole into a new
database and a new media folder, and a damaged copy is refused before anything is written."""

import io
import json
import uuid

import psycopg2
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connections
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from exemplars.models import ExemplarPage, UnitSectionPage
from tests.factories import ExemplarPageFactory

ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
pytestmark = pytest.mark.skipif(
    not ON_POSTGRESQL,
    reason="pg_dump/pg_restore need PostgreSQL: run with DATABASE_URL=postgres://... (CI does)",
)


def png(colour):
    data = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(data, "PNG")
    return data.getvalue()


def build_content():
    """Stories with revisions (a published one edited again), an image and a document on disk."""
    section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")
    for n, name in enumerate(["Chị Lý Thị Sa Ly nuôi tôm sạch", "Ông Thạch Sóc trồng lúa - tôm"]):
        story = ExemplarPageFactory(parent=section, title=name, slug=f"sao-luu-{n}", live=False)
        story.save_revision().publish()
        story.summary = "Bản sửa sau khi đăng: thu nhập tăng gấp ba."
        story.save_revision()
    image = get_image_model().objects.create(
        title="Ruộng lúa - tôm ở Mỹ Xuyên", file=ContentFile(png((30, 120, 60)), name="ruong-lua-tom.png")
    )
    document = get_document_model().objects.create(
        title="Kế hoạch tuyên truyền gương điển hình",
        file=ContentFile("Kế hoạch số 12/KH-BTĐKT, Sóc Trăng.\n".encode() * 200, name="ke-hoach-12.txt"),
    )
    return [image.file.name, document.file.name]


def counts(cursor):
    tables = {
        "pages": Page._meta.db_table,
        "stories": ExemplarPage._meta.db_table,
        "revisions": Revision._meta.db_table,
        "images": get_image_model()._meta.db_table,
        "documents": get_document_model()._meta.db_table,
    }
    result = {}
    for key, table in tables.items():
        cursor.execute(f'SELECT count(*) FROM "{table}"')
        result[key] = cursor.fetchone()[0]
    return result


@pytest.fixture
def new_database():
    """The settings of an empty database, dropped afterwards."""
    source = connections["default"].settings_dict
    name = f"{source['NAME']}_restored_{uuid.uuid4().hex[:8]}"
    server = {
        "user": source["USER"] or None,
        "password": source["PASSWORD"] or None,
        "host": source["HOST"] or None,
        "port": source["PORT"] or None,
    }
    admin = psycopg2.connect(dbname="postgres", **server)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name, server
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def url(name, server):
    auth = server["user"] or ""
    if server["password"]:
        auth += f":{server['password']}"
    return f"postgres://{auth}@{server['host'] or '127.0.0.1'}:{server['port'] or 5432}/{name}"


def test_a_backup_restored_into_a_new_database_and_folder_has_every_page_revision_and_file(
    committed_newsroom, transactional_db, media_root, tmp_path, new_database
):
    files = build_content()
    with connections["default"].cursor() as cursor:
        before = counts(cursor)
    backups = tmp_path / "sao-luu"
    call_command("backup", "--to", str(backups), stdout=io.StringIO())
    (folder,) = backups.iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["database"]["size"] > 0 and len(manifest["media"]["sha256"]) == 64
    assert "0001_initial" in manifest["migrations"]["exemplars"]

    name, server = new_database
    restored_media = tmp_path / "media-moi"
    out = io.StringIO()
    call_command(
        "restore", str(folder), "--database-url", url(name, server), "--media-root", str(restored_media), stdout=out
    )

    assert f"into the database {name!r}" in out.getvalue()
    with psycopg2.connect(dbname=name, **server) as restored, restored.cursor() as cursor:
        assert counts(cursor) == before
        cursor.execute(f'SELECT title FROM "{Page._meta.db_table}" WHERE slug = %s', ["sao-luu-0"])
        assert cursor.fetchone() == ("Chị Lý Thị Sa Ly nuôi tôm sạch",)
    assert before["stories"] >= 2 and before["images"] == 1 and before["documents"] == 1
    for relative in files:
        assert (restored_media / relative).read_bytes() == (media_root / relative).read_bytes()


def test_a_damaged_archive_is_refused_by_its_checksum_and_nothing_is_restored(
    committed_newsroom, transactional_db, media_root, tmp_path, new_database
):
    build_content()
    backups = tmp_path / "sao-luu"
    call_command("backup", "--to", str(backups), stdout=io.StringIO())
    (folder,) = backups.iterdir()
    archive = folder / "media.tar.gz"
    damaged = bytearray(archive.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    archive.write_bytes(bytes(damaged))
    name, server = new_database
    restored_media = tmp_path / "media-moi"

    with pytest.raises(CommandError) as error:
        call_command(
            "restore",
            str(folder),
            "--database-url",
            url(name, server),
            "--media-root",
            str(restored_media),
            stdout=io.StringIO(),
        )

    assert "media.tar.gz does not match its checksum" in str(error.value)
    assert not restored_media.exists()
    with psycopg2.connect(dbname=name, **server) as restored, restored.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert cursor.fetchone() == (0,)


def test_restore_leaves_a_database_in_use_alone_without_force(
    committed_newsroom, transactional_db, media_root, tmp_path
):
    backups = tmp_path / "sao-luu"
    call_command("backup", "--to", str(backups), stdout=io.StringIO())
    (folder,) = backups.iterdir()
    with pytest.raises(CommandError) as error:
        call_command("restore", str(folder), "--media-root", str(tmp_path / "media-moi"), stdout=io.StringIO())
    assert "is not empty" in str(error.value) and "nothing was restored" in str(error.value)
    assert UnitSectionPage.objects.exists()
