"""The feeds of the stories: all of them, a field's, a unit's (URLs in exemplars/feed_urls.py).

A field and a unit are looked up by their slug, the same in every language, and named in the
reader's (core/names.py). What every feed shares (the items, the enclosure, the URL converters) is in
core/feeds.py.
"""

from collections import defaultdict

from django.db.models import F
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.translation import gettext

from core.feeds import PageFeed, unit_name
from exemplars.models import ExemplarIndexPage, ExemplarPage, Field, ReplicationPage, UnitSectionPage
from exemplars.models.replication import ReplicationCount
from units.models import Unit


class StoryFeed(PageFeed):
    """Exemplar stories: unit and fields as categories, the unit as author; a replicated story says
    where it was taken up in its description ("Nhân rộng ở 7 xã") and has the category "Nhân rộng"."""

    url_name = "feed_stories"

    def title(self, obj):
        return gettext("Exemplar stories")

    def description(self, obj):
        return gettext("The latest exemplar stories, new models and new factors from the units of Sóc Trăng province.")

    def link(self, obj):
        return self.index_url()

    def index_url(self, query=None):
        """The exemplar index in the active locale, optionally filtered."""
        index = self.live_pages(ExemplarIndexPage).order_by("path").first()
        url = index.get_url(self.request) if index is not None else None
        if url is None:  # no index in this language: the feed of all stories stands in for it
            url = reverse("feed_stories", kwargs={"format": self.format})
        if query:
            url = f"{url}?{urlencode(query)}"
        return self.absolute(url)

    def stories(self, obj):
        return self.live_pages(ExemplarPage)

    def pages(self, obj):
        return ExemplarPage.for_listing(self.stories(obj))

    def prepare(self, pages):
        super().prepare(pages)
        self.replicated = self.replication_counts(pages)

    def replication_counts(self, pages):
        """{story pk: ReplicationCount} from the live, public records in the feed's language; one query."""
        if not pages:
            return {}
        keys = {page.translation_key for page in pages}
        records = (
            ReplicationPage.objects.visible_to_public()
            .filter(locale=self.locale, story__translation_key__in=keys)
            .select_related("unit")
            .annotate(story_key=F("story__translation_key"))
        )
        by_key = defaultdict(list)
        for record in records:
            by_key[record.story_key].append(record)
        return {page.pk: ReplicationCount.of(by_key[page.translation_key]) for page in pages}

    def item_description(self, page):
        description = super().item_description(page)
        count = self.replicated.get(page.pk)
        return f"{description}<p>{escape(count)}.</p>" if count else description

    def item_author_name(self, page):
        return unit_name(page.unit) or None

    def item_categories(self, page):
        names = [unit_name(page.unit)]
        names += [field.localized_name for field in page.fields.all()]
        if self.replicated.get(page.pk):
            names.append(gettext("Replicated"))
        return [name for name in names if name]


class FieldFeed(StoryFeed):
    url_name = "feed_field"

    def lookup(self, slug):
        return Field.objects.get(slug=slug)

    def title(self, field):
        return gettext("Stories in %(field)s") % {"field": field.localized_name}

    def description(self, field):
        return gettext("The latest exemplar stories in the field %(field)s.") % {"field": field.localized_name}

    def link(self, field):
        return self.index_url({"field": field.slug})

    def stories(self, field):
        return super().stories(field).filter(fields=field)


class UnitFeed(StoryFeed):
    url_name = "feed_unit"

    def lookup(self, slug):
        return Unit.objects.get(slug=slug)

    def title(self, unit):
        return gettext("Stories from %(unit)s") % {"unit": unit_name(unit)}

    def description(self, unit):
        return gettext("The latest exemplar stories introduced by %(unit)s.") % {"unit": unit_name(unit)}

    def link(self, unit):
        section = self.live_pages(UnitSectionPage).filter(unit=unit).order_by("path").first()
        url = section.get_url(self.request) if section is not None else None
        return self.absolute(url) if url else self.index_url({"unit": unit.slug})

    def stories(self, unit):
        return super().stories(unit).filter(unit=unit)
