"""The Board's lists of what the public sent: only the Board sees them, filters and exports them."""

import pytest
from django.urls import reverse

from submissions.models import DifficultyReport, Nomination, NominationStatus
from units.models import Unit

pytestmark = pytest.mark.django_db

NOMINATIONS = reverse("wagtailsnippets_submissions_nomination:list")
REPORTS = reverse("wagtailsnippets_submissions_difficultyreport:list")


@pytest.fixture
def nominations(newsroom):
    ke_sach = Unit.objects.get(slug="huyen-ke-sach")
    return [
        Nomination.objects.create(
            nominee_name="Chị Thạch Thị Sa Rươl",
            unit=ke_sach,
            achievements="Mô hình lúa - tôm cho 15 hộ trong ấp.",
            nominator_name="Nguyễn Văn Tâm",
            nominator_phone="0299 3821234",
            language_code="vi",
        ),
        Nomination.objects.create(
            nominee_name="Hợp tác xã Nông nghiệp Hòa Tú",
            nominee_kind="collective",
            address="xã Hòa Tú 1, huyện Mỹ Xuyên",
            achievements="Liên kết tiêu thụ lúa ST25 cho 120 xã viên.",
            nominator_name="Lý Thị Mai",
            nominator_email="mai.ly@example.vn",
            status=NominationStatus.REVIEWED,
            language_code="km",
        ),
    ]


def test_the_board_lists_filters_and_searches_nominations(client, board_member, nominations):
    client.force_login(board_member)

    everything = client.get(NOMINATIONS).content.decode()
    reviewed = client.get(NOMINATIONS, {"status": "reviewed"}).content.decode()
    found = client.get(NOMINATIONS, {"q": "hoa tu"}).content.decode()

    assert "Chị Thạch Thị Sa Rươl" in everything and "Hợp tác xã Nông nghiệp Hòa Tú" in everything
    assert "Hợp tác xã Nông nghiệp Hòa Tú" in reviewed and "Chị Thạch Thị Sa Rươl" not in reviewed
    assert "Hợp tác xã Nông nghiệp Hòa Tú" in found and "Chị Thạch Thị Sa Rươl" not in found


def test_the_board_exports_nominations_as_csv(client, board_member, nominations):
    client.force_login(board_member)

    response = client.get(NOMINATIONS, {"export": "csv", "unit": nominations[0].unit_id})

    assert response.status_code == 200
    assert "gioi-thieu-guong-dien-hinh" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    header, *rows = text.strip().splitlines()
    assert "Tên người được giới thiệu" in header and "Điện thoại người giới thiệu" in header
    assert header.startswith("Ngày nhận")
    assert len(rows) == 1
    assert "Chị Thạch Thị Sa Rươl" in rows[0] and "Huyện Kế Sách" in rows[0] and "0299 3821234" in rows[0]


def test_the_board_marks_a_report_handled(client, board_member):
    report = DifficultyReport.objects.create(
        unit=Unit.objects.get(slug="so-y-te"),
        reporter_name="Trần Minh Hiếu",
        subject="Chưa rõ cách tính chỉ tiêu theo quý",
        description="Đề nghị Ban hướng dẫn.",
        email="hieu.tm@soctrang.gov.vn",
        language_code="vi",
    )
    client.force_login(board_member)
    edit_url = reverse("wagtailsnippets_submissions_difficultyreport:edit", args=[report.pk])
    form = client.get(edit_url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(unit=report.unit_id, status="resolved", board_notes="Đã trả lời bằng Công văn số 45/BTĐKT.")

    response = client.post(edit_url, data)

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "resolved"
    assert report.board_notes == "Đã trả lời bằng Công văn số 45/BTĐKT."
    assert "Chưa rõ cách tính chỉ tiêu theo quý" in client.get(REPORTS, {"status": "resolved"}).content.decode()
    assert "Chưa rõ cách tính chỉ tiêu theo quý" not in client.get(REPORTS, {"status": "new"}).content.decode()


def test_a_unit_contributor_sees_no_submissions(client, contributor, board_member, nominations):
    client.force_login(board_member)
    assert NOMINATIONS in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(contributor)

    assert client.get(NOMINATIONS).status_code in (302, 403)
    assert client.get(REPORTS).status_code in (302, 403)
    assert client.get(NOMINATIONS, {"export": "csv"}).status_code in (302, 403)
    assert NOMINATIONS not in client.get(reverse("wagtailadmin_home")).content.decode()
