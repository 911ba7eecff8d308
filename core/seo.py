"""What a page tells search engines and social networks about itself: its description, the picture
to share, and its schema.org JSON-LD. core/templatetags/seo_tags.py puts them in every page's head.

Each page type says what it is, and this module asks it (nothing here knows our page types):

* ``seo_schema_type``: the schema.org type of its JSON-LD. A ``NewsArticle`` (stories and column
  articles) is an ``article`` to Open Graph, with its publication times; its publisher is the
  Board, with the site's address. A ``WebSite`` (the home page) has the same publisher. Pages
  without one have no JSON-LD.
* ``seo_author_unit()``, for articles: the unit credited as author (an Organization named in the
  page's language), or None to credit the publisher.
* ``seo_article_details()``, for articles, optional: more properties of the article, e.g. a story's
  ``articleSection`` and what it is ``about``.
"""

import html

from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext
from wagtail.fields import RichTextField
from wagtail.images.models import SourceImageIOError

from core import renditions

ARTICLE_SCHEMA_TYPES = {"Article", "NewsArticle"}
# The 1.91:1 picture Facebook, Zalo and X show large; Wagtail's fill never enlarges a small image.
SHARE_IMAGE_SPEC = "fill-1200x630"
DESCRIPTION_FIELDS = ["search_description", "summary", "intro", "description"]


def is_article(page):
    return getattr(page, "seo_schema_type", None) in ARTICLE_SCHEMA_TYPES


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


def absolute(url, root_url):
    if not url or url.startswith(("http://", "https://", "//")):
        return url
    return f"{root_url}{url}" if url.startswith("/") else f"{root_url}/{url}"


def share_image(page):
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


def share_rendition(image, root_url):
    """``{"url", "width", "height"}`` of the shared picture, or None when its file cannot be read."""
    try:
        rendition = renditions.rendition(image, SHARE_IMAGE_SPEC)
    except (SourceImageIOError, OSError):
        return None
    return {"url": absolute(rendition.url, root_url), "width": rendition.width, "height": rendition.height}


def iso(moment):
    return timezone.localtime(moment).isoformat() if moment else None


def postal_address(locality):
    return {"@type": "PostalAddress", "addressLocality": locality, "addressCountry": "VN"}


def board_publisher(home_url):
    """The Board, which publishes every page, as a schema.org Organization."""
    found = {"@type": "Organization", "name": gettext("Emulation and Commendation Board of Sóc Trăng province")}
    if home_url:
        found["url"] = home_url
    return found


def page_jsonld(page, meta, publisher):
    """The page's JSON-LD as a dict (in the active language), or None for a page that declares no type."""
    schema_type = getattr(page, "seo_schema_type", None)
    if schema_type in ARTICLE_SCHEMA_TYPES:
        return _article_jsonld(page, schema_type, meta, publisher)
    if schema_type == "WebSite":
        return _website_jsonld(page, meta, publisher)
    return None


def _article_author(page, publisher):
    author_unit = getattr(page, "seo_author_unit", None)
    unit = author_unit() if author_unit is not None else None
    if unit is None:
        return publisher
    return {"@type": "Organization", "name": unit.name_in(translation.get_language())}


def _article_jsonld(page, schema_type, meta, publisher):
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta["page_url"]},
        "url": meta["page_url"],
        "headline": page.title,
        "description": meta["description"],
        "inLanguage": meta["language"],
        "datePublished": iso(page.first_published_at),
        "dateModified": iso(page.last_published_at or page.first_published_at),
        "author": _article_author(page, publisher),
        "publisher": publisher,
    }
    if meta["image"]:
        data["image"] = {"@type": "ImageObject", **meta["image"]}
    details = getattr(page, "seo_article_details", None)
    if details is not None:
        data.update(details())
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
