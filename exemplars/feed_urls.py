"""RSS 2.0 and Atom feeds of the stories (see exemplars/feeds.py)."""

urlpatterns = []
