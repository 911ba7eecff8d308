"""Where the sitemaps (cms/sitemaps.py) are kept, and how they are rebuilt off the request.

Two layers. The page cache holds the responses as it holds any page's, and moves on with every
publish (the sitemaps list every page: cms/page_cache.py). Beneath it is a store of our own,
``StoredSitemap`` rows, shared by every process and machine, so that a miss after a publish does
not rebuild: when anything that changes the list commits (a page published, unpublished, moved
or deleted; a view restriction; a site), the store is emptied and ``rebuild_sitemaps`` is queued
on the task queue, and the worker builds every document again and writes them in one
transaction. Until it has, each document is built on request from the database: correct, and one
page's build (SITEMAP_PAGE_SIZE URLs), never the whole site's. So correctness never waits for the
worker, and the worker keeps crawlers off the builder. A failed rebuild is retried (core/tasks.py).
A database nothing has been published to since it was loaded has no store: ``manage.py
build_sitemaps`` fills it, at each deploy (docs/deploy.md), before the first crawler asks.

A rebuild reading while a later publish commits may miss it; that publish's own rebuild, queued
after its commit, follows and puts it right. Several publishes in a row queue several rebuilds;
the first to run does the work and the others find it done. With a backend that runs tasks in the
process (``make run``, the tests) nothing is stored: a rebuild there would run inside the
editor's publish, so every document is built on request.
"""

import datetime

from django.apps import apps
from django.db import transaction
from django.db.models import Max
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.models import StoredSitemap
from cms.sitemaps import NewsroomSitemap, latest_lastmod, render_index, render_page
from core.sites import request_for_site
from core.tasks import retried


def stored(site, numbers):
    """``{number: content}`` of the stored documents of ``site`` among ``numbers`` (one query)."""
    if site is None:
        return {}
    return dict(StoredSitemap.objects.filter(site=site, number__in=numbers).values_list("number", "content"))


def rebuild_site(site, requested_at=None):
    """Build every document of ``site``'s sitemap and store them; returns how many were written.

    Skipped (0) when the stored documents were built after ``requested_at``: several publishes
    in a row then cost one rebuild."""
    if requested_at is not None:
        built_at = StoredSitemap.objects.filter(site=site, number=StoredSitemap.INDEX).aggregate(at=Max("built_at"))
        if built_at["at"] is not None and built_at["at"] >= requested_at:
            return 0
    started = timezone.now()
    sitemap = NewsroomSitemap(request_for_site(site))
    paginator = sitemap.paginator
    documents, last_mods = [], []
    for number in paginator.page_range:
        urls = sitemap.urls_of(paginator.page(number).object_list)
        documents.append(StoredSitemap(site=site, number=number, content=render_page(urls), built_at=started))
        last_mods.append(latest_lastmod(urls))
    index = render_index(site.root_url, last_mods)
    documents.append(StoredSitemap(site=site, number=StoredSitemap.INDEX, content=index, built_at=started))
    with transaction.atomic():
        StoredSitemap.objects.filter(site=site).delete()
        StoredSitemap.objects.bulk_create(documents, batch_size=10)
    return len(documents)


@task()
@retried
def rebuild_sitemaps(requested_at=None):
    """The worker's rebuild after a change (see the module): every site's documents."""
    when = datetime.datetime.fromisoformat(requested_at) if requested_at else None
    return {site.hostname: rebuild_site(site, when) for site in Site.objects.select_related("root_page")}


# Going stale


def _empty_and_rebuild():
    StoredSitemap.objects.all().delete()
    if not isinstance(rebuild_sitemaps.get_backend(), ImmediateBackend):
        rebuild_sitemaps.enqueue(requested_at=timezone.now().isoformat())


def sitemaps_changed(**kwargs):
    """A receiver: after the commit, empty the store and queue a rebuild. Several changes in one
    transaction queue several rebuilds; the first does the work and the others find it done."""
    transaction.on_commit(_empty_and_rebuild, robust=True)


def register_signal_handlers():
    """Connected from CmsConfig.ready(): what changes which pages the sitemaps list, or where."""
    page_published.connect(sitemaps_changed, dispatch_uid="sitemaps_published")
    page_unpublished.connect(sitemaps_changed, dispatch_uid="sitemaps_unpublished")
    post_page_move.connect(sitemaps_changed, dispatch_uid="sitemaps_moved")
    for model in (PageViewRestriction, Site):
        label = model._meta.label
        post_save.connect(sitemaps_changed, sender=model, dispatch_uid=f"sitemaps_saved_{label}")
        post_delete.connect(sitemaps_changed, sender=model, dispatch_uid=f"sitemaps_deleted_{label}")
    # Per page model, not for every model: a receiver for all senders would stop Django's fast
    # bulk deletes everywhere.
    for model in apps.get_models():
        if issubclass(model, Page):
            post_delete.connect(sitemaps_changed, sender=model, dispatch_uid=f"sitemaps_deleted_{model._meta.label}")
