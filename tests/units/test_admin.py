"""The Board manages units in the admin: filter, search and export."""

import io

import openpyxl
import pytest
from django.urls import reverse

from units.models import Unit

LIST_URL = "wagtailsnippets_units_unit:list"


def listed_names(response):
    return [unit.name for unit in response.context["object_list"]]


@pytest.mark.django_db
def test_listing_filters_by_kind_and_bloc(newsroom, admin_client):
    response = admin_client.get(reverse(LIST_URL), {"kind": "district"})
    assert response.status_code == 200
    names = listed_names(response)
    assert len(names) == 11 and "Huyện Kế Sách" in names and "Sở Y tế" not in names

    bloc = Unit.objects.get(slug="hoi-nong-dan-tinh").bloc
    names = listed_names(admin_client.get(reverse(LIST_URL), {"bloc": bloc.pk}))
    assert len(names) == 6 and "Tỉnh Đoàn" in names


@pytest.mark.django_db
def test_listing_filters_by_active_state(newsroom, admin_client):
    Unit.objects.filter(slug="so-ke-hoach-va-dau-tu").update(active_until="2025-02-28")
    active = listed_names(admin_client.get(reverse(LIST_URL), {"active": "true"}))
    inactive = listed_names(admin_client.get(reverse(LIST_URL), {"active": "false"}))
    assert "Sở Kế hoạch và Đầu tư" in inactive and "Sở Kế hoạch và Đầu tư" not in active
    assert inactive == ["Sở Kế hoạch và Đầu tư"]


@pytest.mark.django_db
def test_listing_searches_names(newsroom, admin_client):
    names = listed_names(admin_client.get(reverse(LIST_URL), {"q": "Kế Sách"}))
    assert names == ["Huyện Kế Sách"]


@pytest.mark.django_db
def test_csv_export_follows_the_filter(newsroom, admin_client):
    response = admin_client.get(reverse(LIST_URL), {"kind": "mass_organisation", "export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig") if response.streaming else response.content.decode()
    lines = [line for line in text.splitlines() if line]
    assert len(lines) == 7  # heading and six organisations
    assert "Hội Cựu chiến binh tỉnh" in text


@pytest.mark.django_db
def test_xlsx_export_has_vietnamese_names(newsroom, admin_client):
    response = admin_client.get(reverse(LIST_URL), {"kind": "district", "export": "xlsx"})
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 12
    assert "Huyện Trần Đề" in [row[0] for row in rows[1:]]


@pytest.mark.django_db
def test_adding_a_unit_in_the_admin_creates_its_section(newsroom, admin_client):
    from exemplars.models import UnitSectionPage

    response = admin_client.post(
        reverse("wagtailsnippets_units_unit:add"),
        {
            "name": "Công ty TNHH MTV Cấp nước Sóc Trăng",
            "short_name": "",
            "slug": "",
            "kind": "enterprise",
            "bloc": "",
            "contact_emails": "",
            "active_from": "",
            "active_until": "",
            "successor": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    unit = Unit.objects.get(name="Công ty TNHH MTV Cấp nước Sóc Trăng")
    assert unit.slug == "cong-ty-tnhh-mtv-cap-nuoc-soc-trang"
    section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit=unit)
    assert section.live and section.title == unit.name


@pytest.mark.django_db
def test_bad_contact_email_is_explained(newsroom, admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_units_unit:add"),
        {"name": "Đơn vị thử", "kind": "enterprise", "contact_emails": "ok@soctrang.gov.vn\nkhông-phải-email"},
    )
    assert response.status_code == 200
    assert "không-phải-email" in str(response.context["form"].errors["contact_emails"])
    assert not Unit.objects.filter(name="Đơn vị thử").exists()
