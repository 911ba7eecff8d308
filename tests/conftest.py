import contextlib
import io

import pytest
from django.core.management import call_command


def pytest_configure(config):
    """Compile the translation catalogues that are missing or older than their .po, so a plain
    `pytest` on a fresh clone tests the site in Vietnamese like `make test` does (the .mo files
    are build output, not in git). A malformed catalogue stops the run at once, with one message."""
    from django.test.signals import language_changed

    from cms.compile_catalogues import main as compile_catalogues

    with contextlib.redirect_stdout(io.StringIO()) as compiled, contextlib.redirect_stderr(io.StringIO()) as errors:
        status = compile_catalogues()
    if status != 0:
        pytest.exit(
            f"The translation catalogues do not compile; fix them, then run `make messages`:\n{errors.getvalue()}",
            returncode=4,
        )
    if compiled.getvalue():
        # Django may have looked for a catalogue while starting up (before it existed): forget
        # what it found, as it does when a test changes LOCALE_PATHS.
        language_changed(setting="LOCALE_PATHS")


def pytest_sessionfinish(session, exitstatus):
    """On PostgreSQL (what CI runs) every test must run: a skipped one fails the run. On SQLite
    the PostgreSQL-only tests are reported as skipped, with their reason."""
    from django.db import connection

    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    if connection.vendor == "postgresql" and skipped and exitstatus == 0:
        reporter.ensure_newline()
        reporter.write_line(f"{len(skipped)} test(s) skipped on PostgreSQL: every test must run here.", red=True)
        session.exitstatus = 1


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database starts as `setup_newsroom` leaves it, built once per run; each test's
    changes are rolled back (browser tests, which flush, set it up again themselves)."""
    with django_db_blocker.unblock():
        call_command("setup_newsroom", verbosity=0, stdout=io.StringIO())


@pytest.fixture
def newsroom(db):
    """The newsroom as `setup_newsroom` leaves it: locales, page tree, units, sections, roles."""


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("board-admin", "board@example.invalid", "pw")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def exemplar_index(newsroom):
    from exemplars.models import ExemplarIndexPage

    return ExemplarIndexPage.objects.get(locale__language_code="vi")


@pytest.fixture
def section(newsroom):
    from exemplars.models import UnitSectionPage

    return UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: rolled-back rows reuse ids, and Wagtail caches
    renditions by image id, so a stale entry could otherwise show another test's file."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads and renditions go to a folder of this test's own."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
