"""A Board member sets up two-step sign-in in a real browser (issue 18, item 4): signing in with the
password leads to the enrolment page, the test reads the secret key there as a person would type it
into an authenticator app, computes the app's code, turns the second factor on, then signs in again
in a new browser with the password and the next code."""

import base64
import time

import pytest
from django_otp.oath import TOTP

from tests.e2e.conftest import screenshot
from units.models import Role
from units.roles import add_member

PASSWORD = "Mat-khau-dung-2020"


def phone_code(secret, periods_ahead=0):
    """What an authenticator app shows for ``secret`` (base32, as the page prints it)."""
    totp = TOTP(base64.b32decode(secret.replace(" ", "")))
    totp.time = time.time() + periods_ahead * totp.step
    return f"{totp.token():06d}"


@pytest.fixture
def board_member(fresh_newsroom, settings, django_user_model):
    settings.SECOND_FACTOR_EXEMPT_USERS = []  # enforced, as in production
    user = django_user_model.objects.create_user("huynh.tam", "tam@example.invalid", PASSWORD)
    add_member(user, Role.BOARD)
    return user


def sign_in_with_password(page, next_path):
    page.goto(next_path)
    page.fill("input[name=username]", "huynh.tam")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login-form button[type=submit]")


def submit_code(page, code):
    page.fill("input[name=code]", code)
    page.locator("form:has(input[name=code]) button[type=submit]").click()


@pytest.mark.e2e
def test_a_board_member_enrols_and_signs_in_again_with_a_code(new_page, board_member):
    page = new_page()
    sign_in_with_password(page, "/admin/pages/")
    page.wait_for_url("**/admin/xac-thuc-hai-buoc/enrol/**")
    assert page.locator("main#main > h1").text_content().strip() == "Thiết lập xác thực hai bước"
    assert page.locator(".staffauth-qr svg").count() == 1
    screenshot(page, "second-factor-enrol")

    secret = page.locator("#staffauth-secret").text_content()
    submit_code(page, phone_code(secret))

    codes = page.locator("#staffauth-codes li")
    codes.first.wait_for()
    assert codes.count() == 10
    page.get_by_role("link", name="Tôi đã lưu các mã: tiếp tục").click()
    page.wait_for_url("**/admin/pages/")

    again = new_page()
    sign_in_with_password(again, "/admin/")
    again.wait_for_url("**/admin/xac-thuc-hai-buoc/verify/**")
    screenshot(again, "second-factor-verify")
    # The enrolment used this period's code, which is good once: the app's next code.
    submit_code(again, phone_code(secret, periods_ahead=1))
    again.wait_for_url(lambda url: url.endswith("/admin/"))
    assert again.locator("#wagtail-sidebar").count() == 1
