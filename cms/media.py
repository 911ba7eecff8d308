"""Serving MEDIA_URL from Django, for a single-process setup without a web server in front
(SERVE_MEDIA=true). In production nginx serves MEDIA_ROOT with the same headers:

    location /media/images/ {            # renditions: a new file name for every spec and focal point
        alias /srv/newsroom/media/images/;
        add_header Cache-Control "public, max-age=31536000, immutable";
    }
    location /media/documents/ { return 404; }   # documents go through /documents/ (privacy checks)
    location /media/original_images/ { return 404; }   # uploads as they came, drafts' too: renditions only
    location /media/ {                   # audio and video may be replaced under the same name
        alias /srv/newsroom/media/;
        add_header Cache-Control "public, max-age=3600";
    }
"""

import posixpath
import re

from django.conf import settings
from django.http import Http404
from django.urls import re_path
from django.utils.cache import patch_cache_control
from django.views.static import serve

# Wagtail's renditions folder; rendition names are unique per image, spec and focal point.
RENDITIONS_PREFIX = "images/"
IMMUTABLE_MAX_AGE = 365 * 24 * 60 * 60
# Never served from here. Documents: Wagtail's document view checks who may have each one.
# Original images: uploaded under the name they came with, whether or not a live page shows them,
# so a name is easy to guess; pages, feeds and the API show renditions, whose names carry a random
# part (cms/storage.py).
PRIVATE_PREFIXES = ("documents/", "original_images/")


def serve_media(request, path):
    """A file under MEDIA_ROOT with long-lived cache headers for renditions, shorter ones otherwise."""
    # Normalised as django.views.static.serve does, so "images/../original_images/…" is refused too.
    name = posixpath.normpath(path).lstrip("/")
    if name.startswith(PRIVATE_PREFIXES):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    if name.startswith(RENDITIONS_PREFIX):
        patch_cache_control(response, public=True, max_age=IMMUTABLE_MAX_AGE, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=settings.MEDIA_MAX_AGE)
    return response


def urlpatterns():
    """The pattern for MEDIA_URL (a local path such as /media/), or none when media lives elsewhere."""
    prefix = settings.MEDIA_URL
    if not prefix.startswith("/") or prefix.startswith("//"):
        return []
    pattern = "^" + re.escape(prefix.lstrip("/")) + "(?P<path>.*)$"
    return [re_path(pattern, serve_media, name="media")]
