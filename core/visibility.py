"""What the public may see: the one rule behind every public listing, count and link.

A page is visible to the public when it is live and neither it nor any of its ancestors has a
view restriction of any kind (password, signed-in users, groups). Wagtail serves a restricted page
only to those who pass the restriction, so a public listing that showed its title, summary, link
or a count including it would give away what the restriction keeps back. A private section or
campaign hides everything beneath it.

A listing shown on a page is read only by those who passed that page's own restrictions (Wagtail
checks the page's and every ancestor's before serving it, and the page cache never stores a
response for a request with a session). So ``visible_to_readers_of(page)`` leaves visible what
only those restrictions guard: someone who entered a section's password still sees the section's
stories on it, and a site whose home page is behind a password (a staging site) still lists its
pages to those let in. On a page without restrictions, which is every public page, it is exactly
``visible_to_public()``.

The restriction test is a correlated subquery inside the listing's own query: "is there a
restriction on a page whose tree path is the first ``depth × steplen`` characters of this page's
path", i.e. on this page or an ancestor. Wagtail's ``PageQuerySet.public()`` gives the same answer
but first reads every restriction (one more query for each queryset built), then writes one
``path LIKE`` per restriction into the query. A request here builds several listings (the home
page, facets, prefetches), so the subquery keeps each page's query count where it was, and it
can never be stale.

Most of the time no page has a restriction at all, and then the subqueries only cost PostgreSQL
time to plan (3-5 ms of a listing's 8 on the bench database). So ``visible_q`` first asks which
pages have a restriction, read once per content generation and process (adding or removing one
moves the generation at once and again after its commit, cms/cache_invalidation.py): with none
beyond those the readers passed, "live" is the whole rule. With any, the subqueries stay, so a
page moved beneath a restricted one is hidden whatever the snapshot says. Code that runs while a
restriction is being saved (signal receivers, the search index, the sitemaps) must not trust a
snapshot the save has not moved yet: it uses ``visible_q_in_statement``.

This module sits with the other shared page helpers and imports no app of ours, so every page
type can use its manager.
"""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Substr
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from core import cache_generation

# (content generation, paths of the pages with a view restriction) last read by this process.
_snapshot = (None, frozenset())


def _prefix(page_relation):
    return f"{page_relation}__" if page_relation else ""


def _path_and_ancestor_paths(page):
    path, steplen = page.path or "", Page.steplen
    return [path[: steplen * depth] for depth in range(1, len(path) // steplen + 1)]


def _restricted_at(path_field, readers_of):
    """True for rows whose ``path_field`` is the path of a restricted page or lies beneath one."""
    restrictions = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef(path_field), 1, F("page__depth") * Page.steplen)
    )
    if readers_of is not None:
        restrictions = restrictions.exclude(page__path__in=_path_and_ancestor_paths(readers_of))
    return Exists(restrictions)


def restricted(page_relation="", readers_of=None):
    """A condition true for rows whose page (reached through ``page_relation``, e.g.
    ``"exemplarpage"`` on a through table; the row itself when empty) or one of its ancestors has
    a view restriction, leaving out the restrictions that readers of ``readers_of`` have passed.

    An alias shows its original's title and content at another address, so it is restricted
    where its original is, too: a story made private must not go on being listed through an alias
    in a public section. The original is looked up by id (no join added to the outer query)."""
    own, original = _restrictions(page_relation, readers_of)
    return own | original


def _restrictions(page_relation, readers_of):
    """(restricted where the page is, restricted where its original is): two ``Exists``."""
    prefix = _prefix(page_relation)
    original = Page.objects.filter(pk=OuterRef(f"{prefix}alias_of_id")).filter(_restricted_at("path", readers_of))
    return _restricted_at(f"{prefix}path", readers_of), Exists(original)


def restricted_paths():
    """The tree paths of the pages with a view restriction, as of the content generation."""
    global _snapshot
    token = cache_generation.generation()
    if _snapshot[0] != token:
        _snapshot = (token, frozenset(PageViewRestriction.objects.values_list("page__path", flat=True)))
    return _snapshot[1]


def visible_q(page_relation="", readers_of=None):
    """The rule as a filter for what readers are shown now: ``visible_q_in_statement``, or only
    "live" while no page has a restriction its readers have not passed (see the module)."""
    passed = set(_path_and_ancestor_paths(readers_of)) if readers_of is not None else set()
    if restricted_paths() <= passed:
        return Q(**{f"{_prefix(page_relation)}live": True})
    return visible_q_in_statement(page_relation, readers_of)


def visible_q_in_statement(page_relation="", readers_of=None):
    """The rule as a filter: live, and not restricted on the page or an ancestor (see the module),
    tested inside the statement that uses it, whatever this process read before.

    Written as two NOT EXISTS joined by AND, never NOT (EXISTS OR EXISTS): PostgreSQL turns each
    top-level NOT EXISTS into an anti-join, but runs the OR'ed form as two subplans per row, which
    made every count over 30,000 stories several times slower."""
    own, original = _restrictions(page_relation, readers_of)
    return Q(**{f"{_prefix(page_relation)}live": True}) & ~own & ~original


class NewsroomPageQuerySet(PageQuerySet):
    def visible_to_public(self):
        """The pages anyone may read: live, and no view restriction on them or an ancestor."""
        return self.filter(visible_q())

    def visible_to_readers_of(self, page):
        """What a listing on ``page`` may show: ``visible_to_public()``, except that restrictions
        on ``page`` and its ancestors, which its readers have passed, hide nothing."""
        return self.filter(visible_q(readers_of=page))


class NewsroomPageManager(PageManager.from_queryset(NewsroomPageQuerySet)):
    """The manager of our page types: ``Model.objects.visible_to_public()`` and friends."""


class ViewRestrictionsFromSnapshot:
    """A base of every page type of ours: Wagtail asks each page it serves for the restrictions on it
    and its ancestors (``get_view_restrictions``: two queries, the ancestors' aliases and then the
    restrictions), though most of the time no page at all has one. The snapshot ``visible_q`` uses
    says so without a query; with any restriction on the site, Wagtail's own lookup answers."""

    def get_view_restrictions(self):
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
