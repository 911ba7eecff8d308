"""Which Wagtail Site serves a request, and where its language trees are reachable: the sitemap
(cms/sitemaps.py) and each page's hreflang links (core/templatetags/seo_tags.py) agree on both."""

from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from core import fragments


def site_for(request):
    """The Wagtail Site serving ``request``, or the default site."""
    site = Site.find_for_request(request)
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    return site


def _site_for_host(hostname, port):
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    # Kept with the site: routing starts at the root page's specific page in the reader's language
    # (core/routing.py), two queries a request when read afresh.
    model = site.root_page.specific_class or Page
    site.root_page = model._default_manager.select_related("locale").get(pk=site.root_page_id)
    return site


def cached_site(request):
    """The Site (with its root page) Wagtail would pick for the request's host and port, kept under
    the content generation: saving or deleting a Site or publishing its root page moves it
    (cms/cache_invalidation.py), so a new or renamed host resolves on the next request."""
    # The raw host, as Wagtail's own lookup reads it (ALLOWED_HOSTS was checked by CommonMiddleware).
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    return fragments.cached("site", (hostname, port), lambda: _site_for_host(hostname, port), request=request)


class CachedSiteMiddleware:
    """Spares Wagtail's site query (``get_site_for_hostname``), which it runs on every request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Wagtail's Site.find_for_request keeps its answer in the private ``request._wagtail_site``
        # and reads it back before querying: the only place to hand it a site found in the cache
        # (the serve view, routing, RedirectMiddleware and ``site_for`` all go through it).
        request._wagtail_site = cached_site(request)
        return self.get_response(request)


def request_for_site(site):
    """A stand-in request for work done for ``site`` outside a request (a task): Wagtail and
    ``site_for`` take the site from it, and it holds what they cache per request."""
    request = HttpRequest()
    request._wagtail_site = site
    return request


def live_root_paths(request):
    """Tree paths of the live versions of the site's root page: the home page in each language.

    A page is reachable at its /km/ or /en/ address only beneath a live home page in that
    language (otherwise Wagtail routes the address through the Vietnamese tree), so the sitemap
    and hreflang links leave out the versions outside these.
    """
    site = site_for(request)
    if site is None:
        return []
    cached = getattr(request, "_newsroom_live_root_paths", None)
    if cached is None:
        cached = list(
            Page.objects.live().filter(translation_key=site.root_page.translation_key).values_list("path", flat=True)
        )
        if request is not None:
            request._newsroom_live_root_paths = cached
    return cached
