"""Discovery for search engines and portals: /sitemap.xml and /robots.txt.

Absolute addresses come from the Wagtail Site (Settings → Sites: hostname and port), as Wagtail's
``full_url`` gives them, so the sitemap, robots.txt, canonical links and Open Graph tags (see
core/templatetags/seo_tags.py) all name the same host whichever address a crawler used.
"""

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Locale, Page

from core.sites import live_root_paths, site_for
from core.visibility import visible_q

# Paths no crawler needs: the editors' admin, uploaded documents (attachments and internal
# reports, reachable from the pages that cite them) and the portals' JSON API.
DISALLOWED_PATHS = ["/admin/", "/documents/", "/api/"]


def site_root_url(request):
    """``https://host`` of the site serving ``request`` (no trailing slash)."""
    site = site_for(request)
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/")


class NewsroomSitemap(Sitemap):
    """Every live, public page of the site in every locale, each listed once, with its translations.

    Wagtail's own sitemap lists the default site's tree only, i.e. the Vietnamese pages. Here the
    items are the live public pages beneath each live translation of the site's root page (a
    Khmer or English home page sits beside the Vietnamese one), so /km/ and /en/ pages are listed
    with their prefixes. Each address carries ``<xhtml:link rel="alternate" hreflang="…">`` for
    every live public version of the page (itself included) and ``x-default`` for the
    Vietnamese one, when the page exists in more than one language.

    Pages are fetched with ``specific(defer=True)`` so that a model's own ``get_sitemap_urls``
    is honoured without a query per page type; the whole sitemap costs a fixed number of queries.
    """

    def __init__(self, request=None):
        super().__init__(request)
        self._pages = None

    def items(self):
        if self._pages is None:
            roots = live_root_paths(self.request)
            if not roots:
                self._pages = []
                return self._pages
            beneath_a_root = Q()
            for path in roots:
                beneath_a_root |= Q(path__startswith=path)
            self._pages = list(
                Page.objects.filter(visible_q())
                .filter(beneath_a_root)
                .order_by("path")
                .defer_streamfields()
                .specific(defer=True)
            )
        return self._pages

    def _alternates_by_translation_key(self, pages):
        """``{translation_key: [{"location", "lang_code"}, …]}`` for pages in several languages."""
        languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        locale_codes = dict(Locale.objects.values_list("pk", "language_code"))
        versions = {}
        for page in pages:
            code = locale_codes.get(page.locale_id)
            location = page.get_full_url(self.request)
            if code in languages and location:
                versions.setdefault(page.translation_key, {}).setdefault(code, location)
        alternates = {}
        for key, by_code in versions.items():
            if len(by_code) < 2:
                continue
            links = [{"location": by_code[code], "lang_code": code} for code in languages if code in by_code]
            if settings.LANGUAGE_CODE in by_code:
                links.append({"location": by_code[settings.LANGUAGE_CODE], "lang_code": "x-default"})
            alternates[key] = links
        return alternates

    def _urls(self, page, protocol, domain):
        alternates = self._alternates_by_translation_key(self.items())
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list:
            own_location = item.get_full_url(self.request)
            for url_info in item.get_sitemap_urls(self.request):
                if not url_info.get("location"):
                    continue  # a page that cannot be routed has no address to list
                url_info = dict(url_info)
                if url_info["location"] == own_location:
                    url_info.setdefault("alternates", alternates.get(item.translation_key, []))
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": NewsroomSitemap(request)})


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
