"""Enrolment, verification at sign-in, recovery codes, the lockout and the audit log."""

import io

from axes.models import AccessAttempt
from django.core.management import call_command
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from staffauth import audit
from tests.staffauth.conftest import ENROL, VERIFY, code_for, enrolled, sign_in, submit_code, wrong_code
from units.models import Role


def test_a_board_member_enrols_with_the_phones_code_and_gets_recovery_codes(client, board_member):
    sign_in(client, "huynh.tam")
    page = client.get(f"{ENROL}?next=/admin/pages/")
    device = TOTPDevice.objects.get(user=board_member, confirmed=False)
    assert page.status_code == 200
    assert page.context["secret"] in page.content.decode()
    assert "<svg" in page.content.decode()

    response = client.post(ENROL, {"code": code_for(device), "next": "/admin/pages/"})

    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10 and all(code in response.content.decode() for code in codes)
    assert TOTPDevice.objects.get(user=board_member).confirmed
    assert client.get("/admin/pages/").status_code == 200
    assert ModelLogEntry.objects.filter(action=audit.ENROLLED, object_id=str(board_member.pk)).exists()


def test_enrolment_refuses_a_wrong_code_and_keeps_the_secret(client, board_member):
    sign_in(client, "huynh.tam")
    first = client.get(ENROL)

    response = client.post(ENROL, {"code": wrong_code(TOTPDevice.objects.get(user=board_member))})

    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert response.context["secret"] == first.context["secret"]
    assert not TOTPDevice.objects.filter(user=board_member, confirmed=True).exists()
    assert client.get("/admin/").url.startswith(ENROL)


def test_signing_in_again_asks_for_the_code_and_then_opens_the_page_asked_for(client, board_member):
    phone, _ = enrolled(board_member)
    sign_in(client, "huynh.tam")
    assert client.get("/admin/pages/").url.startswith(VERIFY)

    response = submit_code(client, code_for(phone), next_url="/admin/pages/")

    assert response.status_code == 302 and response.url == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_the_step_never_sends_anyone_to_another_site(client, board_member):
    phone, _ = enrolled(board_member)
    sign_in(client, "huynh.tam")

    response = submit_code(client, code_for(phone), next_url="https://example.com/admin/")

    assert response.url == "/admin/"


def test_a_wrong_code_is_refused_and_counts_toward_the_lockout(client, board_member):
    phone, _ = enrolled(board_member)
    sign_in(client, "huynh.tam")

    response = submit_code(client, wrong_code(phone))

    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert client.get("/admin/").url.startswith(VERIFY)
    assert AccessAttempt.objects.get(username="huynh.tam").failures_since_start == 1


def test_five_wrong_codes_lock_the_account_and_sign_out(client, board_member):
    enrolled(board_member)
    sign_in(client, "huynh.tam")

    statuses = [submit_code(client, "12345678").status_code for _ in range(5)]

    assert statuses == [200, 200, 200, 200, 429]
    assert "_auth_user_id" not in client.session
    # Locked: the right password is refused too, from this address.
    assert sign_in(client, "huynh.tam").status_code == 429


def test_recovery_codes_work_once_each(client, board_member):
    _, codes = enrolled(board_member)
    sign_in(client, "huynh.tam")

    assert submit_code(client, codes[0].upper()).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert StaticToken.objects.filter(device__user=board_member).count() == 9
    assert ModelLogEntry.objects.filter(action=audit.RECOVERY_CODE_USED, object_id=str(board_member.pk)).exists()

    client.post("/admin/logout/")
    sign_in(client, "huynh.tam")
    assert submit_code(client, codes[0]).status_code == 200
    assert client.get("/admin/").url.startswith(VERIFY)


def test_renewing_recovery_codes_retires_the_old_ones(client, board_member, settings):
    settings.OTP_STATIC_THROTTLE_FACTOR = 0  # the old code's refusal must not delay the new code
    phone, old_codes = enrolled(board_member)
    sign_in(client, "huynh.tam")
    submit_code(client, code_for(phone))

    response = client.post("/admin/xac-thuc-hai-buoc/recovery-codes/")
    new_codes = response.context["codes"]
    client.post("/admin/logout/")
    sign_in(client, "huynh.tam")

    assert submit_code(client, old_codes[1]).status_code == 200
    assert submit_code(client, new_codes[1]).status_code == 302
    assert ModelLogEntry.objects.filter(action=audit.RECOVERY_CODES_RENEWED).count() == 1


def test_renewing_recovery_codes_needs_the_second_step(client, board_member):
    _, codes = enrolled(board_member)
    sign_in(client, "huynh.tam")

    response = client.post("/admin/xac-thuc-hai-buoc/recovery-codes/")

    assert response.url.startswith(VERIFY)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(codes)


def test_the_account_settings_show_the_state_and_offer_enrolment(client, person):
    contributor = person("my.linh", Role.CONTRIBUTOR, "huyen-ke-sach")
    sign_in(client, "my.linh")

    page = client.get("/admin/account/").content.decode()

    assert ENROL in page
    enrolled(contributor)
    assert client.get("/admin/account/").url.startswith(VERIFY)


def test_a_lost_phone_is_reset_on_the_server_and_the_user_enrols_again(client, board_member):
    enrolled(board_member)

    call_command("reset_second_factor", "huynh.tam", stdout=io.StringIO())
    sign_in(client, "huynh.tam")

    assert client.get("/admin/").url.startswith(ENROL)
    assert not StaticToken.objects.filter(device__user=board_member).exists()
    assert ModelLogEntry.objects.filter(action=audit.REMOVED, object_id=str(board_member.pk)).exists()
