"""Publishing queues the page's indexing on the task queue; the worker makes it findable."""

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from exemplars.models import UnitSectionPage
from tests.factories import ExemplarPageFactory
from tests.helpers import published, run_task_worker

SEARCH = "/tim-kiem/"
TITLE = "Bà Lâm Thị Sa Rươl nuôi bò sinh sản ở Trần Đề"


def found(client, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    return [entry.page_id for entry in response.context["results"]]


def index_tasks():
    return DBTaskResult.objects.filter(task_path="search.tasks.index_published_page")


@pytest.mark.django_db
def test_a_published_story_is_indexed_by_the_worker_not_the_request(client, newsroom, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-tran-de")
    story = published(ExemplarPageFactory(parent=section, title=TITLE))

    assert index_tasks().get().status == TaskResultStatus.READY
    assert found(client, "sa ruol nuoi bo") == []
    run_task_worker()

    assert index_tasks().get().status == TaskResultStatus.SUCCESSFUL
    assert found(client, "sa ruol nuoi bo") == [story.pk]
