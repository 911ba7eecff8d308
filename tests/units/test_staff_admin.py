"""The Board's staff admin: add, move, deactivate, import with a preview; and nothing beyond its reach."""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from units.models import Role, StaffMember, Unit, UnitApprovalTask
from units.roles import group_for, roles_of
from units.staff.forms import StaffImportConfirmForm

HEADER = "username,full name,email,unit slug,role\n"


def unit(slug):
    return Unit.objects.get(slug=slug)


def person(username, django_user_model):
    return django_user_model.objects.get(username=username)


def upload(client, text, name="can-bo.csv"):
    file = SimpleUploadedFile(name, text.encode("utf-8-sig"), content_type="text/csv")
    return client.post(reverse("staff:import"), {"file": file})


def token_in(response):
    match = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    return match and match.group(1)


def form_data(**fields):
    data = {
        "username": "ntmlinh",
        "full_name": "Nguyễn Thị Mỹ Linh",
        "email": "linh.ntm@kesach.soctrang.gov.vn",
        "unit": unit("huyen-ke-sach").pk,
        "role": Role.CONTRIBUTOR,
        "is_active": "on",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def board(client, staff):
    """A Board member whose admin speaks English, so the messages read as written here."""
    profile = UserProfile.get_for_user(staff["board"])
    profile.preferred_language = "en"
    profile.save()
    client.force_login(staff["board"])
    return client


@pytest.fixture
def powerful(django_user_model):
    """An account with powers given by hand (a group outside the roles): the Board must not reach it."""
    user = django_user_model.objects.create_user("it-dept", "it@example.invalid", "pw", first_name="Phòng CNTT")
    group = Group.objects.create(name="Quản trị kỹ thuật")
    group.permissions.add(Permission.objects.get(codename="change_user"))
    user.groups.add(group, group_for(Role.CONTRIBUTOR, unit("huyen-ke-sach")))
    return user


# Reach: the Board sees unit staff and site roles, never superusers or hand-made powers.


@pytest.mark.django_db
def test_board_lists_staff_of_units_and_site_roles_but_no_superuser(board, staff, superuser, powerful):
    response = board.get(reverse("staff:index"))
    assert response.status_code == 200
    html = response.content.decode()
    for username in ("kesach-contributor", "yte-approver", "bst-editor", "board-reviewer"):
        assert username in html
    assert "Huyện Kế Sách" in html
    assert superuser.username not in html
    assert powerful.username not in html
    assert reverse("staff:import") in html


@pytest.mark.django_db
def test_superuser_and_hand_made_accounts_are_404_for_the_board(board, superuser, powerful):
    for account in (superuser, powerful):
        assert board.get(reverse("staff:edit", args=[account.pk])).status_code == 404
        response = board.post(reverse("staff:edit", args=[account.pk]), form_data(username=account.username))
        assert response.status_code == 404
        assert board.get(reverse("staff:history", args=[account.pk])).status_code == 404
    superuser.refresh_from_db()
    assert superuser.is_superuser and superuser.email == "board@example.invalid"


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["ks-approver", "ks-contributor", "bst-editor"])
def test_unit_staff_get_no_access(client, staff, who, django_user_model):
    client.force_login(staff[who])
    target = staff["yt-contributor"]
    for url in (
        reverse("staff:index"),
        reverse("staff:add"),
        reverse("staff:edit", args=[target.pk]),
        reverse("staff:import"),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"yte-contributor" not in response.content
    users_before = django_user_model.objects.count()
    client.post(reverse("staff:add"), form_data(role=Role.APPROVER))
    client.post(reverse("staff:edit", args=[target.pk]), form_data(username=target.username, is_active=None))
    upload(client, HEADER + "moi,Trần Văn Mới,moi@soctrang.gov.vn,,board\n")
    forged = StaffImportConfirmForm.sign(HEADER + "moi,Trần Văn Mới,moi@soctrang.gov.vn,,board\n", staff[who], "x")
    client.post(reverse("staff:import"), {"token": forged})
    assert django_user_model.objects.count() == users_before
    target.refresh_from_db()
    assert target.is_active
    assert roles_of(staff[who]) != {Role.BOARD}


@pytest.mark.django_db
def test_staff_menu_only_for_the_board(client, staff):
    client.force_login(staff["board"])
    assert reverse("staff:index") in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(staff["ks-approver"])
    assert reverse("staff:index") not in client.get(reverse("wagtailadmin_home")).content.decode()


# Adding, moving, deactivating.


@pytest.mark.django_db
def test_board_adds_a_person_and_forged_fields_give_nothing(board, staff, django_user_model):
    admins = Group.objects.create(name="Quản trị")
    response = board.post(
        reverse("staff:add"),
        form_data(role=Role.APPROVER, is_superuser="on", is_staff="on", groups=[admins.pk], user_permissions=[1]),
    )
    assert response.status_code == 302
    linh = person("ntmlinh", django_user_model)
    assert linh.get_full_name() == "Nguyễn Thị Mỹ Linh"
    assert not linh.is_superuser and not linh.is_staff
    assert not linh.has_usable_password()
    assert list(linh.groups.all()) == [group_for(Role.APPROVER, unit("huyen-ke-sach"))]
    assert not linh.user_permissions.exists()
    assert ModelLogEntry.objects.filter(object_id=str(linh.pk), action="wagtail.create", user=staff["board"]).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "unit_slug, role, message",
    [
        ("huyen-ke-sach", Role.OUTLET_EDITOR, "has no role"),
        ("bao-soc-trang", Role.APPROVER, "has no role"),
        (None, Role.CONTRIBUTOR, "Choose the unit"),
        ("huyen-ke-sach", Role.TRANSLATOR_EN, "leave the unit empty"),
        ("so-y-te", Role.BOARD, "belong to the Board"),
        ("huyen-ke-sach", "superuser", "Select a valid choice"),
    ],
)
def test_a_role_the_unit_does_not_have_is_refused(board, staff, unit_slug, role, message, django_user_model):
    response = board.post(reverse("staff:add"), form_data(unit=unit(unit_slug).pk if unit_slug else "", role=role))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not django_user_model.objects.filter(username="ntmlinh").exists()


@pytest.mark.django_db
def test_username_taken_in_another_case_is_refused(board, staff, superuser):
    response = board.post(reverse("staff:add"), form_data(username=superuser.username.upper()))
    assert "Another account already uses this username." in response.content.decode()


@pytest.mark.django_db
def test_edit_form_shows_the_current_unit_and_role(board, staff):
    response = board.get(reverse("staff:edit", args=[staff["yt-approver"].pk]))
    form = response.context["form"]
    assert form.initial["role"] == Role.APPROVER
    assert form.initial["unit"] == unit("so-y-te").pk
    assert sorted(form.fields) == ["email", "full_name", "is_active", "role", "unit", "username"]


@pytest.mark.django_db
def test_board_moves_a_person_to_another_unit_and_role(board, staff):
    mover = staff["ks-contributor"]
    response = board.post(
        reverse("staff:edit", args=[mover.pk]),
        form_data(
            username=mover.username,
            full_name="Kesach Mới",
            email=mover.email,
            unit=unit("so-y-te").pk,
            role=Role.APPROVER,
        ),
    )
    assert response.status_code == 302
    assert list(mover.groups.all()) == [group_for(Role.APPROVER, unit("so-y-te"))]
    assert ModelLogEntry.objects.filter(object_id=str(mover.pk), action="wagtail.edit").exists()
    assert board.get(reverse("staff:history", args=[mover.pk])).status_code == 200


@pytest.mark.django_db
def test_deactivated_person_cannot_sign_in_and_gets_no_emails(board, staff, section, django_user_model):
    approver = staff["ks-approver"]
    task = UnitApprovalTask.objects.first()
    assert approver in task.approvers(section)
    response = board.post(
        reverse("staff:edit", args=[approver.pk]),
        form_data(
            username=approver.username, full_name="Kesach", email=approver.email, role=Role.APPROVER, is_active=None
        ),
    )
    assert response.status_code == 302
    approver.refresh_from_db()
    assert not approver.is_active
    visitor = Client()
    visitor.post(reverse("wagtailadmin_login"), {"username": approver.username, "password": "pw"})
    assert "_auth_user_id" not in visitor.session
    assert approver not in UnitApprovalTask.objects.first().approvers(section)
    # Still listed (filtered as inactive) and still in their unit: their revisions keep their name.
    listing = board.get(reverse("staff:index"), {"is_active": "false"}).content.decode()
    assert approver.username in listing and "kesach-contributor" not in listing
    assert roles_of(approver) == {Role.APPROVER}


@pytest.mark.django_db
def test_nobody_deletes_staff_here(board, staff, admin_client):
    target = staff["yt-contributor"]
    assert board.get(reverse("staff:delete", args=[target.pk])).status_code in (302, 403)
    assert board.post(reverse("staff:delete", args=[target.pk])).status_code in (302, 403)
    assert admin_client.post(reverse("staff:delete", args=[target.pk])).status_code in (302, 403)
    assert StaffMember.objects.filter(pk=target.pk).exists()


@pytest.mark.django_db
def test_board_member_cannot_lock_themselves_out(board, staff):
    me = staff["board"]
    response = board.post(
        reverse("staff:edit", args=[me.pk]),
        form_data(username=me.username, email=me.email, unit="", role=Role.BOARD, is_active=None),
    )
    assert "You cannot deactivate your own account." in response.content.decode()
    me.refresh_from_db()
    assert me.is_active


@pytest.mark.django_db
def test_listing_filters_and_search_without_diacritics(board, staff, django_user_model):
    staff["ks-approver"].first_name = "Lâm Văn Phúc"
    staff["ks-approver"].save()
    html = board.get(reverse("staff:index"), {"q": "lam van phuc"}).content.decode()
    assert "kesach-approver" in html and "yte-approver" not in html
    filtered = board.get(reverse("staff:index"), {"unit": unit("so-y-te").pk, "role": Role.APPROVER}).content.decode()
    assert "yte-approver" in filtered and "yte-contributor" not in filtered and "kesach-approver" not in filtered


# The CSV import: preview, then all or nothing.


@pytest.mark.django_db
def test_import_preview_changes_nothing_and_confirm_applies_it(board, staff, django_user_model):
    text = (
        HEADER
        + "ntmlinh,Nguyễn Thị Mỹ Linh,linh.ntm@kesach.soctrang.gov.vn,huyen-ke-sach,contributor\n"
        + f"kesach-approver,Kesach,{staff['ks-approver'].email},so-y-te,approver\n"
        + f"yte-contributor,Yte,{staff['yt-contributor'].email},so-y-te,contributor\n"
    )
    preview = upload(board, text)
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "ntmlinh" in html and "Nguyễn Thị Mỹ Linh" in html
    assert "Sở Y tế" in html  # the role change of kesach-approver, shown before it is applied
    assert not django_user_model.objects.filter(username="ntmlinh").exists()
    assert roles_of(staff["ks-approver"]) == {Role.APPROVER}
    assert list(staff["ks-approver"].groups.all()) == [group_for(Role.APPROVER, unit("huyen-ke-sach"))]

    response = board.post(reverse("staff:import"), {"token": token_in(preview)})
    assert response.status_code == 302
    linh = person("ntmlinh", django_user_model)
    assert list(linh.groups.all()) == [group_for(Role.CONTRIBUTOR, unit("huyen-ke-sach"))]
    assert list(staff["ks-approver"].groups.all()) == [group_for(Role.APPROVER, unit("so-y-te"))]
    assert ModelLogEntry.objects.filter(object_id=str(linh.pk), action="wagtail.create", user=staff["board"]).exists()
    assert ModelLogEntry.objects.filter(object_id=str(staff["ks-approver"].pk), action="wagtail.edit").exists()
    assert not ModelLogEntry.objects.filter(object_id=str(staff["yt-contributor"].pk)).exists()


@pytest.mark.django_db
def test_import_preview_shows_errors_per_row_and_offers_no_apply(board, staff, superuser, django_user_model):
    users_before = django_user_model.objects.count()
    preview = upload(
        board,
        HEADER
        + "ok1,Trần Văn A,a@soctrang.gov.vn,huyen-ke-sach,contributor\n"
        + "bad1,Trần Văn B,b@soctrang.gov.vn,huyen-khong-co,contributor\n"
        + f"{superuser.username},Kẻ Mạo Danh,attacker@evil.example,,board\n"
        + "bad3,Trần Văn C,c@soctrang.gov.vn,bao-soc-trang,contributor\n",
    )
    html = preview.content.decode()
    assert "huyen-khong-co" in html and "does not exist" in html
    assert "cannot be managed here" in html
    assert "has no role contributor" in html
    assert html.count('class="staff-import-error"') == 3
    assert token_in(preview) is None
    assert django_user_model.objects.count() == users_before
    superuser.refresh_from_db()
    assert superuser.email == "board@example.invalid"


@pytest.mark.django_db
@pytest.mark.parametrize("forge", ["garbage", "tampered", "other-user"])
def test_forged_confirmation_applies_nothing(board, staff, forge, django_user_model):
    text = HEADER + "moi,Trần Văn Mới,moi@soctrang.gov.vn,huyen-ke-sach,contributor\n"
    token = token_in(upload(board, text))
    if forge == "garbage":
        token = "eyJjc3YiOiJ4In0:forged:signature"
    elif forge == "tampered":
        token = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    else:
        token = StaffImportConfirmForm.sign(text, staff["yt-approver"], "whatever")
    response = board.post(reverse("staff:import"), {"token": token})
    assert response.status_code == 400
    assert "upload the file again" in response.content.decode()
    assert not django_user_model.objects.filter(username="moi").exists()


@pytest.mark.django_db
def test_staff_changed_since_preview_shows_the_new_preview_and_applies_nothing(board, staff):
    mover = staff["yt-contributor"]
    preview = upload(board, HEADER + f"{mover.username},Yte,{mover.email},so-y-te,approver\n")
    mover.email = "moi@soyte.soctrang.gov.vn"
    mover.save()
    response = board.post(reverse("staff:import"), {"token": token_in(preview)})
    assert response.status_code == 409
    assert roles_of(mover) == {Role.CONTRIBUTOR}
    assert token_in(response)  # the new preview can be applied in its turn


@pytest.mark.django_db
def test_formula_and_control_characters_in_names_are_stored_and_shown_safely(board, staff, django_user_model):
    name = '=HYPERLINK("http://evil.example","Bấm")\x01<script>alert(1)</script>'
    text = HEADER + f'ntmlinh,"{name.replace(chr(34), chr(34) * 2)}",linh@soctrang.gov.vn,huyen-ke-sach,contributor\n'
    preview = upload(board, text)
    assert "<script>alert(1)</script>" not in preview.content.decode()
    board.post(reverse("staff:import"), {"token": token_in(preview)})
    stored = person("ntmlinh", django_user_model).first_name
    assert "\x01" not in stored and stored.startswith("=HYPERLINK")
    listing = board.get(reverse("staff:index"))
    assert "<script>alert(1)</script>" not in listing.content.decode()
    export = board.get(reverse("staff:index"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    cell = next(row[0] for row in rows if "HYPERLINK" in row[0])
    assert cell.startswith("'=")


@pytest.mark.django_db
def test_upload_that_is_not_utf8_is_a_form_error(board, staff):
    file = SimpleUploadedFile("can-bo.csv", "tên,Nguyễn".encode("utf-16"), content_type="text/csv")
    response = board.post(reverse("staff:import"), {"file": file})
    assert response.status_code == 400
    assert "UTF-8" in response.content.decode()
