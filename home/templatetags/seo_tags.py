"""What a page tells search engines and social networks: canonical and hreflang links, Open Graph
and Twitter card tags, and schema.org JSON-LD. base.html renders it through includes/seo.html.

Absolute addresses are those of the Wagtail Site (``page.get_full_url``), as in /sitemap.xml.

The canonical address is the page's own, without a query string, with one exception: a listing
served past its first page keeps ``?page=N`` (N as actually served), because page 2 of a listing
shows other stories than page 1. A filtered listing (any other parameter) names the unfiltered
listing as canonical.

JSON-LD, built as a dict here and printed by ``jsonld_script``:

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

import html
import json

from django import template
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Page as PaginatorPage
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone, translation
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext
from wagtail.fields import RichTextField
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page, Site

from core.visibility import visible_q

register = template.Library()

OG_LOCALES = {"vi": "vi_VN", "km": "km_KH", "en": "en_US"}
# The 1.91:1 picture Facebook, Zalo and X show large; Wagtail's fill never enlarges a small image.
SHARE_IMAGE_SPEC = "fill-1200x630"
TWITTER_DESCRIPTION_LENGTH = 200
DESCRIPTION_FIELDS = ["search_description", "summary", "intro", "description"]

# JSON inside <script> must not contain "</script>" or "<!--": escape what HTML cares about, as
# Django's json_script does, so that editors' text can never end the script element.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _is_article(page):
    from columns.models import ColumnArticlePage
    from exemplars.models import ExemplarPage

    return isinstance(page, ExemplarPage | ColumnArticlePage)


def page_description(page):
    """The first non-empty of the page's search description, summary, introduction or description."""
    for name in DESCRIPTION_FIELDS:
        value = getattr(page, name, "")
        if not isinstance(value, str):
            continue
        if _is_rich_text(page, name):
            # Rich text (an event's description) loses its markup; entities become characters.
            value = html.unescape(strip_tags(value))
        text = " ".join(value.split())
        if text:
            return text
    return ""


def _is_rich_text(page, name):
    try:
        return isinstance(page._meta.get_field(name), RichTextField)
    except FieldDoesNotExist:
        return False


def _absolute(url, root_url):
    if not url or url.startswith(("http://", "https://", "//")):
        return url
    return f"{root_url}{url}" if url.startswith("/") else f"{root_url}/{url}"


def _share_image(page):
    """``(image, alt text)`` to show when the page is shared: its main image, else its first photo."""
    image = getattr(page, "main_image", None)
    if image is not None:
        alt = getattr(page, "image_alt", "") or getattr(page, "main_image_alt", "") or image.title
        return image, alt
    photos = getattr(page, "photos", None)
    for block in photos or []:
        value = block.value
        if value is not None:
            return value, getattr(value, "contextual_alt_text", "") or value.title
    return None, ""


def _rendition(image, root_url):
    try:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    except (SourceImageIOError, OSError):
        return None
    return {"url": _absolute(rendition.url, root_url), "width": rendition.width, "height": rendition.height}


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
    from home.discovery import live_root_paths

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


def _iso(moment):
    return timezone.localtime(moment).isoformat() if moment else None


def _address(locality):
    return {"@type": "PostalAddress", "addressLocality": locality, "addressCountry": "VN"}


def _subject(page):
    from exemplars.models import SubjectKind

    subject = {"@type": "Person" if page.subject_kind == SubjectKind.INDIVIDUAL else "Organization"}
    subject["name"] = page.subject_name
    if page.subject_kind == SubjectKind.INDIVIDUAL and page.position:
        subject["jobTitle"] = page.position
    if page.subject_kind == SubjectKind.HOUSEHOLD:
        subject["description"] = str(SubjectKind.HOUSEHOLD.label)
    if page.locality:
        subject["address"] = _address(page.locality)
    return subject


def _publisher(home_url):
    publisher = {"@type": "Organization", "name": gettext("Emulation and Commendation Board of Sóc Trăng province")}
    if home_url:
        publisher["url"] = home_url
    return publisher


def _article_author(page, publisher):
    from columns.models import OutletPage
    from exemplars.models import ExemplarPage

    if isinstance(page, ExemplarPage):
        unit = page.unit if page.unit_id else None
    else:
        outlet = OutletPage.objects.ancestor_of(page).select_related("unit").first()
        unit = outlet.unit if outlet is not None else None
    if unit is None:
        return publisher
    return {"@type": "Organization", "name": unit.name_in(translation.get_language())}


def _article_jsonld(page, meta, publisher):
    from exemplars.models import ExemplarPage

    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta["page_url"]},
        "url": meta["page_url"],
        "headline": page.title,
        "description": meta["description"],
        "inLanguage": meta["language"],
        "datePublished": _iso(page.first_published_at),
        "dateModified": _iso(page.last_published_at or page.first_published_at),
        "author": _article_author(page, publisher),
        "publisher": publisher,
    }
    if meta["image"]:
        data["image"] = {"@type": "ImageObject", **meta["image"]}
    if isinstance(page, ExemplarPage):
        data["articleSection"] = str(page.get_kind_display())
        data["about"] = _subject(page)
    return {key: value for key, value in data.items() if value not in (None, "")}


def _website_jsonld(page, meta, publisher):
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": meta["site_name"] or page.title,
        "url": meta["page_url"],
        "inLanguage": meta["language"],
        "publisher": publisher,
    }


@register.simple_tag(takes_context=True)
def seo_metadata(context, page=None, home=None):
    """Everything includes/seo.html prints for ``page`` (the current page by default).

    ``home`` is the site's home page in the reader's language (base.html's ``nav.home``): its
    title is og:site_name and its address the publisher's. Returns None without a page.
    A few queries: the page's versions, its share image's rendition, a story's unit.
    """
    from home.models import HomePage

    page = page if page is not None else context.get("page")
    if not isinstance(page, Page):
        return None
    request = context.get("request")
    url_parts = page.get_url_parts(request)
    if not url_parts or not url_parts[1]:
        return None  # not routable (a new page in preview, say)
    _site_id, root_url, page_path = url_parts
    page_url = root_url + page_path

    versions = _versions(page, request)
    language = next((code for code, version in versions if version.pk == page.pk), None)
    if language is None:
        language = page.locale.language_code
    alternates = []
    if len(versions) > 1:
        alternates = [{"lang": code, "url": version.get_full_url(request)} for code, version in versions]
        default = dict(versions).get(settings.LANGUAGE_CODE)
        if default is not None:
            alternates.append({"lang": "x-default", "url": default.get_full_url(request)})

    image, image_alt = _share_image(page)
    rendition = _rendition(image, root_url) if image is not None else None
    description = page_description(page)
    is_article = _is_article(page)
    site_name = home.title if home is not None else ""
    if not site_name:
        site = Site.find_for_request(request) if request is not None else None
        site_name = site.site_name if site is not None else ""
    meta = {
        "page_url": page_url,
        "canonical": page_url + _canonical_query(context, request),
        "alternates": alternates,
        "language": language,
        "title": page.seo_title or page.title,
        "description": description,
        "twitter_description": Truncator(description).chars(TWITTER_DESCRIPTION_LENGTH),
        "site_name": site_name,
        "og_type": "article" if is_article else "website",
        "og_locale": OG_LOCALES.get(language, language),
        "og_locale_alternates": [OG_LOCALES.get(code, code) for code, _version in versions if code != language],
        "image": rendition,
        "image_alt": image_alt if rendition else "",
        "twitter_card": "summary_large_image" if rendition else "summary",
        "published_time": _iso(page.first_published_at) if is_article else None,
        "modified_time": _iso(page.last_published_at) if is_article else None,
        "jsonld": None,
    }
    with translation.override(language):
        home_url = home.get_full_url(request) if home is not None else f"{root_url}/"
        publisher = _publisher(home_url)
        if is_article:
            meta["jsonld"] = _article_jsonld(page, meta, publisher)
        elif isinstance(page, HomePage):
            meta["jsonld"] = _website_jsonld(page, meta, publisher)
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
