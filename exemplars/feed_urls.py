"""RSS 2.0 and Atom feeds of the stories (see exemplars/feeds.py for the list of URLs and names).

Included inside ``i18n_patterns``, so every feed also answers under /km/ and /en/.
"""

from django.urls import path, register_converter

from exemplars.feeds import CampaignFeed, ColumnFeed, FieldFeed, StoryFeed, UnitFeed, feed_view


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

urlpatterns = [
    path("<feed_format:format>/", feed_view(StoryFeed), name="feed_stories"),
    path("<feed_format:format>/linh-vuc/<feed_slug:slug>/", feed_view(FieldFeed), name="feed_field"),
    path("<feed_format:format>/don-vi/<feed_slug:slug>/", feed_view(UnitFeed), name="feed_unit"),
    path("<feed_format:format>/phong-trao/<feed_slug:slug>/", feed_view(CampaignFeed), name="feed_campaign"),
    path("<feed_format:format>/chuyen-muc/<feed_slug:slug>/", feed_view(ColumnFeed), name="feed_column"),
]
