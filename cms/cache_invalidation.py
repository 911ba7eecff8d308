"""What makes cached pages stale, and the URLs a CDN must forget (see cms/page_cache.py).

Connected by cms/signal_handlers.py: publishing, unpublishing, moving and deleting any page; saving
or deleting what pages show without being pages. A page's change works out one list of locations
(``locations()``: the page and its ancestors in every language, the pages that show it, the
listings of every page, its feeds, the sitemap and search): the page cache moves the generations
of their paths (core/cache_generation.py), so those pages go stale with every query string, and a
CDN purges the same URLs, with every page of the sitemap (``?p=N``, which no path names).
Everything else stays cached.

Each page type says where it shows: the feeds besides the main one (``feed_routes()``), the other
pages that show it (``cache_purges_with()``: a story's campaign and the stories relating it, a
replication record's story) and, from the other side, the pages of a type that feature a given
page (the class method ``cached_pages_showing(page)``: column articles featuring a story); a
listing of pages from all over the tree says ``purged_with_every_page``. Each model of ours that
readers see on many pages says so (``invalidates_page_cache = True``: units, emulation blocs,
fields, award types), and its change makes every cached page stale; the framework's models are
listed here. So this module knows no page type or model of the apps.
"""

import contextlib
from urllib.parse import unquote, urlsplit

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, Site

from cms.page_cache import EVERY_PAGE_LISTING, cache_path, every_page_prefixes
from cms.sitemaps import page_paths as sitemap_page_paths
from core.cache_generation import invalidate, invalidate_paths

FEED_FORMATS = ("rss", "atom")
# The feeds any page's change may show in, in every language (a name missing from the URLs is skipped).
MAIN_FEEDS = ("feed_stories", "feed_hall_of_honour")
# The framework's models readers see through pages: images, who may read a page, the sites (the
# addresses in every link) and the promoted search results.
FRAMEWORK_MODELS_SHOWN_ON_PAGES = (
    "wagtailimages.Image",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.Site",
    # A language added or removed: every page's language links, and routing (core/routing.py).
    "wagtailcore.Locale",
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


def _page_models():
    return [model for model in apps.get_models() if issubclass(model, Page)]


def _pages_showing(page):
    """The other pages that show ``page``: its type's ``cache_purges_with()``, and the pages of
    every type with ``cached_pages_showing(page)``."""
    specific = page.specific_deferred
    purges_with = getattr(specific, "cache_purges_with", None)
    shown = list(purges_with()) if purges_with is not None else []
    for model in _page_models():
        # Declared on the model itself, not inherited: each type is asked once.
        if "cached_pages_showing" in model.__dict__:
            shown += list(model.cached_pages_showing(specific))
    return shown


def _pages_to_refresh(page, extra_pages=()):
    """``page`` and its translations, ``extra_pages``, the pages showing it and the listings of
    every page, with their ancestors (section, index, home) and all in every language."""
    versions = list(Page.objects.filter(translation_key=page.translation_key)) if page.translation_key else [page]
    if page.pk not in {version.pk for version in versions}:
        versions.append(page)
    pages = {}
    for version in [*versions, *extra_pages, *_pages_showing(page)]:
        pages[version.pk] = version
        for ancestor in version.get_ancestors().filter(depth__gt=1):
            pages[ancestor.pk] = ancestor
    # Pages that list pages from all over the tree (the hall of honour) say so.
    for model in _page_models():
        if getattr(model, "purged_with_every_page", False):
            pages.update((listing.pk, listing) for listing in model.objects.all())
    # Every language's section, index and home, translated or not.
    keys = {item.translation_key for item in pages.values() if item.translation_key}
    for translation_ in Page.objects.filter(translation_key__in=keys).exclude(pk__in=pages):
        pages[translation_.pk] = translation_
    return pages.values()


def locations(page, extra_pages=(), old_paths=()):
    """Where a change to ``page`` shows, as ``(root URL, path)`` pairs: the pages to refresh, its
    feeds, the sitemap and what lists every page, on every site the pages are on. ``old_paths``
    (a moved page's old address) are added on each of those sites."""
    batch = PurgeBatch()  # Wagtail caches the sites' root paths on it
    found = set()
    for item in _pages_to_refresh(page, extra_pages):
        parts = item.get_url_parts(batch)
        if parts and parts[2]:
            found.add((parts[1] or "", parts[2]))
    roots = {root for root, _path in found}
    extra = {*_feed_paths(page), *old_paths, "/sitemap.xml"}
    extra.update(prefix for prefix in every_page_prefixes() if prefix.endswith("/"))
    found.update((root, path) for root in roots for path in extra)
    if frontend_cache_configured():
        found.update(_sitemap_pages(roots))
    return found


def _sitemap_pages(roots):
    """Every page of the sitemap of each site at ``roots``, for the CDN (the page cache keeps one
    generation for all of them: cms/page_cache.py). Every page, not the one the changed page is
    on: the sitemap lists pages in tree order, so a page published for the first time,
    unpublished, moved or deleted shifts every later URL onto the next or previous page, and
    telling that from an edit in place would need the page's state before the change."""
    sites = {site.root_url: site for site in Site.objects.select_related("root_page")}
    return {(root, path) for root in roots if root in sites for path in sitemap_page_paths(sites[root])}


def urls_to_purge(page, extra_pages=(), old_paths=()):
    """Full URLs of ``page`` and where it shows (``locations()``) for a CDN."""
    batch = PurgeBatch()
    batch.add_urls(_absolute(root, path) for root, path in locations(page, extra_pages, old_paths) if root)
    return batch


def refresh(page, extra_pages=(), old_paths=()):
    """Make the cached copies of what shows ``page`` stale, and purge them from a CDN after the commit
    (so it cannot fetch the old page again in between)."""
    _make_stale(locations(page, extra_pages, old_paths))


def _make_stale(found):
    paths = {cache_path(unquote(urlsplit(path).path)) for _root, path in found}
    invalidate_paths(paths | {EVERY_PAGE_LISTING})
    if frontend_cache_configured():
        batch = PurgeBatch()
        batch.add_urls(_absolute(root, path) for root, path in found if root)
        transaction.on_commit(batch.purge)


def page_changed(sender, instance, **kwargs):
    """Published or unpublished."""
    refresh(instance)


# Where each page being moved showed before the move (pre_page_move), until post_page_move.
_before_move = {}


def page_moving(sender, instance, **kwargs):
    _before_move[instance.pk] = locations(instance)


def page_moved(sender, instance, parent_page_before=None, **kwargs):
    """Stale where it showed (its old address, parent, unit's feed) and where it shows now; the pages
    below it changed address too. Runs after the apps' own receivers (cms is the last app to
    connect), so a story's unit is already the new section's."""
    before = _before_move.pop(instance.pk, set())
    if instance.get_children_count():
        invalidate()
    extra = [parent_page_before] if parent_page_before is not None else []
    _make_stale(before | locations(instance, extra))


def slug_changed(sender, instance, instance_before=None, **kwargs):
    """Its old address now redirects (or is gone); so do those of the pages below it."""
    if instance.get_children_count():
        invalidate()
    parts = instance_before.get_url_parts() if instance_before is not None else None
    refresh(instance, old_paths=[parts[2]] if parts and parts[2] else [])


def page_deleting(sender, instance, **kwargs):
    """The places must be worked out while the page is still in the tree; they are made stale once
    it is gone (``page_deleted``), so that no reader caches it again in between."""
    instance._page_cache_locations = locations(instance)


def page_deleted(sender, instance, **kwargs):
    found = getattr(instance, "_page_cache_locations", None)
    if found is None:
        invalidate()
        return
    _make_stale(found)


def content_changed(sender, **kwargs):
    """Something shown on many pages: every cached page goes stale."""
    invalidate()
