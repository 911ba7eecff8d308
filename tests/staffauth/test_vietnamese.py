"""The steps read Vietnamese, the admin's language."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.staffauth.conftest import ENROL, VERIFY, code_for, enrolled, sign_in, submit_code


def test_the_enrolment_page_reads_vietnamese(client, board_member):
    sign_in(client, "huynh.tam")

    page = client.get(ENROL).content.decode()

    assert '<html lang="vi"' in page
    assert "Thiết lập xác thực hai bước" in page
    assert "ứng dụng xác thực" in page and "mã bí mật" in page
    assert "Xác nhận và bật" in page
    assert "Đăng xuất" in page


def test_the_recovery_codes_page_reads_vietnamese(client, board_member):
    sign_in(client, "huynh.tam")
    client.get(ENROL)

    page = client.post(ENROL, {"code": code_for(TOTPDevice.objects.get(user=board_member))}).content.decode()

    assert "Mã khôi phục của bạn" in page and "chỉ dùng được một lần" in page


def test_the_verification_page_and_its_errors_read_vietnamese(client, board_member):
    enrolled(board_member)
    sign_in(client, "huynh.tam")

    page = client.get(VERIFY).content.decode()
    refused = submit_code(client, "12345678").content.decode()

    assert "Nhập mã trên điện thoại" in page and "mã khôi phục" in page
    assert "Mã này không đúng" in refused
