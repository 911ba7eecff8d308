"""The anonymous page cache: whole public responses kept in Django's cache, and how they go stale.

What is cached: the 200 responses to anonymous GET requests (pages, listings with their query
strings, feeds, the sitemap, the API), keyed by language, host and normalised path and query.
Never cached: the admin and previews (under /admin/), documents and media, any request carrying a
session or messages cookie (so editors, with their userbar, always get a fresh page), and any
response that sets a cookie, used a CSRF token, or says ``private``, ``no-cache`` or ``no-store``.

Invalidation is by generation (core/cache_generation.py): every key holds the generation of its
URL path and the generation of every path. Publishing, unpublishing, moving or deleting a page
moves the generations of the paths it shows on (cms/cache_invalidation.py: the page and its
ancestors in every language, the pages its type names, the listings of every page, its feeds), so
those pages go stale with all their query-string variants and every other cached page stays. What
lists every page in ways no path list can name (the sitemaps, the API, search results) shares one
generation (``cache_path()``), moved with any page. A change to something many pages show (a unit,
a field, an image, a view restriction, a site) moves the generation of every path. All keys are
read in one ``get_many`` per request.

A CDN in front (wagtail.contrib.frontend_cache, settings WAGTAILFRONTENDCACHE) is purged with the
same list, URL by URL (cms/cache_invalidation.py).

Settings: PAGE_CACHE_SECONDS (0 turns the cache off), PAGE_CACHE_MAX_AGE (what browsers and CDNs
are told), PAGE_CACHE_ALIAS, PAGE_CACHE_EXCLUDED_PATHS, PAGE_CACHE_BYPASS_COOKIES,
PAGE_CACHE_GENERATION_FILE, PAGE_CACHE_EVERY_PAGE_PATHS (path prefixes of what lists every page).
"""

import contextlib
import functools
import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.http import HttpResponse
from django.urls import NoReverseMatch, get_urlconf, reverse
from django.utils import translation
from django.utils.cache import cc_delim_re, get_max_age, patch_cache_control

from core.cache_generation import EVERY_PAGE_LISTING, EVERY_PATH, path_generations, store

# What lists every page, besides the URL names below in every language: the sitemaps and the API.
EVERY_PAGE_PREFIXES = ("/sitemap", "/api/")
EVERY_PAGE_URL_NAMES = ("search",)

# Response headers a cached copy must not replay.
HOP_HEADERS = {"set-cookie", "x-page-cache"}


def _setting(name, default):
    return getattr(settings, name, default)


def enabled():
    return _setting("PAGE_CACHE_SECONDS", 0) > 0


def normalised_query(query_string):
    """The query string with its parameters sorted; undecodable bytes become U+FFFD, never an error."""
    pairs = parse_qsl(query_string, keep_blank_values=True, errors="replace")
    return urlencode(sorted(pairs))


def every_page_prefixes():
    """Path prefixes of what lists every page (PAGE_CACHE_EVERY_PAGE_PATHS, by default the sitemaps,
    the API and the search page in every language)."""
    configured = getattr(settings, "PAGE_CACHE_EVERY_PAGE_PATHS", None)
    if configured is not None:
        return tuple(configured)
    return _default_every_page_prefixes(get_urlconf(), tuple(code for code, _name in settings.LANGUAGES))


@functools.cache
def _default_every_page_prefixes(urlconf, languages):
    prefixes = set(EVERY_PAGE_PREFIXES)
    for language in languages:
        with translation.override(language):
            for name in EVERY_PAGE_URL_NAMES:
                with contextlib.suppress(NoReverseMatch):
                    prefixes.add(reverse(name))
    return tuple(sorted(prefixes))


def cache_path(path):
    """The path whose generation the cached copies of ``path`` are keyed on: itself, or the one
    generation of everything that lists every page."""
    return EVERY_PAGE_LISTING if path.startswith(every_page_prefixes()) else path


def generations_for(request):
    """The generations a cached copy of ``request`` holds: every path's and its path's (one read)."""
    return ".".join(str(token) for token in path_generations(EVERY_PATH, cache_path(request.path)))


def cache_key(request, gen=None):
    language = getattr(request, "LANGUAGE_CODE", None) or settings.LANGUAGE_CODE
    raw = "\n".join([request.get_host(), request.path, normalised_query(request.META.get("QUERY_STRING", ""))])
    digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
    return f"pagecache:{gen if gen is not None else generations_for(request)}:{language}:{digest}"


def request_is_cacheable(request):
    """An anonymous GET or HEAD for a public URL, with no cookie that could change the page."""
    if request.method not in ("GET", "HEAD") or not enabled():
        return False
    if request.path_info.startswith(tuple(_excluded_paths())):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    bypass = set(_setting("PAGE_CACHE_BYPASS_COOKIES", ())) | {settings.SESSION_COOKIE_NAME, "messages"}
    return not bypass.intersection(request.COOKIES)


def _excluded_paths():
    paths = list(_setting("PAGE_CACHE_EXCLUDED_PATHS", ["/admin/", "/documents/"]))
    return paths + [url for url in (settings.STATIC_URL, settings.MEDIA_URL) if url and url.startswith("/")]


def response_is_cacheable(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token (a form)
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    directives = {d.split("=")[0].strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", "")) if d}
    if directives & {"private", "no-cache", "no-store"}:
        return False
    return get_max_age(response) != 0


def _freeze(response):
    headers = [(k, v) for k, v in response.items() if k.lower() not in HOP_HEADERS]
    return (response.status_code, headers, response.content)


def _thaw(frozen):
    status, headers, content = frozen
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class PageCacheMiddleware:
    """Serve anonymous public pages from the cache, and fill it.

    Place it after LocaleMiddleware and AuthenticationMiddleware. The middleware above it
    (security headers, CSP, sessions, locale) run on hits too; what the middleware below it add is
    stored with the page and replayed. A CSP with nonces would have to sit below it, so that the
    header stored matches the nonce in the stored page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            response = self.get_response(request)
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                patch_cache_control(response, private=True, no_store=True)
            return response

        key = cache_key(request, generations_for(request))
        frozen = store().get(key)
        if frozen is not None:
            response = _thaw(frozen)
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if response_is_cacheable(request, response):
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, public=True, max_age=_setting("PAGE_CACHE_MAX_AGE", 60))
            store().set(key, _freeze(response), _setting("PAGE_CACHE_SECONDS", 0))
            response["X-Page-Cache"] = "miss"
        return response
