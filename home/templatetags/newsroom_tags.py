"""Template tags for the public front end: navigation, breadcrumbs, pagination links, translations.

Each tag that touches the database does so in one query, and none runs a query per item.
"""

from copy import copy
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.db.models import Q
from django.http import QueryDict
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Page, Site

from core.fragments import cached
from core.visibility import visible_q

register = template.Library()


def _current_page(context, page=None):
    page = page if page is not None else context.get("page")
    return page if isinstance(page, Page) else None


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    return site.root_page if site is not None else None


@register.simple_tag(takes_context=True)
def site_navigation(context, page=None):
    """The localized site root and its children shown in menus, in one query.

    The children are those the current page's readers may see (core/visibility.py): a private
    page is not offered in the public menus.

    Returns ``{"home": <Page or None>, "items": [<Page>, …]}``; an item that is the current page
    or one of its ancestors has ``is_current`` or ``is_ancestor`` set, for ``aria-current``, and
    each has its address in ``menu_url`` (what ``{% pageurl %}`` gives).
    The root of the site in the reader's language is the current page's ancestor at the site root's
    depth (a translated home page sits beside the original); without a page (404 and the like) it
    is the site root's translation in the active language.
    """
    root = _site_root(context)
    if root is None:
        return {"home": None, "items": []}
    page = _current_page(context, page)
    steplen = Page.steplen
    if page is not None and page.depth >= root.depth:
        root_path = page.path[: steplen * root.depth]
    else:
        root_path = root.localized.path
    # Which menu items readers of ``page`` may see depends only on the restrictions they passed at
    # the menu's level (core/visibility.py): on the page's ancestor there, or on the page itself.
    menu_path = page.path[: steplen * (root.depth + 1)] if page is not None else ""

    request = context.get("request")

    def read():
        shown = visible_q(readers_of=page) if page is not None else visible_q()
        pages = list(
            Page.objects.filter(path__startswith=root_path)
            .filter(Q(depth=root.depth, live=True) | Q(shown, depth=root.depth + 1))
            .order_by("path")
        )
        # Kept with the pages (hence the host in the key): ``{% pageurl %}`` per item on every
        # request was ~7 % of a page's work. Sites and slugs moving move the generation.
        for item in pages:
            item.menu_url = item.get_url(request=request)
        return pages

    host = request.get_host() if request is not None else ""
    pages = [copy(p) for p in cached("navigation", (root_path, menu_path, host), read, request)]
    home = next((p for p in pages if p.depth == root.depth), None)
    items = [p for p in pages if p.depth == root.depth + 1 and p.show_in_menus]
    # Set on every item, page or not (the search page): a lookup the template fails costs it a dir().
    for item in items:
        item.is_current = page is not None and item.pk == page.pk
        item.is_ancestor = page is not None and not item.is_current and page.path.startswith(item.path)
    return {"home": home, "items": items}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None):
    """The trail from the site's home page to ``page`` (the current page by default), one query.

    Nothing is shown on the home page itself.
    """
    page = _current_page(context, page)
    ancestors = []
    if page is not None:
        root = _site_root(context)
        min_depth = root.depth if root is not None else 2
        if page.depth > min_depth:
            # The same for every child of a parent (a section's stories): kept per parent.
            ancestors = cached(
                "breadcrumbs",
                (page.path[: -Page.steplen], min_depth),
                lambda: list(page.get_ancestors().filter(depth__gte=min_depth)),
                context.get("request"),
            )
    return {"request": context.get("request"), "page": page, "ancestors": ancestors}


@register.simple_tag(takes_context=True)
def page_translations(context, page=None):
    """The versions of ``page`` in every language that its readers may see (core/visibility.py),
    the current one included, in one query.

    Each has ``language_code`` and ``language_name`` set; ordered as settings.LANGUAGES.
    Returns an empty list when the page exists in one language only.
    """
    page = _current_page(context, page)
    if page is None:
        return []
    names = dict(getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES))
    order = list(names)
    versions = [
        copy(version)
        for version in cached(
            "translations",
            (page.pk,),
            lambda: list(
                Page.objects.filter(visible_q(readers_of=page), translation_key=page.translation_key)
                .select_related("locale")
                .order_by()
            ),
            context.get("request"),
        )
    ]
    if len(versions) < 2:
        return []
    for version in versions:
        version.language_code = version.locale.language_code
        version.language_name = names.get(version.language_code, version.language_code)
        version.is_current = version.pk == page.pk
    versions.sort(key=lambda v: order.index(v.language_code) if v.language_code in order else len(order))
    return versions


@register.simple_tag(takes_context=True)
def page_query(context, number, query=None, param="page"):
    """``?<query>&page=<number>``: a link to another page of a listing that keeps the filters.

    ``query`` is an urlencoded query string without the page (the exemplar index's
    ``filter_query``); when omitted, the current request's query string is used. Page 1 gets no
    page parameter, so the first page has one address.
    """
    if query is None:
        request = context.get("request")
        params = request.GET.copy() if request is not None else QueryDict(mutable=True)
    else:
        params = QueryDict(query, mutable=True)
    params.pop(param, None)
    for key in list(params):
        # An empty filter means "all": leave it out so the addresses stay short.
        values = [value for value in params.getlist(key) if value != ""]
        if values:
            params.setlist(key, values)
        else:
            del params[key]
    if str(number) != "1":
        params[param] = number
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def page_range(page_obj, on_each_side=1, on_ends=1):
    """Page numbers around the current one with ``None`` for each gap: 1 … 4 5 6 … 20."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends)
    ]


@register.simple_tag
def query_string(**params):
    """``?a=1&b=2`` from keyword arguments, leaving out empty values: links to a filtered listing."""
    encoded = urlencode({key: value for key, value in params.items() if value not in (None, "")})
    return f"?{encoded}" if encoded else ""


@register.simple_tag(takes_context=True)
def absolute_uri(context, url):
    """``url`` made absolute for the current request (for sharing and Open Graph images)."""
    request = context.get("request")
    if not url or request is None:
        return url or ""
    return request.build_absolute_uri(url)


@register.filter
def children_of(pages, parent):
    """The pages of ``pages`` that are children of ``parent``, without a query per parent.

    ``pages`` is evaluated once (a queryset caches its results), so grouping several parents'
    children out of one list costs one query in all.
    """
    if parent is None:
        return []
    return [p for p in pages if p.depth == parent.depth + 1 and p.path.startswith(parent.path)]


@register.filter
def duration(seconds):
    """A length in seconds as ``m:ss`` or ``h:mm:ss`` (for audio and video)."""
    try:
        total = int(round(float(seconds)))
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@register.simple_tag
def image_renditions(image, *specs):
    """The renditions of ``image`` for ``specs``, in that order, like one ``{% image %}`` tag each.

    ``{% image %}`` writes every rendition back to the cache (pickling it with its image) even
    when it came from ``prefetch_related("…__renditions")``; ``get_renditions`` skips that, which
    on a listing of 20 cards with two sizes each saves 40 cache writes per request. A missing
    source file gives the same broken-image placeholder as ``{% image %}``."""
    return list(get_renditions_or_not_found(image, specs).values())


@register.simple_tag(takes_context=True)
def visible_children(context, page):
    """The children of ``page`` its readers may see (core/visibility.py), in tree order, in one
    query, for a list of links: ``{{ child.title }}`` and ``{% pageurl child %}`` (which reads the
    site root paths cached on the request, so no query per child).

    Only what a link needs is read (60 unit sections on the exemplar index); anything else on a
    child would cost a query per child."""
    return cached(
        "visible-children",
        (page.pk,),
        lambda: list(page.get_children().filter(visible_q(readers_of=page)).only("title", "url_path")),
        context.get("request"),
    )
