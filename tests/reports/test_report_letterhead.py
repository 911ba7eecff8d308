"""The bodies that issue and sign the report documents are settings (REPORT_*): the province's bodies
were renamed from 1/7/2025, and the Board sets the names in force without a new release."""

import io

import docx
import pytest
from django.urls import reverse

from units.models import Unit

pytestmark = pytest.mark.django_db


def header_and_signature(client, url=None, **query):
    response = client.get(url or reverse("units_reports:documents"), {"download": "1", **query})
    assert response.status_code == 200, response.content[:300]
    document = docx.Document(io.BytesIO(response.content))
    left, right = document.tables[0].rows[0].cells
    closing = document.tables[-1].rows[0].cells
    return [p.text for p in left.paragraphs], [p.text for p in right.paragraphs], closing[1].paragraphs[0].text


def test_a_renamed_body_heads_and_signs_the_boards_document(board, newsroom, settings):
    settings.REPORT_SUPERIOR_BODY = "UBND thành phố Cần Thơ"
    settings.REPORT_ISSUING_BODY = "Sở Nội vụ"
    settings.REPORT_SYMBOL = "BC-SNV"
    settings.REPORT_SIGNER_TITLE = "Giám đốc"
    settings.REPORT_PLACE = "Cần Thơ"

    left, right, signer = header_and_signature(board, document="year", year="2020")

    assert left[:2] == ["UBND THÀNH PHỐ CẦN THƠ", "SỞ NỘI VỤ"]
    assert any(line.startswith("Số:") and line.endswith("/BC-SNV") for line in left)
    assert any(line.startswith("Cần Thơ, ngày") for line in right)
    assert signer == "GIÁM ĐỐC"


def test_a_units_summary_is_dated_at_the_place_the_settings_name(client, staff, settings):
    settings.REPORT_PLACE = "Cần Thơ"
    client.force_login(staff["ks-approver"])
    ke_sach = Unit.objects.get(slug="huyen-ke-sach")

    left, right, _signer = header_and_signature(
        client, url=reverse("units_reports:unit_document", args=[ke_sach.pk]), document="year", year="2020"
    )

    assert ke_sach.name.upper() in left  # the unit issues its own summary
    assert any(line.startswith("Cần Thơ, ngày") for line in right)
