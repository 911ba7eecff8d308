"""With the production queue, a published page is indexed by the worker a moment after the publish
has moved the search page's generation. What readers were shown in between (a kept search page, the
kept facet counts of the page without a query) must not outlive the indexing."""

import pytest
from django.test import Client

from tests.factories import ExemplarPageFactory
from tests.helpers import published, run_task_worker

TITLE = "Bà Thạch Thị Sa Vênh dệt chiếu Cà Hom xuất khẩu"


@pytest.fixture
def queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_MAX_AGE = 60


def shows(reader, url, story):
    response = reader.get(url)
    assert response.status_code == 200
    return f'href="{story.url}"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/tim-kiem/?q=det+chieu", "/tim-kiem/"])
def test_a_search_page_kept_before_the_worker_indexed_a_story_shows_it_after(
    section, queue, page_cache, django_capture_on_commit_callbacks, url
):
    reader = Client()
    with django_capture_on_commit_callbacks(execute=True):
        story = published(ExemplarPageFactory(parent=section, title=TITLE))
    assert not shows(reader, url, story)  # not indexed yet, and now kept

    run_task_worker()

    assert shows(reader, url, story)


@pytest.mark.django_db
def test_the_unit_counts_of_the_search_page_without_a_query_follow_the_indexing(
    client, section, queue, django_capture_on_commit_callbacks
):
    def unit_count():
        response = client.get("/tim-kiem/")
        facets = {f["name"]: f for f in response.context["facets"]}
        return {v["value"]: v["count"] for v in facets["unit"]["values"]}.get(section.unit.slug, 0)

    before = unit_count()
    with django_capture_on_commit_callbacks(execute=True):
        published(ExemplarPageFactory(parent=section, title=TITLE))
    assert unit_count() == before  # counted before the worker indexed it, and kept

    run_task_worker()

    assert unit_count() == before + 1
