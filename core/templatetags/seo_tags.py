"""What a page tells search engines and social networks: canonical and hreflang links, Open Graph
and Twitter card tags, and schema.org JSON-LD. base.html renders it through includes/seo.html.

Absolute addresses are those of the Wagtail Site (``page.get_full_url``), as in /sitemap.xml.

The canonical address is the page's own, without a query string, with one exception: a listing
served past its first page keeps ``?page=N`` (N as actually served), because page 2 of a listing
shows other stories than page 1. A filtered listing (any other parameter) names the unfiltered
listing as canonical.

JSON-LD, built as a dict by core/seo.py from what each page type declares and printed by
``jsonld_script``:

* stories (ExemplarPage) and column articles are a ``NewsArticle``; a story's author is its unit
  (an Organization, named in the page's language), a column article's the outlet; the publisher
  is the Board, with the site's address. A story is ``about`` its subject: a ``Person``
  (individual, with ``jobTitle`` for the position) or an ``Organization`` (collective).
  schema.org has no household type, so a household is an ``Organization`` whose
  ``description`` says "Household" in the page's language. The locality is a ``PostalAddress``
  (``addressLocality``, country VN).
* the home page is a ``WebSite`` with the same publisher;
* other pages have no JSON-LD.
"""

import json

from django import template
from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.models import Page, Site

from core.fragments import cached
from core.seo import board_publisher, is_article, iso, page_description, page_jsonld, share_image, share_rendition
from core.sites import live_root_paths
from core.visibility import visible_q

register = template.Library()

OG_LOCALES = {"vi": "vi_VN", "km": "km_KH", "en": "en_US"}
TWITTER_DESCRIPTION_LENGTH = 200

# JSON inside <script> must not contain "</script>" or "<!--": escape what HTML cares about, as
# Django's json_script does, so that editors' text can never end the script element.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _canonical_query(context, request):
    """``?page=N`` for a listing served past its first page, else "" (see the module's doc)."""
    if request is None or "page" not in request.GET or set(request.GET) != {"page"}:
        return ""
    for value in context.flatten().values():
        if isinstance(value, PaginatorPage) and value.number > 1:
            return f"?page={value.number}"
    return ""


def _versions(page, request):
    """``[(language_code, page), …]``: the live, public, reachable versions of ``page``, in settings order."""
    if not page.translation_key:
        return []
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    roots = live_root_paths(request) if request is not None else []
    found = {
        version.locale.language_code: version
        for version in Page.objects.filter(visible_q(), translation_key=page.translation_key)
        .select_related("locale")
        .order_by()
        if not roots or version.path.startswith(tuple(roots))
    }
    return [(code, found[code]) for code in languages if code in found]


def _alternates(versions, request):
    """hreflang links: every version of a page in more than one language, and ``x-default``."""
    if len(versions) < 2:
        return []
    alternates = [{"lang": code, "url": version.get_full_url(request)} for code, version in versions]
    default = dict(versions).get(settings.LANGUAGE_CODE)
    if default is not None:
        alternates.append({"lang": "x-default", "url": default.get_full_url(request)})
    return alternates


def _site_name(home, request):
    """og:site_name: the home page's title in the reader's language, else the Wagtail Site's name."""
    site_name = home.title if home is not None else ""
    if not site_name:
        site = Site.find_for_request(request) if request is not None else None
        site_name = site.site_name if site is not None else ""
    return site_name


@register.simple_tag(takes_context=True)
def seo_metadata(context, page=None, home=None):
    """Everything includes/seo.html prints for ``page`` (the current page by default).

    ``home`` is the site's home page in the reader's language (base.html's ``nav.home``): its
    title is og:site_name and its address the publisher's. Returns None without a page.
    A few queries: the page's versions, its share image's rendition, a story's unit.
    """
    page = page if page is not None else context.get("page")
    if not isinstance(page, Page):
        return None
    request = context.get("request")
    url_parts = page.get_url_parts(request)
    if not url_parts or not url_parts[1]:
        return None  # not routable (a new page in preview, say)
    _site_id, root_url, page_path = url_parts
    canonical_query = _canonical_query(context, request)
    # The same for every request to this address in this generation (core/fragments.py): kept.
    parts = (page.pk, root_url, page_path, canonical_query, getattr(home, "pk", None), translation.get_language())
    return cached("seo", parts, lambda: _metadata(page, request, home, root_url, page_path, canonical_query), request)


def _metadata(page, request, home, root_url, page_path, canonical_query):
    page_url = root_url + page_path
    versions = _versions(page, request)
    language = next((code for code, version in versions if version.pk == page.pk), None)
    if language is None:
        language = page.locale.language_code
    alternates = _alternates(versions, request)

    image, image_alt = share_image(page)
    rendition = share_rendition(image, root_url) if image is not None else None
    description = page_description(page)
    article = is_article(page)
    meta = {
        "page_url": page_url,
        "canonical": page_url + canonical_query,
        "alternates": alternates,
        "language": language,
        "title": page.seo_title or page.title,
        "description": description,
        "twitter_description": Truncator(description).chars(TWITTER_DESCRIPTION_LENGTH),
        "site_name": _site_name(home, request),
        "og_type": "article" if article else "website",
        "og_locale": OG_LOCALES.get(language, language),
        "og_locale_alternates": [OG_LOCALES.get(code, code) for code, _version in versions if code != language],
        "image": rendition,
        "image_alt": image_alt if rendition else "",
        "twitter_card": "summary_large_image" if rendition else "summary",
        "published_time": iso(page.first_published_at) if article else None,
        "modified_time": iso(page.last_published_at) if article else None,
    }
    with translation.override(language):
        home_url = home.get_full_url(request) if home is not None else f"{root_url}/"
        meta["jsonld"] = page_jsonld(page, meta, board_publisher(home_url))
    return meta


@register.filter
def jsonld_script(data):
    """``<script type="application/ld+json">`` holding ``data`` as JSON, safe inside HTML."""
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(text.translate(_JSON_SCRIPT_ESCAPES))
    )
