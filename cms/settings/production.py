from django.core.exceptions import ImproperlyConfigured

from cms.env import env_bool, env_int, env_list, env_required, env_str

from .base import *  # noqa: F403

DEBUG = False

SECRET_KEY = env_required(
    "SECRET_KEY", "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
)
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("django-insecure", "dev-only")):
    raise ImproperlyConfigured("The environment variable SECRET_KEY is too weak: use at least 50 random characters.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "The environment variable ALLOWED_HOSTS must be set in production (comma-separated host names)."
    )
if "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("The environment variable ALLOWED_HOSTS must name the site's hosts, not '*'.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# HTTPS only; the proxy in front terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# X_FRAME_OPTIONS is SAMEORIGIN (base.py) for Wagtail's preview iframe; the check wants DENY.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
# The nginx in front appends the client's address to X-Forwarded-For (docs/security.md); the header
# is read only on connections from TRUSTED_PROXY_ADDRESSES (base.py: a Unix socket or loopback).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
if TRUSTED_PROXY_COUNT > 0 and not TRUSTED_PROXY_ADDRESSES:  # noqa: F405
    raise ImproperlyConfigured(
        "TRUSTED_PROXY_COUNT is above 0 but TRUSTED_PROXY_ADDRESSES names no proxy: list the addresses the "
        "proxy connects from ('unix' for a Unix socket), or set TRUSTED_PROXY_COUNT=0 without a proxy."
    )
if TRUSTED_PROXY_COUNT <= 0 and env_str("TRUSTED_PROXY_ADDRESSES"):
    raise ImproperlyConfigured(
        "The environment variable TRUSTED_PROXY_ADDRESSES names a proxy but TRUSTED_PROXY_COUNT is 0: set "
        "TRUSTED_PROXY_COUNT to the number of proxies in front, or remove TRUSTED_PROXY_ADDRESSES."
    )

# The request only queues work; manage.py db_worker does it (docs/deploy.md). The immediate backend
# would send email and make renditions inside the editor's request, the dummy one would drop them.
_TASK_BACKEND = TASKS["default"]["BACKEND"]  # noqa: F405
if _TASK_BACKEND.rsplit(".", 1)[-1] in {"ImmediateBackend", "DummyBackend"}:
    raise ImproperlyConfigured(
        f"The environment variable TASK_BACKEND must not be {_TASK_BACKEND} in production: tasks would run "
        "inside the request, or never. Leave it unset (django_tasks_db.DatabaseBackend) and run manage.py db_worker."
    )
if env_str("EMAIL_BACKEND"):
    raise ImproperlyConfigured(
        "The environment variable EMAIL_BACKEND is no longer read: every email is queued and manage.py db_worker "
        "sends it through EMAIL_DELIVERY_BACKEND. Set EMAIL_DELIVERY_BACKEND instead (SMTP when unset)."
    )
if EMAIL_DELIVERY_BACKEND.rsplit(".", 1)[-1] == "QueuedEmailBackend":  # noqa: F405
    raise ImproperlyConfigured(
        "The environment variable EMAIL_DELIVERY_BACKEND must name a backend that sends (SMTP), not the queue."
    )

# Several instances share what one process would keep to itself (docs/deploy.md "Beyond one machine").
if APP_INSTANCES > 1 and CACHES["default"]["BACKEND"].endswith("LocMemCache"):  # noqa: F405
    raise ImproperlyConfigured(
        f"The environment variable APP_INSTANCES is {APP_INSTANCES} but REDIS_URL is not set: each instance "  # noqa: F405
        "would keep its own page cache, miss the others' invalidations and count rate limits alone. Set REDIS_URL."
    )
if AWS_STORAGE_BUCKET_NAME and not (AWS_S3_CUSTOM_DOMAIN or AWS_S3_ENDPOINT_URL):  # noqa: F405
    raise ImproperlyConfigured(
        "The environment variable AWS_STORAGE_BUCKET_NAME is set without AWS_S3_CUSTOM_DOMAIN or "
        "AWS_S3_ENDPOINT_URL: set AWS_S3_CUSTOM_DOMAIN to the host readers fetch media from (the CDN, or "
        "<bucket>.s3.<region>.amazonaws.com), so pages and the Content-Security-Policy name it."
    )

# Every account with a publishing role proves a second factor (staffauth/policy.py): none is spared.
if SECOND_FACTOR_EXEMPT_USERS:  # noqa: F405
    raise ImproperlyConfigured(
        "The environment variable SECOND_FACTOR_EXEMPT_USERS must not be set in production: it spares the demo "
        "logins of `make run` the second factor. Remove it."
    )

# Hashed names, and Brotli and gzip copies beside them, served by whitenoise.
# A new dict, not an edit of base's: importing this module must never change another settings module.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
