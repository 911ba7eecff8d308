"""The sitemaps: an index (/sitemap.xml) of paginated sitemaps (/sitemap-pages.xml?p=N).

What is listed: every live, public page (core/visibility.py) beneath each live translation of the
site's root page (a Khmer or English home page sits beside the Vietnamese one), so /km/ and /en/
pages are listed with their prefixes, each once, with its ``lastmod`` and, when it exists in more
than one language, ``<xhtml:link rel="alternate" hreflang="…">`` for every live public version
(itself included) and ``x-default`` for the Vietnamese one. Pages are in tree order, cut into
pages of SITEMAP_PAGE_SIZE URLs by Django's sitemap paginator.

Built in bulk, so that a page of the sitemap costs the same whatever the number of stories (under
300 ms at 30,000: bench/sitemap.py): a fixed number of queries (the page's ids in tree order, their rows, their
translations' rows, the specific pages of the few types that list themselves their own way), rows
rather than model instances, addresses from each page's ``url_path`` as Wagtail's
``get_full_url`` makes them but with one ``reverse()`` per language instead of one per page, and
the XML written directly rather than through a template (Django's sitemap.xml template took over
a second for 2,000 URLs). Where they are kept and rebuilt: cms/sitemap_store.py.
"""

import datetime
import re
from urllib.parse import quote

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page, Site

from core.sites import live_root_paths, request_for_site, site_for
from core.visibility import visible_q_in_statement

# What the builder reads of each page, as a row: enough for its address, language and lastmod.
ROW_FIELDS = ("pk", "url_path", "translation_key", "locale_id", "content_type_id", "lastmod_at")
LASTMOD = Coalesce("last_published_at", "latest_revision_created_at")
# The part of an address Wagtail's serve view matches (wagtail/urls.py, with WAGTAIL_APPEND_SLASH).
SERVE_PATH = re.compile(r"(?:[\w\-]+/)*")
# URLs per page of the sitemap (setting SITEMAP_PAGE_SIZE): each page built in under 300 ms at
# 30,000 stories, with room to spare on a busy machine (bench/sitemap.py).
DEFAULT_PAGE_SIZE = 1000
# No sitemap has more pages (a billion pages of URLs); a larger ``?p=`` is refused before the query.
MAX_PAGE_NUMBER = 10**9


def page_size():
    return getattr(settings, "SITEMAP_PAGE_SIZE", DEFAULT_PAGE_SIZE)


class PageAddresses:
    """Full URLs of pages from their ``url_path``, equal to ``Page.get_full_url(request)``.

    Wagtail reverses ``wagtail_serve`` in the page's language for every page; here the language
    prefix (``/``, ``/km/``, ``/en/``) is reversed once per language and the page's path below its
    site's root is quoted as ``reverse()`` quotes it. Page types that route themselves (their own
    ``get_url_parts``) are not given here: ``NewsroomSitemap`` asks the page itself.
    """

    def __init__(self, request):
        self.site = site_for(request)
        self.roots = Site.get_site_root_paths()
        self.prefixes = {}

    def _prefix(self, language_code):
        if language_code not in self.prefixes:
            with translation.override(language_code):
                try:
                    self.prefixes[language_code] = reverse("wagtail_serve", args=("",))
                except NoReverseMatch:
                    self.prefixes[language_code] = None
        return self.prefixes[language_code]

    def __call__(self, url_path):
        """The full URL of the page at ``url_path``, or None when it has none (as Wagtail's)."""
        candidates = [root for root in self.roots if url_path.startswith(root.root_path)]
        if not candidates:
            return None
        root = candidates[0]
        if self.site is not None and len({candidate.site_id for candidate in candidates}) > 1:
            root = next((candidate for candidate in candidates if candidate.site_id == self.site.pk), root)
        relative = url_path[len(root.root_path) :]
        prefix = self._prefix(root.language_code)
        if prefix is None or not SERVE_PATH.fullmatch(relative):
            return None
        return f"{root.root_url}{prefix}{quote(relative, safe=RFC3986_SUBDELIMS + '/~:@')}"


def _routes_or_lists_itself(model):
    return model is not None and (
        model.get_sitemap_urls is not Page.get_sitemap_urls or model.get_url_parts is not Page.get_url_parts
    )


def _own_way_content_types():
    """``{content type id: model}`` of the page types that list or route themselves their own
    way: one query the first time in a process (Django keeps content types), none after, where
    asking for each row's content type by id cost a query per type on a cold process."""
    models = [model for model in apps.get_models() if issubclass(model, Page) and _routes_or_lists_itself(model)]
    return {
        content_type.pk: model
        for model, content_type in ContentType.objects.get_for_models(*models, for_concrete_models=False).items()
    }


class NewsroomSitemap(Sitemap):
    """The site's pages in every language, ``limit`` to a page (see the module)."""

    def __init__(self, request):
        super().__init__(request)
        self.limit = page_size()
        self.addresses = PageAddresses(request) if getattr(settings, "WAGTAIL_APPEND_SLASH", True) else None

    def get_wagtail_site(self):
        return site_for(self.request)

    def visible_pages(self):
        """Live public pages beneath a live home page of the site, in any language."""
        roots = live_root_paths(self.request)
        if not roots:
            return Page.objects.none()
        beneath_a_root = Q()
        for path in roots:
            beneath_a_root |= Q(path__startswith=path)
        return Page.objects.filter(visible_q_in_statement()).filter(beneath_a_root)

    def items(self):
        """The pages' ids in tree order: what Django's paginator cuts into pages. Only the ids, so
        that the database sorts narrow rows (in memory, not on disk as whole rows at 30,000)."""
        return self.visible_pages().order_by("path").values_list("pk", flat=True)

    def page_ids(self, number):
        """The ids of page ``number`` (as given in ``?p=``), as ``self.paginator.page(number)``
        would give them but without counting every page first (a scan of the whole tree, a third
        of a page's build at 30,000 stories): an empty page past the first does not exist. Raises
        ``PageNotAnInteger`` or ``EmptyPage`` as the paginator does."""
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger("That page number is not an integer") from error
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        if number > MAX_PAGE_NUMBER:  # past any sitemap, and past what the database takes as an offset
            raise EmptyPage("That page contains no results")
        ids = list(self.items()[(number - 1) * self.limit : number * self.limit])
        if not ids and number > 1:
            raise EmptyPage("That page contains no results")
        return ids

    def rows(self, ids):
        """``ROW_FIELDS`` of the pages ``ids`` (one page of the paginator), in their order, each
        with ``translated``: whether another page shares its translation key (one index probe
        each), so that only those are looked up for alternates."""
        ids = list(ids)
        others = Page.objects.filter(translation_key=OuterRef("translation_key")).exclude(pk=OuterRef("pk"))
        found = (
            Page.objects.filter(pk__in=ids)
            .annotate(lastmod_at=LASTMOD, translated=Exists(others))
            .values(*ROW_FIELDS, "translated")
        )
        by_id = {row["pk"]: row for row in found}
        return [by_id[pk] for pk in ids if pk in by_id]

    def address(self, row):
        if self.addresses is None:
            return Page(pk=row["pk"], url_path=row["url_path"]).get_full_url(self.request)
        return self.addresses(row["url_path"])

    def urls_of(self, ids):
        """The sitemap entries of the pages ``ids`` (one page of the paginator), with alternates."""
        rows = self.rows(ids)
        alternates = self._alternates(rows)
        own_ways = self._specific_pages_listing_themselves(rows)
        urls = []
        for row in rows:
            if row["pk"] in own_ways:
                page = own_ways[row["pk"]]
                location, infos = page.get_full_url(self.request), page.get_sitemap_urls(self.request)
            else:
                location = self.address(row)
                infos = [{"location": location, "lastmod": row["lastmod_at"]}]
            for info in infos:
                if not info.get("location"):
                    continue  # a page that cannot be routed has no address to list
                info = dict(info)
                if info["location"] == location:
                    info.setdefault("alternates", alternates.get(row["translation_key"], []))
                urls.append(info)
        return urls

    def _specific_pages_listing_themselves(self, rows):
        """``{pk: specific page}`` for the rows whose type lists or routes itself its own way (a
        replication record lists nothing): one query per such type among ``rows``."""
        by_model = {}
        own_ways = _own_way_content_types()
        for row in rows:
            model = own_ways.get(row["content_type_id"])
            if model is not None:
                by_model.setdefault(model, []).append(row["pk"])
        found = {}
        for model, ids in by_model.items():
            found.update((page.pk, page) for page in model._default_manager.filter(pk__in=ids).defer_streamfields())
        return found

    def _alternates(self, rows):
        """``{translation_key: [{"location", "lang_code"}, …]}`` for ``rows`` in several
        languages, from one query over the live public versions of those ``rows`` that have
        another version (``translated``), and none when no row has one (most pages of stories)."""
        languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        keys = {row["translation_key"] for row in rows if row["translated"]}
        if not keys:
            return {}  # no page here has another version: no query
        locale_codes = dict(Locale.objects.values_list("pk", "language_code"))
        versions = {}
        found = self.visible_pages().filter(translation_key__in=keys).order_by("path")
        for version in found.annotate(lastmod_at=LASTMOD).values(*ROW_FIELDS):
            code = locale_codes.get(version["locale_id"])
            location = self.address(version)
            if code in languages and location:
                versions.setdefault(version["translation_key"], {}).setdefault(code, location)
        alternates = {}
        for key, by_code in versions.items():
            if len(by_code) < 2:
                continue
            links = [{"location": by_code[code], "lang_code": code} for code in languages if code in by_code]
            if settings.LANGUAGE_CODE in by_code:
                links.append({"location": by_code[settings.LANGUAGE_CODE], "lang_code": "x-default"})
            alternates[key] = links
        return alternates


# The documents


def _day(value, zone):
    """``lastmod`` as Django's sitemap template writes it (``date:"Y-m-d"`` in the site's time zone)."""
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        value = value.astimezone(zone)
    return value.strftime("%Y-%m-%d")


def _moment(value):
    """An index's ``lastmod`` as Django's sitemap_index.xml template writes it (``date:"c"``)."""
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat()


def _url(info, zone):
    parts = [f"<url><loc>{escape(info['location'])}</loc>"]
    if info.get("lastmod"):
        parts.append(f"<lastmod>{_day(info['lastmod'], zone)}</lastmod>")
    for name in ("changefreq", "priority"):
        if info.get(name):
            parts.append(f"<{name}>{escape(info[name])}</{name}>")
    for link in info.get("alternates") or ():
        parts.append(
            f'<xhtml:link rel="alternate" hreflang="{escape(link["lang_code"])}" href="{escape(link["location"])}"/>'
        )
    parts.append("</url>")
    return "".join(parts)


def render_page(urls):
    """A ``<urlset>`` as Django's sitemap.xml template writes it, without the template's cost."""
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    )
    zone = timezone.get_current_timezone()
    return head + "".join(_url(info, zone) for info in urls) + "\n</urlset>\n"


def pages_url(root_url, number):
    """The address of page ``number`` of the sitemap, as the index lists it (Django's convention)."""
    url = f"{root_url}{reverse('sitemap_pages')}"
    return url if number == 1 else f"{url}?p={number}"


def render_index(root_url, last_mods):
    """The index: one ``<sitemap>`` per page, with the latest ``lastmod`` of its URLs (ISO 8601)."""
    items = []
    for number, last_mod in enumerate(last_mods, 1):
        lastmod = f"<lastmod>{_moment(last_mod)}</lastmod>" if last_mod else ""
        items.append(f"<sitemap><loc>{escape(pages_url(root_url, number))}</loc>{lastmod}</sitemap>")
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    )
    return head + "".join(items) + "\n</sitemapindex>\n"


def latest_lastmod(urls):
    return max(filter(None, (url.get("lastmod") for url in urls)), default=None)


def build_page(request, number):
    """Page ``number`` (as given in ``?p=``) of the sitemap of ``request``'s site. Raises
    ``EmptyPage`` or ``PageNotAnInteger`` (both ``InvalidPage``) for a number it does not have."""
    sitemap = NewsroomSitemap(request)
    return render_page(sitemap.urls_of(sitemap.page_ids(number)))


def page_paths(site):
    """The paths of every page of ``site``'s sitemap (``/sitemap-pages.xml``, then ``?p=2``…), for a
    CDN to purge: one count over the live pages (an index-only scan), and one page more than they
    fill, for the page that a page just unpublished or deleted may have emptied."""
    count = NewsroomSitemap(request_for_site(site)).visible_pages().count()
    path = reverse("sitemap_pages")
    return [path if number == 1 else f"{path}?p={number}" for number in range(1, count // page_size() + 2)]


def build_index(request, root_url):
    """The index of ``request``'s site, from one query over the lastmods in tree order."""
    limit = page_size()
    last_mods = list(NewsroomSitemap(request).visible_pages().order_by("path").values_list(LASTMOD, flat=True))
    chunks = [last_mods[start : start + limit] for start in range(0, len(last_mods), limit)] or [[]]
    return render_index(root_url, [max(filter(None, chunk), default=None) for chunk in chunks])
