"""The hall of honour's RSS 2.0 and Atom feeds, included inside ``i18n_patterns`` by cms/urls.py
(so they also answer under /km/ and /en/); the converters are registered by core.feeds."""

from django.urls import path

from commendations.feeds import HallOfHonourFeed
from core.feeds import feed_view

urlpatterns = [
    path("<feed_format:format>/vinh-danh/", feed_view(HallOfHonourFeed), name="feed_hall_of_honour"),
]
