"""import_staff: a good file creates and updates accounts; a bad one changes nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from units.models import Role
from units.roles import group_for, roles_of

HEADER = "username,full name,email,unit slug,role\n"


def run(tmp_path, text):
    path = tmp_path / "staff.csv"
    path.write_text(text, encoding="utf-8-sig")
    out = io.StringIO()
    call_command("import_staff", str(path), stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_good_file_creates_users_in_their_unit_groups(tmp_path, newsroom):
    output = run(
        tmp_path,
        HEADER
        + "ntmlinh,Nguyễn Thị Mỹ Linh,linh.ntm@kesach.soctrang.gov.vn,huyen-ke-sach,contributor\n"
        + "lvphuc,Lâm Văn Phúc,phuc.lv@kesach.soctrang.gov.vn,huyen-ke-sach,approver\n"
        + "httam,Huỳnh Thanh Tâm,tam.ht@soctrang.gov.vn,,board\n"
        + "ptrang,Phạm Thu Trang,trang@baosoctrang.org.vn,bao-soc-trang,outlet-editor\n"
        + "dskhum,Danh Sóc Khum,khum@soctrang.gov.vn,,translator-km\n",
    )
    assert "5 user(s) created, 0 updated" in output
    User = get_user_model()
    linh = User.objects.get(username="ntmlinh")
    assert linh.get_full_name() == "Nguyễn Thị Mỹ Linh"
    assert not linh.has_usable_password()
    from units.models import Unit

    assert linh.groups.get() == group_for(Role.CONTRIBUTOR, Unit.objects.get(slug="huyen-ke-sach"))
    assert roles_of(User.objects.get(username="httam")) == {Role.BOARD}
    assert roles_of(User.objects.get(username="dskhum")) == {Role.TRANSLATOR_KM}


@pytest.mark.django_db
def test_running_again_updates_role_and_email(tmp_path, newsroom):
    run(tmp_path, HEADER + "lvphuc,Lâm Văn Phúc,phuc@kesach.soctrang.gov.vn,huyen-ke-sach,contributor\n")
    output = run(tmp_path, HEADER + "lvphuc,Lâm Văn Phúc,phuc.moi@kesach.soctrang.gov.vn,huyen-ke-sach,approver\n")
    assert "0 user(s) created, 1 updated" in output
    user = get_user_model().objects.get(username="lvphuc")
    assert user.email == "phuc.moi@kesach.soctrang.gov.vn"
    assert roles_of(user) == {Role.APPROVER}


@pytest.mark.django_db
def test_bad_file_changes_nothing_and_lists_every_bad_row(tmp_path, newsroom):
    users_before = get_user_model().objects.count()
    with pytest.raises(CommandError) as error:
        run(
            tmp_path,
            HEADER
            + "ok1,Trần Văn A,a@soctrang.gov.vn,huyen-ke-sach,contributor\n"
            + "bad1,Trần Văn B,b@soctrang.gov.vn,huyen-khong-co,contributor\n"
            + "bad2,Trần Văn C,c@soctrang.gov.vn,huyen-ke-sach,editor\n"
            + "ok1,Trần Văn D,d@soctrang.gov.vn,so-y-te,approver\n"
            + "bad4,Trần Văn E,không-phải-email,so-y-te,approver\n"
            + "bad5,Trần Văn F,f@soctrang.gov.vn,bao-soc-trang,contributor\n",
        )
    message = str(error.value)
    assert "5 bad row(s); nothing was changed" in message
    assert "line 3: unit 'huyen-khong-co' does not exist" in message
    assert "line 4: role 'editor' is not one of" in message
    assert "line 5: username 'ok1' already appears on line 2" in message
    assert "line 6: email 'không-phải-email' is not a valid address" in message
    assert "line 7: a " in message and "has no role contributor" in message
    assert get_user_model().objects.count() == users_before


@pytest.mark.django_db
def test_wrong_header_is_explained(tmp_path, newsroom):
    with pytest.raises(CommandError, match="header must be"):
        run(tmp_path, "user,name\nx,y\n")
