"""A save that fails midway leaves no partial data: each multi-step save is one transaction.

The failures here come from real bad data that the first checks let through, so the save is
already half done when it fails. (Failures of the connection itself, midway through an import or
an admin publish, are in test_faults.py, on PostgreSQL; the connection dropping midway through the
newer admin views' saves is in each app's test_dropped_connection.py, through tests/connection_drops.py.)
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Collection, ModelLogEntry, Page

from exemplars.models import UnitSectionPage
from staffauth import devices
from tests.connection_drops import connection_drops_before
from units.models import EmulationBloc, Unit


def snapshot():
    """How many of each thing a half-done save would leave behind."""
    return {
        "units": Unit.objects.count(),
        "blocs": EmulationBloc.objects.count(),
        "pages": Page.objects.count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "users": get_user_model().objects.count(),
    }


@pytest.mark.django_db
def test_a_units_file_failing_at_its_fifth_unit_changes_nothing(tmp_path, newsroom):
    before = snapshot()
    path = tmp_path / "don-vi-2025.yaml"
    # The file passes the first checks; the fifth unit's name is longer than a name may be, which
    # only saving it finds out, after a new bloc and four new units were written.
    path.write_text(
        "blocs:\n"
        "  - {slug: khoi-xa-phuong-moi, name: Khối xã phường mới}\n"
        "units:\n"
        "  - {slug: xa-an-ninh, name: Xã An Ninh, kind: district, bloc: khoi-xa-phuong-moi}\n"
        "  - {slug: xa-phu-tam, name: Xã Phú Tâm, kind: district, bloc: khoi-xa-phuong-moi}\n"
        "  - {slug: xa-thuan-hoa, name: Xã Thuận Hòa, kind: district, bloc: khoi-xa-phuong-moi}\n"
        "  - {slug: phuong-soc-trang, name: Phường Sóc Trăng, kind: district, bloc: khoi-xa-phuong-moi}\n"
        f"  - {{slug: xa-lich-hoi-thuong, name: Xã Lịch Hội Thượng {'và vùng lân cận ' * 20}, kind: district}}\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as error:
        call_command("setup_newsroom", "--units", str(path), stdout=io.StringIO())
    assert "nothing was changed" in str(error.value)
    assert "xa-lich-hoi-thuong" in str(error.value)
    assert snapshot() == before
    assert not Unit.objects.filter(slug__in=["xa-an-ninh", "xa-phu-tam"]).exists()


@pytest.mark.django_db
def test_a_unit_added_in_the_admin_whose_section_cannot_be_made_leaves_nothing(newsroom, superuser):
    # The Board shortened the address of Kế Sách's section; a new unit then asks for that address.
    ke_sach = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")
    ke_sach.slug = "ke-sach"
    ke_sach.save_revision().publish()
    before = snapshot()
    browser = Client(raise_request_exception=False)
    browser.force_login(superuser)

    response = browser.post(
        reverse("wagtailsnippets_units_unit:add"),
        {"name": "Hợp tác xã Kế Sách", "slug": "ke-sach", "kind": "enterprise"},
    )

    # The unit row is written first; making its section then fails on the taken address.
    assert response.status_code != 302
    assert snapshot() == before
    assert not Unit.objects.filter(slug="ke-sach").exists()


@pytest.mark.django_db
def test_a_staff_file_with_an_overlong_username_is_refused_before_anything_is_written(tmp_path, newsroom):
    # SQLite would store it; PostgreSQL would fail on the fifth row, midway through the import.
    long_name = "nguyenthanhtung" * 11
    path = tmp_path / "staff.csv"
    path.write_text(
        "username,full name,email,unit slug,role\n"
        "ttbich,Trần Thị Bích,bich.tt@kesach.soctrang.gov.vn,huyen-ke-sach,contributor\n"
        "lvhung,Lê Văn Hùng,hung.lv@kesach.soctrang.gov.vn,huyen-ke-sach,approver\n"
        "ntkieu,Nguyễn Thị Kiều,kieu.nt@syt.soctrang.gov.vn,so-y-te,contributor\n"
        "dvsang,Danh Văn Sang,sang.dv@syt.soctrang.gov.vn,so-y-te,approver\n"
        f"{long_name},Nguyễn Thanh Tùng,tung.nt@soctrang.gov.vn,,board\n"
        f"kvminh,Kim Văn Minh,{'a' * 250}@soctrang.gov.vn,,translator-km\n",
        encoding="utf-8",
    )
    before = snapshot()
    with pytest.raises(CommandError) as error:
        call_command("import_staff", str(path), stdout=io.StringIO())
    message = str(error.value)
    assert "2 bad row(s); nothing was changed" in message
    assert "line 6: username" in message
    assert "line 7: email" in message
    assert snapshot() == before


@pytest.mark.django_db
def test_a_second_factor_reset_cut_off_midway_keeps_both_devices(django_user_model):
    # A lost phone: the Board resets the editor's sign-in; the connection drops after the phone
    # was deleted, before the recovery codes are. Half done, the codes would still sign in, and no
    # audit entry would say the phone was removed.
    user = django_user_model.objects.create_user("ttbich", "bich.tt@kesach.soctrang.gov.vn", "pw")
    TOTPDevice.objects.create(user=user, name=devices.PHONE, confirmed=True)
    devices.new_recovery_codes(user)

    with connection_drops_before(f'DELETE FROM "{StaticDevice._meta.db_table}"'), pytest.raises(OperationalError):
        call_command("reset_second_factor", "ttbich", stdout=io.StringIO())

    assert TOTPDevice.objects.filter(user=user).exists()
    assert StaticDevice.objects.filter(user=user).exists()
    assert not ModelLogEntry.objects.filter(action="staffauth.removed").exists()
    call_command("reset_second_factor", "ttbich", stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(user=user).exists() and not StaticDevice.objects.filter(user=user).exists()
