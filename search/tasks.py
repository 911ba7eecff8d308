"""Indexing a published page, off the request: a task on the django-tasks queue.

With the database queue (production, ``manage.py db_worker``) the task's row is written in the
publish's own transaction: the worker sees it once the publish commits, never for a publish rolled
back, and no crash between the commit and the enqueue can lose it. The immediate backend (``make
run``, tests) runs it at once in that same transaction, so the page is found as soon as it is
published; the index is a table of the same database and commits or rolls back with the page. Any
other queue (one outside the database) is given the task after the commit.
"""

import functools
import logging

from django.db import DatabaseError, transaction
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db import DatabaseBackend
from wagtail.models import Page

from core.cache_generation import EVERY_PAGE_LISTING, invalidate_paths
from search.documents import index_page

logger = logging.getLogger(__name__)


@task()
def index_published_page(page_id):
    """Write the search entry of page ``page_id`` from its live content; False if it has none."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not page.live:
        return False
    indexed = index_page(page) is not None
    # The publish moved the search page's generation before this ran (on the worker, a moment
    # later): a search page or facet count kept in between, from the index without this page,
    # would otherwise stay until the next publish.
    invalidate_paths([EVERY_PAGE_LISTING])
    return indexed


def index_after_publish(page):
    """Queue the indexing of ``page`` (see the module's docstring for when it runs)."""
    backend = index_published_page.get_backend()
    if isinstance(backend, ImmediateBackend):
        index_published_page.enqueue(page.pk)
    elif isinstance(backend, DatabaseBackend):
        try:
            with transaction.atomic():
                index_published_page.enqueue(page.pk)
        except DatabaseError:
            logger.exception("Could not queue the search indexing of page %s", page.pk)
    else:
        transaction.on_commit(functools.partial(index_published_page.enqueue, page.pk), robust=True)
