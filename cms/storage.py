"""Where image renditions are stored (WAGTAILIMAGES_RENDITION_STORAGE) on disk; the S3 variant of the
same rule is cms/object_storage.py."""

import os
import secrets

from django.core.files.storage import FileSystemStorage


class UnguessableNames:
    """A storage mixin: a random part in every file name it stores.

    Wagtail names a rendition after its image's file and the filter ("anh-1.max-165x165.png"), and
    the admin makes some for every upload (its thumbnails, the full-size "original" on the edit
    page), before any page is published. Renditions are public under /media/images/, so without
    the random part anyone could fetch a draft's photo by guessing its name. Pages, feeds and the
    API find renditions in the database, never by name, so nothing else changes.
    """

    def get_available_name(self, name, max_length=None):
        folder, filename = os.path.split(name)
        stem, extension = os.path.splitext(filename)
        # 64 random bits; Wagtail keeps rendition names under 60 characters, so this fits the field's 100.
        name = os.path.join(folder, f"{stem}.{secrets.token_hex(8)}{extension}")
        return super().get_available_name(name, max_length=max_length)


class RenditionStorage(UnguessableNames, FileSystemStorage):
    """MEDIA_ROOT, with a random part in every rendition's file name."""
