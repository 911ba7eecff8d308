"""The anonymous page cache: whole public responses kept in Django's cache, and how they go stale.

What is cached: the 200 responses to anonymous GET requests (pages, listings with their query
strings, feeds, the sitemap, the API), keyed by language, host and normalised path and query.
Never cached: the admin and previews (under /admin/), documents and media, any request carrying a
session or messages cookie (so editors, with their userbar, always get a fresh page), and any
response that sets a cookie, used a CSRF token, or says ``private``, ``no-cache`` or ``no-store``.

Invalidation is by generation (core/cache_generation.py): every key holds a generation number, and
publishing, unpublishing, moving or deleting a page, or changing a snippet readers see (units,
fields, award types), bumps it, so every cached page and feed goes stale at once. Listings have
countless query-string variants, so deleting single URLs could never be exact; one counter is both
simple and correct. Pages are published far less often than they are read, so the cost of
refilling is small.

A CDN in front (wagtail.contrib.frontend_cache, settings WAGTAILFRONTENDCACHE) is purged URL by
URL: the page and its ancestors (section, index, home) in every language, and the feeds
(cms/cache_invalidation.py).

Settings: PAGE_CACHE_SECONDS (0 turns the cache off), PAGE_CACHE_MAX_AGE (what browsers and CDNs
are told), PAGE_CACHE_ALIAS, PAGE_CACHE_EXCLUDED_PATHS, PAGE_CACHE_BYPASS_COOKIES,
PAGE_CACHE_GENERATION_FILE.
"""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_max_age, patch_cache_control

from core.cache_generation import generation, store

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


def cache_key(request, gen=None):
    language = getattr(request, "LANGUAGE_CODE", None) or settings.LANGUAGE_CODE
    raw = "\n".join([request.get_host(), request.path, normalised_query(request.META.get("QUERY_STRING", ""))])
    digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
    return f"pagecache:{gen if gen is not None else generation()}:{language}:{digest}"


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

        gen = generation()
        key = cache_key(request, gen)
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
