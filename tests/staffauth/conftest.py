"""The second factor is enforced here: the test settings spare everyone else's force-logged-in users."""

import time

import pytest
from django_otp.oath import TOTP

from staffauth import devices
from units.models import Role, Unit
from units.roles import add_member

PASSWORD = "Mat-khau-dung-2020"
ADDRESS = "203.113.1.10"
ENROL = "/admin/xac-thuc-hai-buoc/enrol/"
VERIFY = "/admin/xac-thuc-hai-buoc/verify/"


@pytest.fixture(autouse=True)
def second_factor_enforced(settings):
    settings.SECOND_FACTOR_EXEMPT_USERS = []


@pytest.fixture
def person(newsroom, django_user_model):
    """A staff member with a password, playing ``role`` (for the unit ``unit_slug``), or a superuser."""

    def make(username, role=None, unit_slug=None, superuser=False):
        create = django_user_model.objects.create_superuser if superuser else django_user_model.objects.create_user
        user = create(username, f"{username}@example.invalid", PASSWORD)
        if role:
            add_member(user, role, Unit.objects.get(slug=unit_slug) if unit_slug else None)
        return user

    return make


@pytest.fixture
def board_member(person):
    return person("huynh.tam", Role.BOARD)


def code_for(device, steps_ahead=0):
    """The code the phone shows now (or ``steps_ahead`` periods of 30 seconds later: django-otp
    takes each period's code once, and accepts the next period's for a slow clock)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device):
    """A six-digit code the phone does not show in any period the device accepts now."""
    accepted = {code_for(device, steps) for steps in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in accepted)


def enrolled(user):
    """Give ``user`` a confirmed phone; returns (phone, recovery codes)."""
    phone = devices.pending_device(user)
    codes = devices.confirm(phone)
    return phone, codes


def sign_in(client, username, address=ADDRESS):
    """The password step of Wagtail's sign-in form."""
    return client.post("/admin/login/", {"username": username, "password": PASSWORD}, REMOTE_ADDR=address)


def submit_code(client, code, address=ADDRESS, next_url=""):
    return client.post(VERIFY, {"code": code, "next": next_url}, REMOTE_ADDR=address)
