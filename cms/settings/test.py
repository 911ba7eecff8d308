from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-not-for-production"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django's test runner makes EMAIL_BACKEND locmem whatever this says (mail.outbox); tests of the
# queue itself (tests/core/test_mail.py) switch to the queued backend and the database tasks.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / "tmp" / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# The page cache is off so that each test sees what it just wrote; tests/cms/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
# One process: the generation lives in the cache, not in a file other test runs would share.
PAGE_CACHE_GENERATION_FILE = None
# Whitenoise looks files up per request instead of scanning a collectstatic folder tests never build.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Tests sign users in with force_login: everyone is spared the second factor, except in the tests of
# staffauth (tests/staffauth/), which set this back to enforce it.
SECOND_FACTOR_EXEMPT_USERS = ["*"]
