"""RSS 2.0 and Atom feeds of a campaign's stories (the list of every feed URL and name is in core/feeds.py).

Included inside ``i18n_patterns``, so every feed also answers under /km/ and /en/. The
``feed_format`` and ``feed_slug`` converters are registered by core.feeds.
"""

from django.urls import path

from campaigns.feeds import CampaignFeed
from core.feeds import feed_view

urlpatterns = [
    path("<feed_format:format>/phong-trao/<feed_slug:slug>/", feed_view(CampaignFeed), name="feed_campaign"),
]
