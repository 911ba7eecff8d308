import contextlib
import io
import os
import shutil
import tempfile
from pathlib import Path

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


# Mutation runs only (cms/settings/mutation.py sets MUTATION_TESTING): mutmut starts one
# pytest session per mutant, each in a child forked from the process whose first session built the test
# database, a file kept between sessions. Checking the migrations and running setup_newsroom again cost
# about 1.3 s a mutant, and setup_newsroom would run the mutated code and commit what it made to the file
# every later mutant shares. So later sessions start from a copy of the database as first built.
_built_test_database = None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database starts as `setup_newsroom` leaves it, built once per run; each test's
    changes are rolled back (browser tests, which flush, set it up again themselves)."""
    global _built_test_database
    if _built_test_database is not None:
        yield from _own_copy_of_test_database(_built_test_database)
        return
    with django_db_blocker.unblock():
        call_command("setup_newsroom", verbosity=0, stdout=io.StringIO())
    from django.conf import settings
    from django.db import connection

    if getattr(settings, "MUTATION_TESTING", False):
        import django.test.utils

        # pytest-django looks setup_databases up at each session; --reuse-db never tears the database down.
        django.test.utils.setup_databases = lambda *args, **kwargs: []
        _built_test_database = connection.settings_dict["NAME"]
    yield


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Mutation runs only: mutmut names the tests that reach a mutant fastest first and stops at the
    first failure (-x), but pytest-django moves every database test ahead of the others, so a mutant
    a unit test kills in milliseconds waited for the slow page tests first. Back to mutmut's order."""
    from django.conf import settings

    if getattr(settings, "MUTATION_TESTING", False):
        order = {arg: position for position, arg in enumerate(config.args)}
        items.sort(key=lambda item: order.get(item.nodeid, len(order)))


def _own_copy_of_test_database(built):
    """A copy per session: two mutants run at once (`--jobs 2`) would otherwise wait on each other's
    locks on one SQLite file, and what a test commits cannot leak into the next mutant's session."""
    from django.db import connection

    copy = Path(tempfile.gettempdir()) / f"mutation-test-{os.getpid()}.sqlite3"
    connection.close()
    shutil.copyfile(built, copy)
    connection.settings_dict["NAME"] = str(copy)
    yield
    connection.close()
    connection.settings_dict["NAME"] = built
    copy.unlink(missing_ok=True)


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
