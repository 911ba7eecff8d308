"""X-Forwarded-For counts only when our own proxy sent the request.

Someone who reaches gunicorn directly writes the whole header, so a new forged address on each try
must not dodge the login lockout or the public forms' rate limit (core/client_address.py).
"""

import pytest
from django.test import RequestFactory

from core.client_address import client_ip
from submissions.models import Nomination, NominationFormPage
from tests.cms.test_settings import STRONG_KEY, read_setting
from tests.submissions.conftest import nomination

LOGIN = "/admin/login/"
PASSWORD = "Mat-khau-dung-2020"
STRANGER = "198.51.100.23"  # a client on the Internet, talking to gunicorn without nginx


@pytest.fixture
def behind_nginx(settings):
    """Production's proxy settings: one nginx, on this machine or over a Unix socket."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_ADDRESSES = ["unix", "127.0.0.1", "::1"]
    return settings


@pytest.fixture
def officer(django_user_model, newsroom):
    return django_user_model.objects.create_superuser("thanh.nguyen", "thanh@example.invalid", PASSWORD)


def sign_in(client, password, address, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return client.post(LOGIN, {"username": "thanh.nguyen", "password": password}, REMOTE_ADDR=address, **headers)


def test_straight_to_gunicorn_a_new_forwarded_address_per_try_does_not_dodge_the_lockout(client, behind_nginx, officer):
    statuses = [
        sign_in(client, "sai-mat-khau", STRANGER, forwarded=f"10.9.9.{attempt}").status_code for attempt in range(5)
    ]
    locked = sign_in(client, PASSWORD, STRANGER, forwarded="10.9.9.200")

    assert statuses == [200, 200, 200, 200, 429]
    assert locked.status_code == 429
    assert "Tạm khóa đăng nhập" in locked.content.decode()


@pytest.mark.parametrize("proxy", ["127.0.0.1", "::1", ""], ids=["loopback", "loopback-ipv6", "unix-socket"])
def test_through_the_proxy_each_reader_is_counted_on_their_own(client, behind_nginx, officer, proxy):
    for _ in range(5):
        sign_in(client, "sai-mat-khau", proxy, forwarded="10.9.9.1, 203.113.1.10")

    locked = sign_in(client, PASSWORD, proxy, forwarded="203.113.1.10")
    colleague = sign_in(client, PASSWORD, proxy, forwarded="113.161.7.20")

    assert locked.status_code == 429
    assert colleague.status_code == 302


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "seen"),
    [
        (["unix", "127.0.0.1", "::1"], "198.51.100.23", "10.9.9.1", "198.51.100.23"),
        (["unix", "127.0.0.1", "::1"], "::ffff:127.0.0.1", "203.113.1.10", "203.113.1.10"),
        (["unix", "127.0.0.1", "::1"], "127.0.0.1", "not-an-address", "127.0.0.1"),
        (["10.0.0.0/24"], "10.0.0.7", "203.113.1.10", "203.113.1.10"),
        (["10.0.0.0/24"], "10.0.1.7", "203.113.1.10", "10.0.1.7"),
        (["10.0.0.0/24"], "", "203.113.1.10", ""),
        ([], "127.0.0.1", "203.113.1.10", "127.0.0.1"),
    ],
)
def test_the_forwarded_address_is_read_only_from_a_trusted_proxy(settings, trusted, remote, forwarded, seen):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_ADDRESSES = trusted
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip(request) == seen


def test_the_public_form_limit_holds_against_a_new_forwarded_address_per_post(client, behind_nginx, newsroom):
    behind_nginx.SUBMISSIONS_RATE_LIMIT = "2/h"
    page = NominationFormPage.objects.get(locale__language_code="vi")
    data = nomination()

    statuses = [
        client.post(page.url, data, REMOTE_ADDR=STRANGER, HTTP_X_FORWARDED_FOR=f"10.9.9.{n}").status_code
        for n in range(3)
    ]

    assert statuses == [302, 302, 429]
    assert Nomination.objects.count() == 2


PRODUCTION = {"SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "guongdienhinh.soctrang.gov.vn"}


def test_production_trusts_only_the_local_nginx_by_default():
    result = read_setting(
        "cms.settings.production", "(settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXY_ADDRESSES)", **PRODUCTION
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(1, ['unix', '127.0.0.1', '::1'])"


@pytest.mark.parametrize(
    ("env", "named"),
    [
        # A proxy named but not counted: every reader would share its address.
        ({"TRUSTED_PROXY_COUNT": "0", "TRUSTED_PROXY_ADDRESSES": "10.0.0.5"}, "TRUSTED_PROXY_ADDRESSES"),
        # Counted but no proxy named: nothing may send the header.
        ({"TRUSTED_PROXY_COUNT": "1", "TRUSTED_PROXY_ADDRESSES": ","}, "TRUSTED_PROXY_ADDRESSES"),
        # Trusting every address is trusting every client.
        ({"TRUSTED_PROXY_ADDRESSES": "0.0.0.0/0"}, "TRUSTED_PROXY_ADDRESSES"),
        ({"TRUSTED_PROXY_ADDRESSES": "nginx.internal"}, "TRUSTED_PROXY_ADDRESSES"),
    ],
    ids=["addresses-without-count", "count-without-addresses", "everyone", "host-name"],
)
def test_production_refuses_to_trust_forwarded_headers_without_a_proxy(env, named):
    result = read_setting("cms.settings.production", "settings.TRUSTED_PROXY_COUNT", **PRODUCTION, **env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert named in result.stderr
