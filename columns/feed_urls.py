"""RSS 2.0 and Atom feeds of a column's articles (the list of every feed URL and name is in core/feeds.py).

Included inside ``i18n_patterns``, so every feed also answers under /km/ and /en/. The
``feed_format`` and ``feed_slug`` converters are registered by core.feeds.
"""

from django.urls import path

from columns.feeds import ColumnFeed
from core.feeds import feed_view

urlpatterns = [
    path("<feed_format:format>/chuyen-muc/<feed_slug:slug>/", feed_view(ColumnFeed), name="feed_column"),
]
