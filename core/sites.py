"""Which Wagtail Site serves a request, and where its language trees are reachable: the sitemap
(cms/sitemaps.py) and each page's hreflang links (core/templatetags/seo_tags.py) agree on both."""

from django.http import HttpRequest
from wagtail.models import Page, Site


def site_for(request):
    """The Wagtail Site serving ``request``, or the default site."""
    site = Site.find_for_request(request)
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    return site


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
