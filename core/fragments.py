"""Fragments of public pages kept between requests, keyed on the content generation.

What a page shows besides its own content (menus, breadcrumbs, language links, SEO tags, filter
options, story cards) changes only when content readers see changes, and every such change moves
the content generation (core/cache_generation.py). So these are cached under the generation: a
stale entry is never read again, and ``FRAGMENT_SECONDS`` only bounds how long it lingers.

``cached(name, parts, build)`` is the low-level form; templates use ``{% cache %}`` with
``{% content_generation as generation %}`` (core/templatetags/fragment_tags.py) among the keys.
Both read the ``fragments`` cache (``template_fragments`` for the tag), which keeps each process's
own copy in front of the shared one (core/fronted_cache.py): so every key here must hold the
generation.
"""

import functools
import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import connections, router
from wagtail.models import Page

from core import cache_generation

FRAGMENT_SECONDS = 24 * 60 * 60
_MISSING = object()


def store():
    """The cache of fragments: the process's own copy, then the shared cache."""
    return caches["fragments"]


def current_generation(request=None):
    """The content generation, read once per request (a cache read with Redis)."""
    if request is None:
        return cache_generation.generation()
    token = getattr(request, "_newsroom_content_generation", None)
    if token is None:
        token = request._newsroom_content_generation = cache_generation.generation()
    return token


def key(name, *parts, request=None):
    """The cache key of fragment ``name`` for ``parts`` under the current content generation."""
    raw = "|".join(str(part) for part in (current_generation(request), *parts))
    return f"fragment:{name}:{hashlib.sha256(raw.encode('utf-8', 'surrogateescape')).hexdigest()[:40]}"


def previewing(request):
    """Whether ``request`` previews unsaved content, which must neither read nor fill a fragment."""
    return bool(getattr(request, "is_preview", False))


def cached(name, parts, build, request=None):
    """``build()``, or what it returned for the same ``name`` and ``parts`` in this generation
    (never in a preview of ``request``)."""
    if previewing(request):
        return build()
    cache_key = key(name, *parts, request=request)
    value = store().get(cache_key, _MISSING)
    if value is _MISSING:
        value = build()
        store().set(cache_key, value, FRAGMENT_SECONDS)
    return value


def newest_live_id(model, locale_id):
    """The newest live page of type ``model`` in a language (one index lookup, index-only on
    PostgreSQL: cms/migrations/0002_page_live_indexes.py): kept with the content generation in the
    keys of listings, so that pages written to the database without the signals that move the
    generation (imports, the bench's seeding, tests) are seen too.

    Asked on every home and listing request, so its SQL is compiled once per type and language
    (building and compiling the queryset cost ten times the query itself) and only run here."""
    alias = router.db_for_read(Page)
    sql, params = _newest_live_sql(alias, ContentType.objects.get_for_model(model).pk, locale_id)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return row[0] if row else None


@functools.lru_cache(maxsize=64)
def _newest_live_sql(alias, content_type_id, locale_id):
    pages = Page.objects.using(alias).filter(live=True, locale_id=locale_id, content_type_id=content_type_id)
    return pages.order_by("-pk").values_list("pk", flat=True)[:1].query.sql_with_params()
