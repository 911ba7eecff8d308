"""Media on S3-compatible object storage (django-storages), chosen by AWS_STORAGE_BUCKET_NAME.

The bucket keeps private what nginx keeps private on one machine (docs/security.md): readers may
fetch renditions (images/), audio and video (media/) and their thumbnails (media_thumbnails/);
never original images (original_images/: uploads as they came, drafts' too, under guessable
names) nor documents (documents/: Django serves them, to the public only once a live page uses
one; WAGTAILDOCS_SERVE_METHOD = "serve_view"). Each object is written with its ACL and its
Cache-Control, the same headers cms/media.py and nginx send. A bucket that refuses object ACLs
(AWS's "bucket owner enforced") takes AWS_S3_OBJECT_ACLS=false and the bucket policy in
docs/deploy.md instead.

Settings read by django-storages itself: AWS_STORAGE_BUCKET_NAME, AWS_S3_ENDPOINT_URL,
AWS_S3_REGION_NAME, AWS_S3_CUSTOM_DOMAIN; boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
"""

from django.conf import settings
from storages.backends.s3 import S3Storage

from cms.storage import UnguessableNames

# Prefixes readers may fetch straight from the bucket (or the CDN in front of it).
PUBLIC_PREFIXES = ("images/", "media/", "media_thumbnails/")
# Renditions get a new name for every image, spec and focal point: they never change.
IMMUTABLE_PREFIXES = ("images/",)
IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable"


def is_public(name):
    return name.lstrip("/").startswith(PUBLIC_PREFIXES)


class MediaStorage(S3Storage):
    """The default storage: uploads (images, documents, audio, video) in the bucket."""

    # Plain URLs (no signature): public objects are cacheable by browsers and the CDN; private ones
    # are never linked to readers, and Django reads them with its credentials.
    querystring_auth = False
    # Two uploads with one name both keep their file (Django adds a suffix), as on disk.
    file_overwrite = False
    # Each object's ACL comes from its prefix (get_object_parameters), not one for the whole bucket.
    default_acl = None

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        public = is_public(name)
        if getattr(settings, "AWS_S3_OBJECT_ACLS", True):
            params.setdefault("ACL", "public-read" if public else "private")
        if name.lstrip("/").startswith(IMMUTABLE_PREFIXES):
            params.setdefault("CacheControl", IMMUTABLE_CACHE_CONTROL)
        elif public:
            params.setdefault("CacheControl", f"public, max-age={settings.MEDIA_MAX_AGE}")
        else:
            params.setdefault("CacheControl", "private, no-store")
        return params


class S3RenditionStorage(UnguessableNames, MediaStorage):
    """Renditions in the bucket under images/, public, with a random part in every name (cms/storage.py)."""
