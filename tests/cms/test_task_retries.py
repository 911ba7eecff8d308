"""Work off the request, retried: a task of ours that fails runs again later, after a delay that
doubles, a bounded number of times; the last failure stays FAILED for a person (core/tasks.py).
Email's own retries: tests/core/test_mail.py."""

import datetime
import logging

import pytest
from django.db import OperationalError
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from home import images
from home.images import generate_page_renditions
from tests.helpers import run_task_worker


@pytest.fixture
def queue(settings, db):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_ATTEMPTS = 3
    settings.TASK_RETRY_SECONDS = 30
    return settings


def tasks(path):
    return DBTaskResult.objects.filter(task_path=path)


def time_passes(path):
    tasks(path).filter(status=TaskResultStatus.READY).update(run_after=timezone.now())


class Flaky:
    """Fails the first ``failures`` calls with ``error``, then does what ``then`` does."""

    def __init__(self, failures, error, then):
        self.failures, self.error, self.then, self.calls = failures, error, then, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error
        return self.then(*args, **kwargs)


RENDITIONS = "home.images.generate_page_renditions"


def test_renditions_that_fail_are_made_later_after_a_growing_delay(queue, monkeypatch, section, caplog):
    flaky = Flaky(2, OSError("object storage unreachable"), lambda page: 4)
    monkeypatch.setattr(images, "generate_for_page", flaky)
    caplog.set_level(logging.WARNING, logger="core.tasks")

    generate_page_renditions.enqueue(section.pk)
    before = timezone.now()
    run_task_worker()
    retry = tasks(RENDITIONS).get(status=TaskResultStatus.READY)
    assert before + datetime.timedelta(seconds=29) < retry.run_after < timezone.now() + datetime.timedelta(seconds=31)
    run_task_worker()  # not due yet
    assert flaky.calls == 1

    time_passes(RENDITIONS)
    run_task_worker()
    retry = tasks(RENDITIONS).get(status=TaskResultStatus.READY)
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=55)  # twice as long: 60 s
    time_passes(RENDITIONS)
    run_task_worker()

    assert flaky.calls == 3
    assert not tasks(RENDITIONS).filter(status__in=[TaskResultStatus.READY, TaskResultStatus.FAILED]).exists()
    assert tasks(RENDITIONS).get(return_value=4)
    warnings = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == 2 and "attempt 1 of 3" in warnings[0] and "object storage unreachable" in warnings[0]


def test_a_task_that_keeps_failing_stops_after_its_attempts_and_stays_failed(queue, monkeypatch, section, caplog):
    flaky = Flaky(99, OSError("object storage unreachable"), lambda page: 4)
    monkeypatch.setattr(images, "generate_for_page", flaky)
    caplog.set_level(logging.ERROR, logger="core.tasks")

    generate_page_renditions.enqueue(section.pk)
    for _attempt in range(5):
        run_task_worker()
        time_passes(RENDITIONS)

    assert flaky.calls == 3
    [failed] = tasks(RENDITIONS).filter(status=TaskResultStatus.FAILED)
    assert failed.args_kwargs["kwargs"] == {"attempt": 3}
    assert not tasks(RENDITIONS).filter(status=TaskResultStatus.READY).exists()
    [error] = [record.getMessage() for record in caplog.records if record.levelno == logging.ERROR]
    assert "Gave up" in error and "3 attempt" in error


def test_a_sitemap_rebuild_that_fails_is_retried(queue, monkeypatch, newsroom):
    from cms import sitemap_store
    from cms.models import StoredSitemap

    flaky = Flaky(1, OperationalError("could not serialize access"), sitemap_store.rebuild_site)
    monkeypatch.setattr(sitemap_store, "rebuild_site", flaky)

    sitemap_store.rebuild_sitemaps.enqueue(requested_at=timezone.now().isoformat())
    run_task_worker()
    assert not StoredSitemap.objects.exists()
    time_passes("cms.sitemap_store.rebuild_sitemaps")
    run_task_worker()

    assert StoredSitemap.objects.filter(number=StoredSitemap.INDEX).exists()
    assert not tasks("cms.sitemap_store.rebuild_sitemaps").filter(status=TaskResultStatus.FAILED).exists()
