"""The demo logins' exemption: on in development (`make run`), refused by production."""

import os
import subprocess
import sys
from pathlib import Path

from tests.staffauth.conftest import ENROL
from units.models import Role

PROJECT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "k" * 20 + "Q7v-9xZ_3mLp0aR8sT2uW5yB1cE4fH6j",
    "ALLOWED_HOSTS": "guongdienhinh.soctrang.vn",
}


def read_setting(module, expression, **env):
    """Evaluate ``expression`` against django.conf.settings in a fresh interpreter."""
    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    base.update(env, DJANGO_SETTINGS_MODULE=module)
    code = f"import django; from django.conf import settings; django.setup(); print(repr({expression}))"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, env=base, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_the_exemption_by_name():
    result = read_setting(
        "cms.settings.production",
        "settings.SECOND_FACTOR_EXEMPT_USERS",
        SECOND_FACTOR_EXEMPT_USERS="board",
        **PRODUCTION_ENV,
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "SECOND_FACTOR_EXEMPT_USERS" in result.stderr


def test_production_spares_nobody_by_default():
    result = read_setting("cms.settings.production", "settings.SECOND_FACTOR_EXEMPT_USERS", **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_development_spares_the_demo_logins():
    result = read_setting("cms.settings.dev", "settings.SECOND_FACTOR_EXEMPT_USERS")

    assert result.returncode == 0, result.stderr
    spared = eval(result.stdout)  # noqa: S307 - the repr of a list of strings, printed above
    assert {"admin", "board", "kesach-approver", "baost-editor", "kesach-contributor"} <= set(spared)


def test_a_spared_demo_login_reaches_the_admin_and_others_still_enrol(client, settings, person):
    settings.SECOND_FACTOR_EXEMPT_USERS = ["board"]
    demo_board = person("board", Role.BOARD)
    other = person("huynh.tam", Role.BOARD)

    client.force_login(demo_board)
    assert client.get("/admin/").status_code == 200
    client.force_login(other)
    assert client.get("/admin/").url.startswith(ENROL)
