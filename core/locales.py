"""The reader's Locale without a query.

Wagtail's ``Locale.get_active()`` reads the Locale of the active language from the database on
every call; the search page and the feeds ask once a request. Which Locale a language is changes
only when a Locale is saved or deleted, which moves the content generation
(cms/cache_invalidation.py), so it is kept under it with the other fragments (core/fragments.py).
"""

from django.utils.translation import get_language
from wagtail.models import Locale

from core import fragments


def active_locale(request=None):
    """``Locale.get_active()``, kept under the content generation."""
    return fragments.cached("active-locale", (get_language(),), Locale.get_active, request)
