"""The hall of honour's feed: the newest awards on the stories the public may read, in the reader's
language (URL in commendations/feed_urls.py; what every feed shares is in core/feeds.py).

Its items are awards, each linking to its story: a story honoured twice is two items, told apart
by their ids. "Newest" is by the award's year, then by the order the awards were recorded.
"""

from django.utils.html import escape
from django.utils.translation import gettext

from commendations.models import HallOfHonourPage
from core.feeds import FEED_LENGTH, PageFeed, unit_name
from exemplars.models import AwardLevel, ExemplarAward, ExemplarPage


class HallOfHonourFeed(PageFeed):
    url_name = "feed_hall_of_honour"

    def title(self, obj):
        return gettext("Hall of honour")

    def description(self, obj):
        return gettext("The latest awards to the exemplars whose stories the units of Sóc Trăng province introduced.")

    def link(self, obj):
        hall = self.live_pages(HallOfHonourPage).order_by("path").first()
        url = hall.get_url(self.request) if hall is not None else None
        return self.absolute(url or self.request.path)

    def pages(self, obj):
        stories = self.live_pages(ExemplarPage)
        return (
            ExemplarAward.objects.filter(page__in=stories.values("pk"))
            .select_related("award_type", "page", "page__unit", "page__main_image")
            .prefetch_related("page__main_image__renditions")
            .order_by("-year", "-pk")
        )

    def items(self, obj):
        awards = list(self.pages(obj)[:FEED_LENGTH])
        self.prepare([award.page for award in awards])
        return [award for award in awards if award.page.feed_link]

    def item_title(self, award):
        return gettext("%(award)s (%(year)s): %(exemplar)s") % {
            "award": award.award_type.localized_name,
            "year": award.year,
            "exemplar": award.page.subject_name,
        }

    def item_description(self, award):
        return escape(award.page.summary)

    def item_link(self, award):
        return award.page.feed_link

    def item_guid(self, award):
        return f"{award.page.feed_link}#award-{award.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, award):
        return award.page.last_published_at or award.page.first_published_at

    def item_updateddate(self, award):
        return self.item_pubdate(award)

    def item_author_name(self, award):
        return unit_name(award.page.unit) or None

    def item_categories(self, award):
        return [str(dict(AwardLevel.choices).get(award.award_type.level, "")), award.award_type.localized_name]

    def item_enclosures(self, award):
        return super().item_enclosures(award.page)
