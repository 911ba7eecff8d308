"""The public forms as a reader meets them: sending, mistakes, bots, limits, languages."""

import logging
import unicodedata

import pytest
from django.core import mail

from submissions.models import MAX_BODY_BYTES, DifficultyReport, Nomination, NominationStatus

pytestmark = pytest.mark.django_db


def test_form_page_is_private_and_carries_a_csrf_token(client, nomination_page):
    response = client.get(nomination_page.url)

    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-cache" in cache_control and "no-store" in cache_control
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Giới thiệu gương điển hình" in html
    # The honeypot is out of reach of people: hidden, silent for screen readers, not focusable.
    assert '<div class="visually-hidden" aria-hidden="true">' in html
    assert 'name="website"' in html and 'tabindex="-1"' in html


def test_a_nomination_is_stored_and_sent_to_the_board(client, nomination_page, nomination_data, board_member):
    response = client.post(nomination_page.url, nomination_data)

    assert response.status_code == 302
    assert response["Location"] == nomination_page.url + "cam-on/"
    nomination = Nomination.objects.get()
    assert nomination.nominee_name == "Chị Thạch Thị Sa Rươl"
    assert nomination.unit.slug == "huyen-ke-sach"
    assert nomination.status == NominationStatus.NEW
    assert nomination.language_code == "vi"
    [email] = mail.outbox
    assert board_member.email in email.to
    assert email.subject == "Giới thiệu gương điển hình mới: Chị Thạch Thị Sa Rươl"
    assert "lúa - tôm" in email.body and "0299 3 821 234" in email.body
    assert f"/admin/snippets/submissions/nomination/edit/{nomination.pk}/" in email.body

    thanks = client.get(response["Location"])
    assert "Cảm ơn bạn đã giới thiệu gương điển hình" in thanks.content.decode()
    assert "private" in thanks["Cache-Control"]


def test_a_difficulty_report_reaches_the_board_and_the_configured_address(
    client, settings, report_page, report_data, board_member
):
    settings.SUBMISSIONS_NOTIFY_EMAILS = ["vanthu.sonv@soctrang.gov.vn"]

    response = client.post(report_page.url, report_data)

    assert response.status_code == 302
    report = DifficultyReport.objects.get()
    assert report.unit.slug == "so-y-te" and report.subject == "Chưa rõ cách tính chỉ tiêu theo quý"
    [email] = mail.outbox
    assert set(email.to) >= {board_member.email, "vanthu.sonv@soctrang.gov.vn"}
    assert "Sở Y tế" in email.subject
    assert "Trần Minh Hiếu, Chuyên viên Phòng Tổ chức cán bộ" in email.body


def test_text_is_stored_composed(client, nomination_page, nomination_data):
    nomination_data["nominee_name"] = unicodedata.normalize("NFD", "Ông Lâm Văn Đởm")

    client.post(nomination_page.url, nomination_data)

    assert Nomination.objects.get().nominee_name == unicodedata.normalize("NFC", "Ông Lâm Văn Đởm")


def test_a_filled_honeypot_is_thanked_but_nothing_is_kept(client, nomination_page, nomination_data, board_member):
    nomination_data["website"] = "http://cheap-pills.example"

    response = client.post(nomination_page.url, nomination_data, follow=True)

    assert response.redirect_chain == [(nomination_page.url + "cam-on/", 302)]
    assert "Cảm ơn bạn đã giới thiệu gương điển hình" in response.content.decode()
    assert not Nomination.objects.exists()
    assert mail.outbox == []


def test_missing_fields_are_explained_and_nothing_is_stored(client, report_page):
    response = client.post(report_page.url, {"reporter_name": "Trần Minh Hiếu"})

    assert response.status_code == 200
    html = response.content.decode()
    # The summary links each problem to its field; the field points to its message.
    assert 'href="#id_subject"' in html and 'href="#id_unit"' in html
    assert 'aria-describedby="id_subject_error"' in html and 'aria-invalid="true"' in html
    assert "Vui lòng điền mục này." in html
    assert "Vui lòng chọn một mục." in html
    assert "Vui lòng cho biết số điện thoại hoặc email để Ban liên hệ với bạn." in html
    assert 'value="Trần Minh Hiếu"' in html
    assert not DifficultyReport.objects.exists()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("achievements", "x" * 5001, "Vui lòng giữ nội dung này trong 5000 ký tự (hiện có 5001)."),
        ("nominee_name", "Nguyễn " * 40, "Vui lòng giữ nội dung này trong 200 ký tự"),
        ("nominator_phone", "12345", "Vui lòng nhập số điện thoại từ 8 đến 15 chữ số."),
        ("nominator_email", "tam.nguyen@", "email hợp lệ"),
    ],
)
def test_field_limits_are_explained(client, nomination_page, nomination_data, field, value, message):
    nomination_data[field] = value

    response = client.post(nomination_page.url, nomination_data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Nomination.objects.exists()


def test_a_nominee_needs_a_place(client, nomination_page, nomination_data):
    nomination_data.update(unit="", address="")

    response = client.post(nomination_page.url, nomination_data)

    assert "Vui lòng cho biết xã hoặc địa chỉ của người được giới thiệu, hoặc chọn đơn vị." in response.content.decode()
    assert not Nomination.objects.exists()


def test_an_oversized_request_is_refused(client, nomination_page, nomination_data):
    nomination_data["achievements"] = "ư" * MAX_BODY_BYTES

    response = client.post(nomination_page.url, nomination_data)

    assert response.status_code == 413
    assert not Nomination.objects.exists()


def test_the_rate_limit_keeps_what_the_reader_typed(client, settings, nomination_page, nomination_data, report_page):
    settings.SUBMISSIONS_RATE_LIMIT = "2/h"
    for _ in range(2):
        assert client.post(nomination_page.url, nomination_data).status_code == 302

    response = client.post(nomination_page.url, nomination_data)

    assert response.status_code == 429
    html = response.content.decode()
    assert "gửi lại" in html and "btdkt.sonv@soctrang.gov.vn" in html
    assert 'value="Chị Thạch Thị Sa Rươl"' in html
    assert "lúa - tôm" in html
    assert "private" in response["Cache-Control"]
    assert Nomination.objects.count() == 2
    # Another reader, on another connection, is not held back.
    other = client.post(nomination_page.url, nomination_data, REMOTE_ADDR="203.113.130.7")
    assert other.status_code == 302
    assert Nomination.objects.count() == 3


def test_mistakes_do_not_use_up_the_limit(client, settings, nomination_page, nomination_data):
    settings.SUBMISSIONS_RATE_LIMIT = "1/h"
    for _ in range(3):
        client.post(nomination_page.url, {**nomination_data, "nominator_name": ""})

    assert client.post(nomination_page.url, nomination_data).status_code == 302


class FailingBackend:
    """An SMTP server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("smtp.soctrang.gov.vn:587")


def test_a_mail_failure_keeps_the_submission(client, settings, caplog, report_page, report_data, board_member):
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"

    with caplog.at_level(logging.ERROR, logger="submissions.notifications"):
        response = client.post(report_page.url, report_data)

    assert response.status_code == 302
    assert DifficultyReport.objects.count() == 1
    assert "Could not email the Board" in caplog.text


@pytest.mark.parametrize(
    "language, title, label, button",
    [
        ("en", "Nominate an exemplar", "Your name", "Send"),
        ("km", "ណែនាំគំរូឆ្នើម", "ឈ្មោះរបស់អ្នក", "ផ្ញើ"),
    ],
)
def test_translated_form_pages_speak_their_language(client, nomination_page, language, title, label, button):
    translated = nomination_page.get_translations().get(locale__language_code=language)

    response = client.get(translated.url)

    assert response.status_code == 200
    assert translated.url.startswith(f"/{language}/")
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    assert label in html and f">{button}</button>" in html
    assert "Họ và tên" not in html


def test_footer_links_to_the_forms(client, newsroom):
    html = client.get("/").content.decode()

    assert ">Giới thiệu gương điển hình</a>" in html and ">Phản ánh khó khăn, vướng mắc</a>" in html
