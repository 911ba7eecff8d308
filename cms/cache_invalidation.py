"""What makes cached pages stale, and the URLs a CDN must forget (see cms/page_cache.py).

Connected by cms/signal_handlers.py: publishing, unpublishing, moving and deleting any page; saving
or deleting what pages show without being pages. Each page type names the feeds it appears in
besides the main one (``feed_routes()``), and each model of ours that readers see on pages says so
(``invalidates_page_cache = True``: units, emulation blocs, fields, award types), so this module
knows no page type or model of the apps; the framework's models are listed here. A page type read
on other pages rather than its own (a replication record, read on its story) names them in
``cache_purges_with()``, and they are purged with it.
"""

import contextlib

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page

from core.cache_generation import invalidate

FEED_FORMATS = ("rss", "atom")
# The feeds any page's change may show in, in every language (a name missing from the URLs is skipped).
MAIN_FEEDS = ("feed_stories", "feed_hall_of_honour")
# The framework's models readers see through pages: images, who may read a page, the sites (the
# addresses in every link) and the promoted search results.
FRAMEWORK_MODELS_SHOWN_ON_PAGES = (
    "wagtailimages.Image",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.Site",
    "wagtailsearchpromotions.SearchPromotion",
)


def frontend_cache_configured():
    return bool(get_backends())


def models_shown_on_pages():
    """The models besides pages whose change makes cached pages stale."""
    ours = [model for model in apps.get_models() if getattr(model, "invalidates_page_cache", False)]
    return ours + [apps.get_model(label) for label in FRAMEWORK_MODELS_SHOWN_ON_PAGES]


def _absolute(root_url, path):
    return f"{root_url.rstrip('/')}{path}"


def _feed_paths(page):
    """The feeds a change to ``page`` may show in: the main feeds in every language, and the feeds
    of the page's own language that its type names (``feed_routes()``: ``(url name, slug)`` pairs
    such as its unit's, fields', campaign's or column's)."""
    page = page.specific_deferred
    feed_routes = getattr(page, "feed_routes", None)
    specific = list(feed_routes()) if feed_routes is not None else []

    paths = set()
    page_language = page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for format in FEED_FORMATS:
                for name in MAIN_FEEDS:
                    with contextlib.suppress(NoReverseMatch):
                        paths.add(reverse(name, kwargs={"format": format}))
                if language != page_language:
                    continue
                for name, slug in specific:
                    with contextlib.suppress(NoReverseMatch):
                        paths.add(reverse(name, kwargs={"format": format, "slug": slug}))
    return paths


def _pages_showing(page):
    """The other pages that show ``page`` (its type's ``cache_purges_with()``)."""
    purges_with = getattr(page.specific_deferred, "cache_purges_with", None)
    return list(purges_with()) if purges_with is not None else []


def urls_to_purge(page, extra_pages=()):
    """Full URLs of ``page`` and its ancestors (section, index, home) in every language, the
    feeds and the sitemap."""
    batch = PurgeBatch()
    versions = list(Page.objects.filter(translation_key=page.translation_key)) if page.translation_key else [page]
    if page.pk not in {version.pk for version in versions}:
        versions.append(page)
    pages = {}
    for version in [*versions, *extra_pages, *_pages_showing(page)]:
        pages[version.pk] = version
        for ancestor in version.get_ancestors().filter(depth__gt=1):
            pages[ancestor.pk] = ancestor
    # Pages that list pages from all over the tree (the hall of honour) say so.
    for model in apps.get_models():
        if issubclass(model, Page) and getattr(model, "purged_with_every_page", False):
            pages.update((listing.pk, listing) for listing in model.objects.all())
    # Every language's section, index and home, translated or not.
    keys = {item.translation_key for item in pages.values() if item.translation_key}
    for translation_ in Page.objects.filter(translation_key__in=keys).exclude(pk__in=pages):
        pages[translation_.pk] = translation_
    roots = set()
    for item in pages.values():
        url = item.get_full_url(batch)
        if url:
            batch.add_url(url)
        parts = item.get_url_parts(batch)
        if parts and parts[1]:
            roots.add(parts[1])
    for root in roots:
        batch.add_urls(_absolute(root, path) for path in _feed_paths(page))
        batch.add_url(_absolute(root, "/sitemap.xml"))
    return batch


def _purge_later(page, extra_pages=()):
    """Purge the CDN after the commit, so it cannot fetch the old page again in between."""
    if not frontend_cache_configured():
        return
    batch = urls_to_purge(page, extra_pages)
    transaction.on_commit(batch.purge)


def page_changed(sender, instance, **kwargs):
    invalidate()
    _purge_later(instance)


def page_moved(sender, instance, parent_page_before=None, url_path_before=None, **kwargs):
    invalidate()
    if not frontend_cache_configured():
        return
    old = Page.objects.get(pk=instance.pk)
    old.url_path = url_path_before or old.url_path
    extra = [parent_page_before] if parent_page_before is not None else []
    batch = urls_to_purge(instance, extra)
    old_url = old.get_full_url(batch)
    if old_url:
        batch.add_url(old_url)
    transaction.on_commit(batch.purge)


def page_deleting(sender, instance, **kwargs):
    # The URLs must be worked out while the page is still in the tree.
    _purge_later(instance)


def content_changed(sender, **kwargs):
    invalidate()
