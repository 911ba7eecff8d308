"""How column articles appear in the read-only JSON API (docs/api.md): their audio or video. The
fields every page type shares are in core/api_fields.py.

This module is imported by the models, so it must not import them.
"""

from wagtail.api.utils import get_full_url

from core.api_fields import PageField


class MediaFileField(PageField):
    """An article's audio or video: ``{"id", "title", "type", "url", "duration", "width", "height", "thumbnail"}``."""

    lookups = ("media",)

    def to_representation(self, page):
        media = page.media if page.media_id else None
        if media is None:
            return None
        return {
            "id": media.pk,
            "title": media.title,
            "type": media.type,
            "url": get_full_url(self.request, media.url),
            "duration": media.duration,
            "width": media.width,
            "height": media.height,
            "thumbnail": get_full_url(self.request, media.thumbnail.url) if media.thumbnail else None,
        }
