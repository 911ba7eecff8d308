"""Discovery for search engines and portals: the sitemaps (/sitemap.xml, an index of
/sitemap-pages.xml?p=N, built in cms/sitemaps.py, kept by cms/sitemap_store.py) and /robots.txt, which names the index.

Absolute addresses come from the Wagtail Site (Settings → Sites: hostname and port), as Wagtail's
``full_url`` gives them, so the sitemap, robots.txt, canonical links and Open Graph tags (see
core/templatetags/seo_tags.py) all name the same host whichever address a crawler used.
"""

import re

from django.conf import settings
from django.core.paginator import InvalidPage
from django.http import Http404, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from cms.models import StoredSitemap
from cms.sitemap_store import stored
from cms.sitemaps import build_index, build_page
from core.sites import site_for

# Paths no crawler needs: the editors' admin, uploaded documents (attachments and internal
# reports, reachable from the pages that cite them) and the portals' JSON API.
DISALLOWED_PATHS = ["/admin/", "/documents/", "/api/"]
# A page number as the index writes it; anything else is left to the paginator to refuse.
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")


def site_root_url(request):
    """``https://host`` of the site serving ``request`` (no trailing slash)."""
    site = site_for(request)
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/")


def _xml(content):
    response = HttpResponse(content, content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"  # as Django's sitemap views say
    return response


def sitemap_index(request):
    """/sitemap.xml: the index of the pages of the sitemap, stored or built now (cms/sitemaps.py)."""
    content = stored(site_for(request), [StoredSitemap.INDEX]).get(StoredSitemap.INDEX)
    if content is None:
        content = build_index(request, site_root_url(request))
    return _xml(content)


def sitemap_pages(request):
    """/sitemap-pages.xml?p=N: one page of the sitemap, stored or built now. A ``p`` that is not a
    page of it (not a number, 0, past the last) answers 404, as Django's sitemap view does."""
    raw = request.GET.get("p", "1")
    number = int(raw) if PAGE_NUMBER.fullmatch(raw) else None
    found = stored(site_for(request), [StoredSitemap.INDEX, number]) if number is not None else {}
    if number in found:
        return _xml(found[number])
    if StoredSitemap.INDEX in found:
        raise Http404("No such page of the sitemap")  # the store is whole: the number is past the last
    try:
        return _xml(build_page(request, raw))
    except InvalidPage as error:
        raise Http404("No such page of the sitemap") from error


def _search_paths():
    """The search page's address in each language: result lists are endless and thin."""
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            try:
                path = reverse("search")
            except NoReverseMatch:
                continue
        if path not in paths:
            paths.append(path)
    return paths


def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in DISALLOWED_PATHS + _search_paths()]
    lines += ["Allow: /", "", f"Sitemap: {site_root_url(request)}{reverse('sitemap')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
