"""Media on S3-compatible storage (django-storages, cms/object_storage.py): what base.py imports when
AWS_STORAGE_BUCKET_NAME is set. Uploads and renditions go to the bucket, shared by every instance;
originals and documents stay private there. Credentials: AWS_ACCESS_KEY_ID and
AWS_SECRET_ACCESS_KEY, read by boto3."""

from cms.env import env_bool, env_str

AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL")  # MinIO, Viettel/FPT/VNPT object storage; unset for AWS
AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME")
AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN")  # the CDN or bucket host readers fetch from
# Public-read or private per object; false for a bucket that refuses ACLs (its policy does it instead).
AWS_S3_OBJECT_ACLS = env_bool("AWS_S3_OBJECT_ACLS", True)

# Where readers fetch media from: pages link there and the Content-Security-Policy allows it.
if AWS_S3_CUSTOM_DOMAIN:
    _BUCKET_URL = f"https://{AWS_S3_CUSTOM_DOMAIN}/"
elif AWS_S3_ENDPOINT_URL:
    _BUCKET_URL = f"{AWS_S3_ENDPOINT_URL.rstrip('/')}/{AWS_STORAGE_BUCKET_NAME}/"
else:
    _BUCKET_URL = "/media/"  # production refuses this: name AWS_S3_CUSTOM_DOMAIN
MEDIA_URL = env_str("MEDIA_URL", _BUCKET_URL)
