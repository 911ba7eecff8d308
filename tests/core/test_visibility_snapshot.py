"""While no page has a view restriction, public listings test none (core/visibility.py reads which
pages have one once per content generation). The first restriction must still hide its page from
every listing at once, and from the search index, even right after a listing was read with none."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import ExemplarPageFactory
from tests.helpers import at, published

TITLE = "Ông Danh Thol nuôi tôm càng xanh trong ruộng lúa"
RSS = "/rss/"


@pytest.fixture
def story(section):
    return published(ExemplarPageFactory(parent=section, title=TITLE, first_published_at=at(2024, 4)))


def listed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return TITLE in response.content.decode()


def found(client):
    response = client.get("/tim-kiem/", {"q": "tom cang xanh"})
    assert response.status_code == 200
    return [entry.page_id for entry in response.context["results"]]


@pytest.mark.django_db
def test_with_no_restriction_anywhere_the_listing_statement_tests_none(client, exemplar_index, story):
    assert listed(client, exemplar_index.url)
    with CaptureQueriesContext(connection) as queries:
        assert listed(client, exemplar_index.url + "?year=2024")
    listing = [q["sql"] for q in queries if '"exemplars_exemplarpage"' in q["sql"]]
    assert listing
    assert not [sql for sql in listing if "wagtailcore_pageviewrestriction" in sql]


@pytest.mark.django_db
@pytest.mark.parametrize("restricted", ["story", "section"])
def test_the_first_restriction_hides_a_story_from_listings_read_just_before(
    client, exemplar_index, section, story, restricted
):
    urls = [exemplar_index.url, section.url, "/", RSS]
    assert all(listed(client, url) for url in urls)

    page = story if restricted == "story" else section
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    for url in urls:
        if url == section.url and restricted == "section":
            assert client.get(url).status_code == 302  # the section itself asks for a sign-in
        else:
            assert not listed(client, url), url

    restriction.delete()
    assert all(listed(client, url) for url in urls)


@pytest.mark.django_db
def test_the_search_index_hides_a_story_restricted_right_after_a_listing_was_read(client, exemplar_index, story):
    assert listed(client, exemplar_index.url)
    assert found(client) == [story.pk]

    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat")

    assert found(client) == []


@pytest.mark.django_db
def test_with_no_restriction_anywhere_serving_a_story_reads_no_restriction(client, story):
    assert listed(client, story.url)
    with CaptureQueriesContext(connection) as queries:
        assert listed(client, story.url)
    assert not [q["sql"] for q in queries if "wagtailcore_pageviewrestriction" in q["sql"]]


@pytest.mark.django_db
def test_a_password_set_after_a_story_was_read_is_asked_on_the_next_request(client, section, story):
    assert listed(client, story.url)
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )

    response = client.get(story.url)
    assert 'name="password"' in response.content.decode()
    assert TITLE not in response.content.decode()

    restriction.delete()
    assert listed(client, story.url)


@pytest.mark.django_db
def test_every_page_type_asks_the_snapshot_before_reading_restrictions():
    from wagtail.models import Page, get_page_models

    from core.visibility import ViewRestrictionsFromSnapshot

    ours = [model for model in get_page_models() if model is not Page]
    assert [model.__name__ for model in ours if not issubclass(model, ViewRestrictionsFromSnapshot)] == []
