"""Fragments are read from the process's own copy once read from the shared cache
(core/fronted_cache.py): a listing read again asks the shared cache for nothing but the generation,
while a publish still shows on the next request, and what a caller does to a value it read changes
no other reader's."""

import pytest
from django.core.cache import caches

from core import fragments
from tests.factories import ExemplarPageFactory
from tests.helpers import at, published

LISTING_QUERY = "?year=2024"


class SharedReads:
    """Counts the keys read from the shared cache (the ``default`` alias) while active."""

    def __init__(self, monkeypatch):
        self.keys = []
        shared = caches["default"]
        get, get_many = shared.get, shared.get_many

        def counting_get(key, *args, **kwargs):
            self.keys.append(key)
            return get(key, *args, **kwargs)

        def counting_get_many(keys, *args, **kwargs):
            self.keys.extend(keys)
            return get_many(keys, *args, **kwargs)

        monkeypatch.setattr(shared, "get", counting_get)
        monkeypatch.setattr(shared, "get_many", counting_get_many)

    def fragments(self):
        return [key for key in self.keys if "fragment" in key or "template.cache" in key]


def another_process():
    """What a second worker process sees: the shared cache, without this process's copies."""
    caches["fragments"]._front.clear()


@pytest.fixture
def story(section):
    return published(
        ExemplarPageFactory(parent=section, title="Chị Lâm Thị Sà Quênh dạy chữ Khmer", first_published_at=at(2024, 3))
    )


@pytest.mark.django_db
def test_a_listing_read_again_takes_its_fragments_from_the_process_copy(client, exemplar_index, story, monkeypatch):
    assert client.get(exemplar_index.url + LISTING_QUERY).status_code == 200
    reads = SharedReads(monkeypatch)

    response = client.get(exemplar_index.url + LISTING_QUERY)

    assert response.status_code == 200
    assert story.title in response.content.decode()
    assert reads.fragments() == []


@pytest.mark.django_db
def test_another_process_finds_what_one_built_in_the_shared_cache(client, exemplar_index, story, monkeypatch):
    first = client.get(exemplar_index.url + LISTING_QUERY).content
    another_process()
    reads = SharedReads(monkeypatch)

    assert client.get(exemplar_index.url + LISTING_QUERY).content == first
    assert reads.fragments()  # read from the shared cache, not built again


@pytest.mark.django_db
@pytest.mark.parametrize("generation_in", ["file", "cache"])
def test_a_story_published_after_a_listing_was_read_shows_at_once(
    client, exemplar_index, section, story, settings, generation_in
):
    if generation_in == "cache":  # as production keeps it with Redis (core/cache_generation.py)
        settings.PAGE_CACHE_GENERATION_FILE = None
    assert client.get(exemplar_index.url + LISTING_QUERY).status_code == 200
    newer = published(
        ExemplarPageFactory(parent=section, title="Anh Thạch Sô Phol giữ rừng đước", first_published_at=at(2024, 5))
    )

    assert newer.title in client.get(exemplar_index.url + LISTING_QUERY).content.decode()


@pytest.mark.django_db
def test_a_reader_changing_what_it_read_changes_no_other_readers_copy():
    choices = fragments.cached("test-choices", ("vi",), lambda: [("nong-nghiep", "Nông nghiệp")])
    choices.append(("gia-mao", "Giả mạo"))

    assert fragments.cached("test-choices", ("vi",), lambda: []) == [("nong-nghiep", "Nông nghiệp")]


@pytest.mark.django_db
def test_emptying_the_fragments_cache_empties_the_process_copy_too():
    fragments.cached("test-count", (), lambda: 41)
    caches["fragments"].clear()

    assert fragments.cached("test-count", (), lambda: 42) == 42


def test_a_counter_cannot_go_through_it():
    with pytest.raises(NotImplementedError):
        caches["fragments"].incr("anything")
