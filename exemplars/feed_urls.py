"""RSS 2.0 and Atom feeds of the stories (the list of every feed URL and name is in core/feeds.py).

Included inside ``i18n_patterns``, so every feed also answers under /km/ and /en/. The
``feed_format`` and ``feed_slug`` converters are registered by core.feeds.
"""

from django.urls import path

from core.feeds import feed_view
from exemplars.feeds import FieldFeed, StoryFeed, UnitFeed

urlpatterns = [
    path("<feed_format:format>/", feed_view(StoryFeed), name="feed_stories"),
    path("<feed_format:format>/linh-vuc/<feed_slug:slug>/", feed_view(FieldFeed), name="feed_field"),
    path("<feed_format:format>/don-vi/<feed_slug:slug>/", feed_view(UnitFeed), name="feed_unit"),
]
