import pytest

from exemplars.models import Field
from submissions.models import DifficultyReportFormPage, NominationFormPage
from units.models import Role, Unit
from units.roles import add_member


@pytest.fixture
def nomination_page(newsroom):
    return NominationFormPage.objects.get(locale__language_code="vi")


@pytest.fixture
def report_page(newsroom):
    return DifficultyReportFormPage.objects.get(locale__language_code="vi")


@pytest.fixture
def board_member(newsroom, django_user_model):
    user = django_user_model.objects.create_user(
        "lam-thi-bich", "bich.btdkt@soctrang.gov.vn", "pw", first_name="Bích", last_name="Lâm Thị"
    )
    add_member(user, Role.BOARD)
    return user


@pytest.fixture
def contributor(newsroom, django_user_model):
    user = django_user_model.objects.create_user("kesach-contributor", "ks@example.invalid", "pw")
    add_member(user, Role.CONTRIBUTOR, Unit.objects.get(slug="huyen-ke-sach"))
    return user


@pytest.fixture
def nomination_data(newsroom):
    """A complete nomination, as a reader would type it."""
    return nomination()


@pytest.fixture
def report_data(newsroom):
    return {
        "unit": str(Unit.objects.get(slug="so-y-te").pk),
        "reporter_name": "Trần Minh Hiếu",
        "position": "Chuyên viên Phòng Tổ chức cán bộ",
        "email": "hieu.tm@soctrang.gov.vn",
        "phone": "",
        "subject": "Chưa rõ cách tính chỉ tiêu theo quý",
        "description": "Đơn vị giới thiệu hai điển hình trong tháng 3; đề nghị Ban hướng dẫn cách tính cho quý II.",
        "website": "",
        "consent": "on",
    }


def nomination():
    """A complete nomination, as a reader would type it (needs the newsroom's units and fields)."""
    return {
        "nominee_name": "Chị Thạch Thị Sa Rươl",
        "nominee_kind": "individual",
        "unit": str(Unit.objects.get(slug="huyen-ke-sach").pk),
        "address": "ấp Phú Hữu, xã An Mỹ, huyện Kế Sách",
        "field": str(Field.objects.all().first().pk),
        "achievements": "Chuyển hai công ruộng sang mô hình lúa - tôm, hướng dẫn 15 hộ trong ấp làm theo.",
        "nominator_name": "Nguyễn Văn Tâm",
        "nominator_phone": "0299 3 821 234",
        "nominator_email": "tam.nguyen@example.vn",
        "website": "",
        "consent": "on",
    }
