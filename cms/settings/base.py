"""Settings shared by every environment. Everything that differs by machine comes from the
environment (see .env.example); dev, production and test only change what they must."""

import datetime
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from cms.env import env_addresses, env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "core",
    "home",
    "units",
    "reports",
    "exemplars",
    "campaigns",
    "columns",
    "submissions",
    "commendations",
    "wordimport",
    "planning",
    "factcheck",
    "privacy",
    "search",
    "demo",
    "backups",
    "cms",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailmedia",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    # The staff's second factor (staffauth/): TOTP on a phone, recovery codes as static tokens.
    "staffauth",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # The task queue (email, renditions, Wagtail's own tasks) and its table, worked by manage.py db_worker.
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files, answered before anything else runs
    "csp.middleware.CSPMiddleware",
    # Early, so a database outage anywhere below answers 503 with a friendly page (cms/middleware.py).
    "cms.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether this session proved a second factor (request.user.is_verified()).
    "django_otp.middleware.OTPMiddleware",
    # After the language and the user are known; what runs below it is stored with a cached page.
    "cms.page_cache.PageCacheMiddleware",
    "core.sites.CachedSiteMiddleware",  # Wagtail's site from the cache, when no cached page answered
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Staff who owe the second factor reach no admin page but its steps (staffauth/middleware.py).
    "staffauth.middleware.SecondFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: DATABASE_URL, else an SQLite file in the project folder.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        # A persistent connection broken by a database restart is replaced before use, not failed on.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "newsroom"},
        # Wagtail's rendition lookups, shared: what one instance made, every other finds.
        "renditions": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "rendition"},
    }
    # Sessions read from Redis, written through to the database: a Redis restart signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Fragments (and the {% cache %} tag's), keyed on the content generation: each process keeps a copy.
_FRAGMENTS = {"BACKEND": "core.fronted_cache.FrontedCache", "LOCATION": "default", "OPTIONS": {"MAX_ENTRIES": 3000}}
CACHES |= {"fragments": _FRAGMENTS, "template_fragments": _FRAGMENTS}
# The public forms' rate limits (django-ratelimit) count in the default cache, so per process
# without Redis; the sign-in lockout (django-axes) counts in the database.
RATELIMIT_USE_CACHE = "default"
# App server instances (gunicorn masters) serving the site; production wants Redis for more than one.
APP_INSTANCES = env_int("APP_INSTANCES", 1)

# Anonymous page cache (cms/page_cache.py): seconds a public page or feed is kept (0: off);
# publishing anything invalidates it. Several processes must share the cache (REDIS_URL).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# What browsers and a CDN are told (Cache-Control max-age) about cached anonymous pages.
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 60)
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/"]
# Local memory is per process: the generation that invalidates it is then a file every worker on
# the machine checks. With Redis the generation lives in Redis.
PAGE_CACHE_GENERATION_FILE = env_str(
    "PAGE_CACHE_GENERATION_FILE", None if REDIS_URL else str(BASE_DIR / "tmp" / "page-cache-generation")
)
# A CDN purged on publish (wagtail.contrib.frontend_cache): FRONTEND_CACHE_BACKEND is "http"
# (a purge URL in FRONTEND_CACHE_LOCATION, e.g. nginx or Varnish), "cloudflare" (token and zone)
# or "cloudfront" (distribution id); unset, nothing is purged.
WAGTAILFRONTENDCACHE = {}
_FRONTEND_CACHE_BACKEND = env_str("FRONTEND_CACHE_BACKEND", "")
if _FRONTEND_CACHE_BACKEND == "http":
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_LOCATION"),
    }
elif _FRONTEND_CACHE_BACKEND == "cloudflare":
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env_str("FRONTEND_CACHE_CLOUDFLARE_TOKEN"),
        "ZONEID": env_str("FRONTEND_CACHE_CLOUDFLARE_ZONEID"),
    }
elif _FRONTEND_CACHE_BACKEND == "cloudfront":
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env_str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"),
    }
# We list every language's URL ourselves: translated pages have their own slugs, and Vietnamese
# has no prefix, so Wagtail's rewriting of one URL per language would purge wrong addresses.
WAGTAILFRONTENDCACHE_LANGUAGES = []

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Vietnamese first; Khmer and English for readers.
LANGUAGE_CODE = "vi"
LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("km", "ភាសាខ្មែរ"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Wagtail has no Khmer admin catalogue; staff choose Vietnamese or English.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# The project's own strings first, then the Vietnamese of the framework's admin strings (Wagtail,
# wagtailmedia, wagtail-localize, taggit, django-filter), which their own catalogues mostly lack.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "framework"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Our own format modules make d/m/Y the short date everywhere (Django's vi default is d-m-Y).
FORMAT_MODULE_PATH = ["cms.formats"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "collected-static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = env_str("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Media on S3-compatible storage when AWS_STORAGE_BUCKET_NAME is set (cms/settings/s3.py).
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "cms.object_storage.MediaStorage"}
    from cms.settings.s3 import *  # noqa: F403
# Whitenoise (middleware) serves the hashed names of production's storage as immutable, cached
# for ten years, and the .br/.gz copies it made at collectstatic; unhashed names for 60 seconds.
# Serve MEDIA_URL from Django (cms/media.py) when no web server does: renditions immutable for a
# year, originals, audio and video for MEDIA_MAX_AGE seconds. nginx does it in production.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
MEDIA_MAX_AGE = env_int("MEDIA_MAX_AGE", 3600)

# Tasks run outside the request: emails, renditions, and Wagtail's own (reference index, CDN purges,
# file deletions, focal points) go to a table that `manage.py db_worker` works through
# (docs/deploy.md). TASK_BACKEND names another backend; the immediate one (run in the request) is
# for `make run` and tests, and production refuses it.
TASKS = {"default": {"BACKEND": env_str("TASK_BACKEND", "django_tasks_db.DatabaseBackend")}}
# A failed task of ours runs again after TASK_RETRY_SECONDS, doubling, TASK_ATTEMPTS runs in all (core/tasks.py).
TASK_ATTEMPTS, TASK_RETRY_SECONDS = env_int("TASK_ATTEMPTS", 5), env_int("TASK_RETRY_SECONDS", 30)

# Email: every message is queued (core/mail.py) and the worker sends it through
# EMAIL_DELIVERY_BACKEND (SMTP, with the settings below), retrying a failed send
# EMAIL_DELIVERY_ATTEMPTS times in all, after EMAIL_RETRY_SECONDS, then twice as long each time.
EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = env_str("EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_DELIVERY_ATTEMPTS = env_int("EMAIL_DELIVERY_ATTEMPTS", 6)
EMAIL_RETRY_SECONDS = env_int("EMAIL_RETRY_SECONDS", 120)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
# Seconds before a silent mail server counts as a failed attempt; without it one hung connection
# would hold the worker, and every task behind it, for good.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Ban Thi đua - Khen thưởng <btdkt.sonv@soctrang.gov.vn>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Public forms (submissions): addresses told besides the Board's members, the address shown to
# readers who are rate-limited, and how many complete forms one client may send per form and hour.
SUBMISSIONS_NOTIFY_EMAILS = env_list("SUBMISSIONS_NOTIFY_EMAILS")
SUBMISSIONS_CONTACT_EMAIL = env_str("SUBMISSIONS_CONTACT_EMAIL", "btdkt.sonv@soctrang.gov.vn")
SUBMISSIONS_RATE_LIMIT = env_str("SUBMISSIONS_RATE_LIMIT", "5/h")
# Months a closed submission keeps its personal data, per kind (privacy/retention.py, run daily).
_RETAIN = env_int("SUBMISSIONS_RETENTION_MONTHS", 24)
SUBMISSIONS_RETENTION_MONTHS = {"submissions.nomination": _RETAIN, "submissions.difficultyreport": _RETAIN}

# Who issues the Board's report documents (reports.documents), as the header and signature print
# them. Settings, not code: the province's bodies were renamed from 1/7/2025 (Sóc Trăng is now part
# of thành phố Cần Thơ), and a document carries the name of the body that signs it.
REPORT_SUPERIOR_BODY = env_str("REPORT_SUPERIOR_BODY", "UBND TỈNH SÓC TRĂNG")
REPORT_ISSUING_BODY = env_str("REPORT_ISSUING_BODY", "BAN THI ĐUA - KHEN THƯỞNG")
REPORT_SYMBOL = env_str("REPORT_SYMBOL", "BC-BTĐKT")
REPORT_SIGNER_TITLE = env_str("REPORT_SIGNER_TITLE", "TRƯỞNG BAN")
REPORT_PLACE = env_str("REPORT_PLACE", "Sóc Trăng")

# Wagtail
WAGTAIL_SITE_NAME = _("Sóc Trăng advanced exemplars")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# Staff read the project's Vietnamese guide (docs/huong-dan/, units/guide.py), not Wagtail's English
# release banner and guide on wagtail.org.
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Wagtail's database backend (PostgreSQL full-text, SQLite FTS5), with SQLite reading queries alike;
# the admin and the public search (search/query.py) share it. "simple": no stemming or stop words,
# since the public index holds words already folded (search/tokens.py). OpenSearch: docs/deploy.md.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "core.search_backend", "SEARCH_CONFIG": "simple"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILMEDIA = {
    "MEDIA_MODEL": "wagtailmedia.Media",
    # Formats browsers play; cms.uploads adds the size limit and the thumbnail check.
    "MEDIA_FORM_BASE": "cms.uploads.SafeMediaForm",
    "AUDIO_EXTENSIONS": ["aac", "m4a", "mp3", "ogg", "wav"],
    "VIDEO_EXTENSIONS": ["m4v", "mp4", "webm"],
}
WAGTAILMEDIA_MAX_UPLOAD_SIZE = 500 * 1024 * 1024  # ours, read by cms.uploads
# Content checks and safe file names for every admin upload (cms/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.uploads.SafeDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.uploads.SafeImageForm"
# Renditions under names nobody can guess, since drafts' images have them too (cms/storage.py).
WAGTAILIMAGES_RENDITION_STORAGE = (
    "cms.object_storage.S3RenditionStorage" if AWS_STORAGE_BUCKET_NAME else "cms.storage.RenditionStorage"
)
# Documents through Django and its checks, never a redirect to the bucket (Wagtail's remote default).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Complex page forms can exceed Django's default of 1000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security (docs/security.md). Headers every environment sends; production adds HTTPS-only ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail previews pages in a same-origin iframe, so DENY would break the editor.
X_FRAME_OPTIONS = "SAMEORIGIN"


def _origin(url):
    """The scheme and host of an absolute URL (a CDN or S3 bucket), or None for a local path."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


_ASSET_ORIGINS = sorted({url for url in (_origin(STATIC_URL), _origin(MEDIA_URL)) if url})
# The public site runs no inline script. The admin (and its previews, under /admin/) is
# Wagtail's own, which needs inline script and styles, so it is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, *_ASSET_ORIGINS],
        "style-src": [SELF, *_ASSET_ORIGINS],
        "img-src": [SELF, "data:", *_ASSET_ORIGINS],
        "media-src": [SELF, *_ASSET_ORIGINS],
        "font-src": [SELF, *_ASSET_ORIGINS],
        # Videos embedded from YouTube and Facebook (wagtail.embeds) play in their own frames.
        "frame-src": [
            SELF,
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://www.facebook.com",
            *env_list("CSP_EXTRA_FRAME_SRC"),
        ],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}

# Admin logins: locked for 30 minutes after 5 failures for one username from one address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: it refuses locked-out logins before any password check
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The 30 minutes count from the lock; trying again while locked does not start them over.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_LOCKOUT_CALLABLE = "cms.security.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_ip"
# The second factor (staffauth/policy.py): the Board, approvers, outlet editors and superusers must
# enrol, others may. Usernames listed here are spared it ("*": everyone): `make run`'s demo logins
# (dev.py) and the test suite. Production refuses it.
SECOND_FACTOR_EXEMPT_USERS = env_list("SECOND_FACTOR_EXEMPT_USERS")
OTP_TOTP_ISSUER = "Gương điển hình Sóc Trăng"
# How many reverse proxies we run in front of the site (each appends to X-Forwarded-For), and the
# addresses the nearest one connects from ("unix": a Unix socket). The header is read only on
# connections from those addresses: whoever reaches gunicorn directly could write it (core/client_address.py).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
TRUSTED_PROXY_ADDRESSES = env_addresses("TRUSTED_PROXY_ADDRESSES", ["unix", "127.0.0.1", "::1"])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
