"""Keeping ``SearchEntry.public`` equal to core.visibility's rule for the entry's page.

What the public may see changes when a page is published or unpublished, when a view restriction
is added to or lifted from it or an ancestor, and when it moves under another parent. Each of
those rewrites the flag of the entries it can change (the page, or the subtree under the
restricted or moved page) with one UPDATE computed by the rule itself, so the flag can never
disagree with core.visibility. Engines that keep their own copy of the entries (OpenSearch) are
given the changed entries again, since they filter on their copy.
"""

from django.db.models import Exists, OuterRef, Q
from modelsearch.backends import get_search_backends
from wagtail.models import Page

from core.visibility import visible_q_in_statement
from search.models import SearchEntry

BATCH = 500


def _external_backends():
    """The auto-updated backends that keep their own copy of each entry (not a table of ours)."""
    return [
        backend
        for backend in get_search_backends(with_auto_update=True)
        if not backend.__class__.__module__.startswith("modelsearch.backends.database")
    ]


def refresh(entries):
    """Recompute ``public`` of the SearchEntry queryset ``entries``; the number of entries changed."""
    visible = Exists(Page.objects.filter(visible_q_in_statement(), pk=OuterRef("page_id")))
    stale = entries.annotate(visible_now=visible).exclude(public=visible)
    changed = list(stale.values_list("pk", flat=True))
    if not changed:
        return 0
    SearchEntry.objects.filter(pk__in=changed).update(public=visible)
    backends = _external_backends()
    for start in range(0, len(changed) if backends else 0, BATCH):
        batch = list(SearchEntry.objects.filter(pk__in=changed[start : start + BATCH]))
        for backend in backends:
            backend.add_bulk(SearchEntry, batch)
    return len(changed)


def refresh_page(page):
    return refresh(SearchEntry.objects.filter(page_id=page.pk))


def refresh_subtree(page):
    """The entries of ``page``, of every page beneath it (a restriction or a move covers them all)
    and of their aliases elsewhere (an alias is private where its original is)."""
    covered = Q(page__path__startswith=page.path) | Q(page__alias_of__path__startswith=page.path)
    return refresh(SearchEntry.objects.filter(covered))
