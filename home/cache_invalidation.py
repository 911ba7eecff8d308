"""What makes cached pages stale, and the URLs a CDN must forget (see home/page_cache.py).

Connected in HomeConfig.ready(): publishing, unpublishing, moving and deleting any page; saving or
deleting what pages show without being pages (units, fields, award types, images, view
restrictions, sites, search promotions).
"""

import contextlib

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import page_cache

FEED_FORMATS = ("rss", "atom")


def frontend_cache_configured():
    return bool(get_backends())


def _absolute(root_url, path):
    return f"{root_url.rstrip('/')}{path}"


def _feed_paths(page):
    """The feeds a change to ``page`` may show in: the main feeds in every language, and the
    unit, field, campaign or column feeds of the page's own language."""
    from columns.models import ColumnArticlePage
    from exemplars.models import ExemplarPage

    page = page.specific_deferred
    specific = []
    if isinstance(page, ExemplarPage):
        if page.unit_id:
            specific.append(("feed_unit", page.unit.slug))
        if page.pk:
            specific += [("feed_field", slug) for slug in page.fields.values_list("slug", flat=True)]
        if page.campaign_id:
            specific.append(("feed_campaign", page.campaign.slug))
    elif isinstance(page, ColumnArticlePage):
        parent = page.get_parent()
        if parent is not None:
            specific.append(("feed_column", parent.slug))

    paths = set()
    page_language = page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for format in FEED_FORMATS:
                paths.add(reverse("feed_stories", kwargs={"format": format}))
                if language != page_language:
                    continue
                for name, slug in specific:
                    with contextlib.suppress(NoReverseMatch):
                        paths.add(reverse(name, kwargs={"format": format, "slug": slug}))
    return paths


def urls_to_purge(page, extra_pages=()):
    """Full URLs of ``page`` and its ancestors (section, index, home) in every language, the
    feeds and the sitemap."""
    batch = PurgeBatch()
    versions = list(Page.objects.filter(translation_key=page.translation_key)) if page.translation_key else [page]
    if page.pk not in {version.pk for version in versions}:
        versions.append(page)
    pages = {}
    for version in [*versions, *extra_pages]:
        pages[version.pk] = version
        for ancestor in version.get_ancestors().filter(depth__gt=1):
            pages[ancestor.pk] = ancestor
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
    page_cache.invalidate()
    _purge_later(instance)


def page_moved(sender, instance, parent_page_before=None, url_path_before=None, **kwargs):
    page_cache.invalidate()
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
    page_cache.invalidate()


def connect():
    page_published.connect(page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(page_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="page_cache_moved")
    # Per page model, not for every model: a receiver for all senders would stop Django's fast
    # bulk deletes everywhere.
    for model in apps.get_models():
        if issubclass(model, Page):
            pre_delete.connect(page_deleting, sender=model, dispatch_uid=f"page_cache_deleting_{model._meta.label}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"page_cache_deleted_{model._meta.label}")
    for label in (
        "units.Unit",
        "units.EmulationBloc",
        "exemplars.Field",
        "exemplars.AwardType",
        "wagtailimages.Image",
        "wagtailcore.PageViewRestriction",
        "wagtailcore.Site",
        "wagtailsearchpromotions.SearchPromotion",
    ):
        model = apps.get_model(label)
        for signal in (post_save, post_delete):
            signal.connect(content_changed, sender=model, dispatch_uid=f"page_cache_{signal_name(signal)}_{label}")


def signal_name(signal):
    return "saved" if signal is post_save else "deleted"
