"""Admin sign-in is locked for a while after repeated failures (django-axes), with a clear page."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.utils import timezone

LOGIN = "/admin/login/"
PASSWORD = "Mat-khau-dung-2020"


@pytest.fixture
def staff(django_user_model, newsroom):
    def make(username):
        return django_user_model.objects.create_superuser(username, f"{username}@example.invalid", PASSWORD)

    return make


def sign_in(client, username, password, address="203.113.1.10", **headers):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers)


def signed_in(client):
    return client.get("/admin/").status_code == 200


def fail(client, username, times, **kwargs):
    return [sign_in(client, username, "sai-mat-khau", **kwargs).status_code for _ in range(times)]


def test_five_failures_lock_the_account_even_for_the_right_password(client, staff):
    staff("thanh.nguyen")

    statuses = fail(client, "thanh.nguyen", 5)
    response = sign_in(client, "thanh.nguyen", PASSWORD)

    # Four ordinary refusals, then the lockout page from the fifth on.
    assert statuses == [200, 200, 200, 200, 429]
    assert response.status_code == 429
    text = response.content.decode()
    assert "Tạm khóa đăng nhập" in text
    assert "5 lần đăng nhập sai" in text and "30 phút" in text
    assert not signed_in(client)


def test_the_lock_touches_neither_other_accounts_nor_other_addresses(client, staff):
    staff("thanh.nguyen")
    staff("lan.tran")
    fail(client, "thanh.nguyen", 5)

    assert sign_in(client, "lan.tran", PASSWORD).status_code == 302
    client.logout()
    assert sign_in(client, "thanh.nguyen", PASSWORD, address="113.161.7.20").status_code == 302
    assert signed_in(client)


def test_the_lock_ends_after_thirty_minutes(client, staff):
    staff("thanh.nguyen")
    fail(client, "thanh.nguyen", 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=31))

    assert sign_in(client, "thanh.nguyen", PASSWORD).status_code == 302
    assert signed_in(client)


def test_trying_again_while_locked_does_not_extend_the_lock(client, staff):
    staff("thanh.nguyen")
    fail(client, "thanh.nguyen", 5)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=25))

    assert sign_in(client, "thanh.nguyen", "sai-lan-nua").status_code == 429
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=6))

    assert sign_in(client, "thanh.nguyen", PASSWORD).status_code == 302


def test_a_successful_sign_in_forgets_earlier_failures(client, staff):
    staff("thanh.nguyen")
    fail(client, "thanh.nguyen", 4)
    assert sign_in(client, "thanh.nguyen", PASSWORD).status_code == 302
    client.logout()

    assert fail(client, "thanh.nguyen", 4) == [200, 200, 200, 200]
    assert sign_in(client, "thanh.nguyen", PASSWORD).status_code == 302


def test_behind_the_proxy_a_forged_forwarded_address_does_not_dodge_the_lock(client, staff, settings):
    """nginx appends the real address to X-Forwarded-For; whatever the client put before it is ignored."""
    settings.TRUSTED_PROXY_COUNT = 1
    staff("thanh.nguyen")
    for attempt in range(5):
        forged = f"10.9.9.{attempt}, 203.113.1.10"
        sign_in(client, "thanh.nguyen", "sai", address="127.0.0.1", HTTP_X_FORWARDED_FOR=forged)

    locked = sign_in(client, "thanh.nguyen", PASSWORD, address="127.0.0.1", HTTP_X_FORWARDED_FOR="203.113.1.10")
    elsewhere = sign_in(client, "thanh.nguyen", PASSWORD, address="127.0.0.1", HTTP_X_FORWARDED_FOR="113.161.7.20")

    assert locked.status_code == 429
    assert elsewhere.status_code == 302
