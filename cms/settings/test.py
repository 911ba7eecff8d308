from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-not-for-production"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "tmp" / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
