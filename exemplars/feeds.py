"""RSS 2.0 and Atom 1.0 feeds of the stories and the column articles, in the reader's language.

The URLs (exemplars/feed_urls.py) sit inside ``i18n_patterns``: Vietnamese has no prefix, Khmer
and English are under /km/ and /en/. ``<format>`` is ``rss`` (RSS 2.0) or ``atom`` (Atom 1.0);
each URL name takes it as the ``format`` keyword argument:

    URL                                   name            items
    /rss/        /atom/                   feed_stories    every story
    /rss/linh-vuc/<slug>/                 feed_field      stories in a field (slug of the field)
    /rss/don-vi/<slug>/                   feed_unit       stories introduced by a unit
    /rss/phong-trao/<slug>/               feed_campaign   stories of an emulation campaign
    /rss/chuyen-muc/<slug>/               feed_column     articles of a column (chuyên mục)
    (and the same under /atom/)

    reverse("feed_field", kwargs={"format": "atom", "slug": "y-duc"}) == "/atom/linh-vuc/y-duc/"

Every feed holds the 30 newest items (by first publication) among the live, public pages of the
active language's locale, read from the live page rows (never from revisions, so drafts and
changes waiting in moderation never show). A field, campaign or column is looked up by slug in the
active locale, a unit (not translatable) by its slug; an unknown slug is a 404. Stories match a
field or campaign through its translation key, so a translated story still linked to the
Vietnamese field or campaign is found. Each feed costs the same number of SQL queries whatever
the number of items.
"""

import mimetypes

from django.contrib.syndication.views import Feed
from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.translation import gettext
from wagtail.images.models import SourceImageIOError
from wagtail.models import Locale, Page, Site

FEED_TYPES = {"rss": feedgenerator.Rss201rev2Feed, "atom": feedgenerator.Atom1Feed}
FEED_LENGTH = 30
# The size of og:image on story and article pages, so feeds reuse the same renditions.
ENCLOSURE_RENDITION = "fill-1200x630"


def _unit_name(unit):
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
        self.locale = Locale.get_active()
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

    def index_url(self, query=None):
        """The exemplar index in the active locale, optionally filtered."""
        from exemplars.models import ExemplarIndexPage

        index = self.live_pages(ExemplarIndexPage).order_by("path").first()
        url = index.get_url(self.request) if index is not None else None
        if url is None:  # no index in this language: the feed of all stories stands in for it
            url = reverse("feed_stories", kwargs={"format": self.format})
        if query:
            url = f"{url}?{urlencode(query)}"
        return self.absolute(url)

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
            rendition = image.get_rendition(ENCLOSURE_RENDITION)
        except (SourceImageIOError, OSError):
            return []
        try:
            length = rendition.file.size
        except (OSError, ValueError):
            length = 0
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        return [feedgenerator.Enclosure(url=self.absolute(rendition.url), length=str(length), mime_type=mime_type)]


class StoryFeed(PageFeed):
    """Exemplar stories: unit and fields as categories, the unit as author."""

    url_name = "feed_stories"

    def title(self, obj):
        return gettext("Exemplar stories")

    def description(self, obj):
        return gettext("The latest exemplar stories, new models and new factors from the units of Sóc Trăng province.")

    def link(self, obj):
        return self.index_url()

    def stories(self, obj):
        from exemplars.models import ExemplarPage

        return self.live_pages(ExemplarPage)

    def pages(self, obj):
        from exemplars.models import ExemplarPage

        return ExemplarPage.for_listing(self.stories(obj))

    def prepare(self, pages):
        from exemplars.models import Field

        super().prepare(pages)
        # Fields in the reader's language where translated; stories may still link the original.
        keys = {field.translation_key for page in pages for field in page.fields.all()}
        self.field_names = {}
        if keys:
            self.field_names = dict(
                Field.objects.filter(locale=self.locale, translation_key__in=keys).values_list(
                    "translation_key", "name"
                )
            )

    def item_author_name(self, page):
        return _unit_name(page.unit) or None

    def item_categories(self, page):
        names = [_unit_name(page.unit)]
        names += [self.field_names.get(field.translation_key, field.name) for field in page.fields.all()]
        return [name for name in names if name]


class FieldFeed(StoryFeed):
    url_name = "feed_field"

    def lookup(self, slug):
        from exemplars.models import Field

        return Field.objects.get(slug=slug, locale=self.locale)

    def title(self, field):
        return gettext("Stories in %(field)s") % {"field": field.name}

    def description(self, field):
        return gettext("The latest exemplar stories in the field %(field)s.") % {"field": field.name}

    def link(self, field):
        return self.index_url({"field": field.slug})

    def stories(self, field):
        from exemplars.models import ExemplarPage

        in_field = ExemplarPage.objects.filter(fields__translation_key=field.translation_key).values("pk")
        return super().stories(field).filter(pk__in=in_field)


class UnitFeed(StoryFeed):
    url_name = "feed_unit"

    def lookup(self, slug):
        from units.models import Unit

        return Unit.objects.get(slug=slug)

    def title(self, unit):
        return gettext("Stories from %(unit)s") % {"unit": _unit_name(unit)}

    def description(self, unit):
        return gettext("The latest exemplar stories introduced by %(unit)s.") % {"unit": _unit_name(unit)}

    def link(self, unit):
        from exemplars.models import UnitSectionPage

        section = self.live_pages(UnitSectionPage).filter(unit=unit).order_by("path").first()
        url = section.get_url(self.request) if section is not None else None
        return self.absolute(url) if url else self.index_url({"unit": unit.slug})

    def stories(self, unit):
        return super().stories(unit).filter(unit=unit)


class CampaignFeed(StoryFeed):
    url_name = "feed_campaign"

    def lookup(self, slug):
        from campaigns.models import CampaignPage

        campaign = self.live_pages(CampaignPage).filter(slug=slug).order_by("path").first()
        if campaign is None:
            raise CampaignPage.DoesNotExist(slug)
        return campaign

    def title(self, campaign):
        return gettext("Stories of %(campaign)s") % {"campaign": campaign.title}

    def description(self, campaign):
        return campaign.summary or gettext("The latest exemplar stories of the campaign %(campaign)s.") % {
            "campaign": campaign.title
        }

    def link(self, campaign):
        return self.absolute(campaign.get_url(self.request))

    def stories(self, campaign):
        return super().stories(campaign).filter(campaign__translation_key=campaign.translation_key)


class ColumnFeed(PageFeed):
    """A column's articles: the outlet is the author, the outlet and the column the categories."""

    url_name = "feed_column"

    def lookup(self, slug):
        from columns.models import ColumnPage, OutletPage

        column = self.live_pages(ColumnPage).filter(slug=slug).order_by("path").first()
        if column is None:
            raise ObjectDoesNotExist(slug)
        outlet = OutletPage.objects.filter(path=column.path[: -Page.steplen]).select_related("unit").first()
        self.outlet_name = _unit_name(outlet.unit) if outlet is not None else ""
        return column

    def title(self, column):
        if not self.outlet_name:
            return column.title
        return gettext("%(column)s – %(outlet)s") % {"column": column.title, "outlet": self.outlet_name}

    def description(self, column):
        return column.description or gettext("The latest articles of %(column)s.") % {"column": column.title}

    def link(self, column):
        return self.absolute(column.get_url(self.request))

    def pages(self, column):
        from columns.models import ColumnArticlePage

        return (
            self.live_pages(ColumnArticlePage)
            .child_of(column)
            .select_related("main_image", "locale")
            .prefetch_related("main_image__renditions")
            .order_by("-first_published_at", "-pk")
        )

    def items(self, column):
        self.column_title = column.title
        return super().items(column)

    def item_author_name(self, page):
        return self.outlet_name or None

    def item_categories(self, page):
        return [name for name in (self.outlet_name, self.column_title) if name]


def feed_view(feed_class):
    def view(request, format, **kwargs):
        return feed_class(format)(request, **kwargs)

    view.__name__ = view.__qualname__ = feed_class.url_name
    view.__doc__ = feed_class.__doc__
    return view
