"""Settings come from the environment, and production refuses to run insecurely."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k" * 20 + "Q7v-9xZ_3mLp0aR8sT2uW5yB1cE4fH6j"


def read_setting(module, expression, **env):
    """Evaluate ``expression`` against django.conf.settings in a fresh interpreter."""
    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    base.update(env)
    if module:
        base["DJANGO_SETTINGS_MODULE"] = module
    code = f"import django; from django.conf import settings; django.setup(); print(repr({expression}))"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, env=base, capture_output=True, text=True, timeout=60
    )


def test_database_defaults_to_sqlite_file_in_project():
    result = read_setting("cms.settings.dev", "settings.DATABASES['default']['NAME']")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().strip("'") == str(PROJECT / "db.sqlite3")


def test_database_url_is_read():
    result = read_setting(
        "cms.settings.dev",
        "(settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'])",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/newsroom",
    )
    assert result.returncode == 0, result.stderr
    assert "postgresql" in result.stdout and "newsroom" in result.stdout


def test_redis_url_switches_the_cache_to_redis():
    result = read_setting(
        "cms.settings.dev", "settings.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/3"
    )
    assert "django_redis.cache.RedisCache" in result.stdout
    result = read_setting("cms.settings.dev", "settings.CACHES['default']['BACKEND']")
    assert "LocMemCache" in result.stdout


def test_media_root_and_email_come_from_environment():
    result = read_setting(
        "cms.settings.dev",
        "(str(settings.MEDIA_ROOT), settings.EMAIL_HOST, settings.EMAIL_PORT)",
        MEDIA_ROOT="/srv/newsroom-media",
        EMAIL_HOST="smtp.soctrang.example",
        EMAIL_PORT="587",
    )
    assert result.stdout.strip() == "('/srv/newsroom-media', 'smtp.soctrang.example', 587)"


def test_manage_py_defaults_to_dev_settings():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "manage.py", "diffsettings", "--all"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "SETTINGS_MODULE = 'cms.settings.dev'" in result.stdout


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"ALLOWED_HOSTS": "guongdienhinh.soctrang.gov.vn"}, "SECRET_KEY"),
        ({"SECRET_KEY": STRONG_KEY}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "guongdienhinh.soctrang.gov.vn"}, "SECRET_KEY"),
        ({"SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_insecure_configuration(env, named):
    result = read_setting("cms.settings.production", "settings.DEBUG", **{"SECRET_KEY": "", "ALLOWED_HOSTS": "", **env})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert named in result.stderr


def test_production_starts_with_its_variables_and_is_secure():
    result = read_setting(
        "cms.settings.production",
        "(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS)",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="guongdienhinh.soctrang.gov.vn",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(False, True, True, 31536000)"


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"TASK_BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}, "TASK_BACKEND"),
        ({"TASK_BACKEND": "django_tasks.backends.dummy.DummyBackend"}, "TASK_BACKEND"),
        ({"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend"}, "EMAIL_DELIVERY_BACKEND"),
        ({"EMAIL_DELIVERY_BACKEND": "core.mail.QueuedEmailBackend"}, "EMAIL_DELIVERY_BACKEND"),
    ],
)
def test_production_refuses_to_send_email_inside_the_request(env, named):
    result = read_setting(
        "cms.settings.production",
        "settings.DEBUG",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="guongdienhinh.soctrang.gov.vn",
        **env,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert named in result.stderr


def test_production_queues_email_for_the_worker_and_make_run_prints_a_line():
    expression = "(settings.TASKS['default']['BACKEND'], settings.EMAIL_BACKEND, settings.EMAIL_DELIVERY_BACKEND)"
    production = read_setting(
        "cms.settings.production", expression, SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="guongdienhinh.soctrang.gov.vn"
    )
    assert production.returncode == 0, production.stderr
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    assert production.stdout.strip() == repr(("django_tasks_db.DatabaseBackend", "core.mail.QueuedEmailBackend", smtp))
    dev = read_setting("cms.settings.dev", expression)
    assert dev.stdout.strip() == repr(
        (
            "django_tasks.backends.immediate.ImmediateBackend",
            "core.mail.QueuedEmailBackend",
            "core.mail.SummaryConsoleBackend",
        )
    )


def test_admin_speaks_vietnamese_with_day_first_dates(settings):
    from django.utils import formats, translation

    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert [code for code, _ in settings.WAGTAILADMIN_PERMITTED_LANGUAGES] == ["vi", "en"]
    import datetime

    with translation.override("vi"):
        assert formats.date_format(datetime.date(2019, 9, 4), "SHORT_DATE_FORMAT") == "04/09/2019"


PRODUCTION = {"SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "guongdienhinh.soctrang.gov.vn"}
SHARED_STATE = (
    "(settings.SESSION_ENGINE, {k: v['BACKEND'] for k, v in settings.CACHES.items()}, settings.RATELIMIT_USE_CACHE)"
)


def test_redis_holds_sessions_rate_limits_and_renditions_for_every_instance():
    shared = read_setting(
        "cms.settings.production", SHARED_STATE, REDIS_URL="redis://cache.internal:6379/0", **PRODUCTION
    )
    assert shared.returncode == 0, shared.stderr
    redis = "django_redis.cache.RedisCache"
    # Fragments keep a copy in each process in front of the default cache (core/fronted_cache.py).
    fronted = {"fragments": "core.fronted_cache.FrontedCache", "template_fragments": "core.fronted_cache.FrontedCache"}
    assert shared.stdout.strip() == repr(
        ("django.contrib.sessions.backends.cached_db", {"default": redis, "renditions": redis, **fronted}, "default")
    )
    alone = read_setting("cms.settings.production", SHARED_STATE, **PRODUCTION)
    locmem = "django.core.cache.backends.locmem.LocMemCache"
    assert alone.stdout.strip() == repr(
        ("django.contrib.sessions.backends.db", {"default": locmem, **fronted}, "default")
    )


def test_a_bucket_moves_uploads_and_renditions_to_s3_and_documents_still_go_through_django():
    expression = (
        "(settings.STORAGES['default']['BACKEND'], settings.WAGTAILIMAGES_RENDITION_STORAGE, settings.MEDIA_URL, "
        "settings.WAGTAILDOCS_SERVE_METHOD, settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'][-1])"
    )
    bucket = read_setting(
        "cms.settings.production",
        expression,
        AWS_STORAGE_BUCKET_NAME="guongdienhinh-media",
        AWS_S3_ENDPOINT_URL="https://s3.hcm.example.vn",
        AWS_S3_CUSTOM_DOMAIN="media.guongdienhinh.soctrang.gov.vn",
        **PRODUCTION,
    )
    assert bucket.returncode == 0, bucket.stderr
    media = "https://media.guongdienhinh.soctrang.gov.vn"
    assert bucket.stdout.strip() == repr(
        ("cms.object_storage.MediaStorage", "cms.object_storage.S3RenditionStorage", f"{media}/", "serve_view", media)
    )
    disk = read_setting("cms.settings.production", expression, **PRODUCTION)
    assert disk.stdout.strip() == repr(
        (
            "django.core.files.storage.FileSystemStorage",
            "cms.storage.RenditionStorage",
            "/media/",
            "serve_view",
            "data:",
        )
    )


@pytest.mark.parametrize(
    ("env", "named", "fix"),
    [
        ({"APP_INSTANCES": "2"}, "REDIS_URL", {"REDIS_URL": "redis://cache.internal:6379/0"}),
        (
            {"AWS_STORAGE_BUCKET_NAME": "guongdienhinh-media"},
            "AWS_S3_CUSTOM_DOMAIN",
            {"AWS_S3_CUSTOM_DOMAIN": "media.guongdienhinh.soctrang.gov.vn"},
        ),
    ],
)
def test_production_refuses_what_breaks_with_several_instances(env, named, fix):
    result = read_setting("cms.settings.production", "settings.DEBUG", **PRODUCTION, **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert named in result.stderr
    fixed = read_setting("cms.settings.production", "settings.DEBUG", **PRODUCTION, **env, **fix)
    assert fixed.returncode == 0, fixed.stderr
