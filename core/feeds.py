"""RSS 2.0 and Atom 1.0 feeds of pages, in the reader's language: what every feed of the site shares.

Each app serves the feeds of its own pages (exemplars/feeds.py, campaigns/feeds.py,
columns/feeds.py) from its own URL module (``<app>/feed_urls.py``), included inside
``i18n_patterns`` by cms/urls.py: Vietnamese has no prefix, Khmer and English are under /km/ and
/en/. ``<format>`` is ``rss`` (RSS 2.0) or ``atom`` (Atom 1.0); each URL name takes it as the
``format`` keyword argument:

    URL                                   name            items
    /rss/        /atom/                   feed_stories    every story
    /rss/linh-vuc/<slug>/                 feed_field      stories in a field (slug of the field)
    /rss/don-vi/<slug>/                   feed_unit       stories introduced by a unit
    /rss/phong-trao/<slug>/               feed_campaign   stories of an emulation campaign
    /rss/chuyen-muc/<slug>/               feed_column     articles of a column (chuyên mục)
    /rss/vinh-danh/                       feed_hall_of_honour  awards on stories (the hall of honour)
    (and the same under /atom/)

    reverse("feed_field", kwargs={"format": "atom", "slug": "y-duc"}) == "/atom/linh-vuc/y-duc/"

Every feed holds the 30 newest items (by first publication) among the live, public pages of the
active language's locale, read from the live page rows (never from revisions, so drafts and
changes waiting in moderation never show). An unknown slug is a 404. Each feed costs the same
number of SQL queries whatever the number of items.
"""

import mimetypes

from django.contrib.syndication.views import Feed
from django.urls import register_converter
from django.utils import feedgenerator
from django.utils.html import escape
from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

from core import renditions
from core.locales import active_locale

FEED_TYPES = {"rss": feedgenerator.Rss201rev2Feed, "atom": feedgenerator.Atom1Feed}
FEED_LENGTH = 30
# The size of og:image on story and article pages, so feeds reuse the same renditions.
ENCLOSURE_RENDITION = "fill-1200x630"


def unit_name(unit):
    """The unit's name for readers of the active language (where the unit has one)."""
    if unit is None:
        return ""
    localized = getattr(unit, "localized_name", None)
    return localized or unit.name


class PageFeed(Feed):
    """A feed of pages; one instance per request, so the request can be kept on it."""

    url_name = None

    def __init__(self, format):
        self.format = format
        self.feed_type = FEED_TYPES[format]
        self.request = None
        self.locale = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.locale = active_locale(request)
        return super().__call__(request, *args, **kwargs)

    # The feed

    def lookup(self):
        """The object the feed is about (None for all stories); raises DoesNotExist if unknown."""
        return None

    def get_object(self, request, **kwargs):
        return self.lookup(**kwargs)

    def absolute(self, url):
        return self.request.build_absolute_uri(url)

    def feed_url(self, obj):
        return self.absolute(self.request.path)

    def feed_guid(self, obj):
        return self.feed_url(obj)

    def subtitle(self, obj):
        # Atom writes the subtitle; RSS writes the description.
        return self.description(obj)

    def author_name(self, obj):
        site = Site.find_for_request(self.request)
        return site.site_name if site is not None and site.site_name else None

    def live_pages(self, model):
        return model.objects.visible_to_public().filter(locale=self.locale)

    # The items

    def pages(self, obj):
        """The feed's pages, newest first, with what an item needs selected or prefetched."""
        raise NotImplementedError

    def items(self, obj):
        pages = list(self.pages(obj)[:FEED_LENGTH])
        self.prepare(pages)
        return [page for page in pages if page.feed_link]

    def prepare(self, pages):
        for page in pages:
            url = page.get_url(self.request)
            page.feed_link = self.absolute(url) if url else None

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        # Both formats carry HTML here; the summary is plain text.
        return escape(page.summary)

    def item_link(self, page):
        return page.feed_link

    def item_guid(self, page):
        return page.feed_link

    item_guid_is_permalink = True

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at or page.first_published_at

    def item_enclosures(self, page):
        image = page.main_image
        if image is None:
            return []
        try:
            rendition = renditions.rendition(image, ENCLOSURE_RENDITION)
        except (SourceImageIOError, OSError):
            return []
        try:
            length = rendition.file.size
        except (OSError, ValueError):
            length = 0
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        return [feedgenerator.Enclosure(url=self.absolute(rendition.url), length=str(length), mime_type=mime_type)]


def feed_view(feed_class):
    def view(request, format, **kwargs):
        return feed_class(format)(request, **kwargs)

    view.__name__ = view.__qualname__ = feed_class.url_name
    view.__doc__ = feed_class.__doc__
    return view


# The path converters of the feed URLs: ``<feed_format:format>`` and ``<feed_slug:slug>``.


class FeedFormatConverter:
    regex = "rss|atom"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class UnicodeSlugConverter(FeedFormatConverter):
    """Page slugs may keep Vietnamese letters (WAGTAIL_ALLOW_UNICODE_SLUGS), unlike <slug:>."""

    regex = r"[-\w]+"


register_converter(FeedFormatConverter, "feed_format")
register_converter(UnicodeSlugConverter, "feed_slug")
