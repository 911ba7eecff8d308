import io

import pytest
from django.core.management import call_command


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
