"""With a shared cache (Redis in production), the content generation is read from it once a
request (core/cache_generation.py): the fragments, the visibility snapshot and the view-restriction
check all used to ask. A change the request makes, or one made before the next request, is seen."""

import pytest
from django.core.cache import caches
from django.core.signals import request_finished, request_started

from core import cache_generation
from tests.factories import ExemplarPageFactory
from tests.helpers import at, published

LISTING_QUERY = "?year=2023"


@pytest.fixture(autouse=True)
def generation_in_the_cache(settings):
    """Where production keeps it with Redis: in the cache, not in a file (the tests' default)."""
    settings.PAGE_CACHE_GENERATION_FILE = None


@pytest.fixture
def story(section):
    return published(
        ExemplarPageFactory(
            parent=section, title="Bà Trần Thị Ngọc Hân mở lớp học tình thương", first_published_at=at(2023, 6)
        )
    )


def generation_reads(monkeypatch):
    reads = []
    shared = caches["default"]
    get_many = shared.get_many

    def counting(keys, *args, **kwargs):
        reads.extend(key for key in keys if key == cache_generation.GENERATION_KEY)
        return get_many(keys, *args, **kwargs)

    monkeypatch.setattr(shared, "get_many", counting)
    return reads


@pytest.mark.django_db
def test_a_listing_reads_the_content_generation_once(client, exemplar_index, story, monkeypatch):
    assert client.get(exemplar_index.url + LISTING_QUERY).status_code == 200
    reads = generation_reads(monkeypatch)

    response = client.get(exemplar_index.url + LISTING_QUERY)

    assert story.title in response.content.decode()
    assert len(reads) == 1


@pytest.mark.django_db
def test_a_change_made_during_a_request_is_seen_by_the_rest_of_it():
    request_started.send(sender=None)
    try:
        before = cache_generation.generation()
        cache_generation.invalidate()
        assert cache_generation.generation() != before
    finally:
        request_finished.send(sender=None)


@pytest.mark.django_db
def test_outside_a_request_every_read_asks_the_cache():
    cache_generation.generation()
    caches["default"].set(cache_generation.GENERATION_KEY, "moved-by-another-process", timeout=None)

    assert cache_generation.generation() == "moved-by-another-process"
