import pytest

from submissions.models import DifficultyReport, Nomination
from units.models import Role, Unit
from units.roles import add_member


@pytest.fixture
def board_member(newsroom, django_user_model):
    user = django_user_model.objects.create_user(
        "lam-thi-bich", "bich.btdkt@soctrang.gov.vn", "pw", first_name="Lâm Thị Bích"
    )
    add_member(user, Role.BOARD)
    return user


@pytest.fixture
def contributor(newsroom, django_user_model):
    user = django_user_model.objects.create_user("kesach-contributor", "ks@example.invalid", "pw")
    add_member(user, Role.CONTRIBUTOR, Unit.objects.get(slug="huyen-ke-sach"))
    return user


@pytest.fixture
def translator(newsroom, django_user_model):
    user = django_user_model.objects.create_user("dich-gia-khmer", "km@example.invalid", "pw")
    add_member(user, Role.TRANSLATOR_KM)
    return user


def nomination(**values):
    defaults = {
        "nominee_name": "Chị Thạch Thị Sa Rươl",
        "nominee_kind": "individual",
        "unit": Unit.objects.get(slug="huyen-ke-sach"),
        "address": "ấp Phú Hữu, xã An Mỹ, huyện Kế Sách",
        "achievements": "Chuyển hai công ruộng sang mô hình lúa - tôm.",
        "nominator_name": "Nguyễn Văn Tâm",
        "nominator_phone": "0299 3 821 234",
        "nominator_email": "tam.nguyen@example.vn",
        "language_code": "vi",
    }
    return Nomination.objects.create(**{**defaults, **values})


def report(**values):
    defaults = {
        "unit": Unit.objects.get(slug="so-y-te"),
        "reporter_name": "Trần Minh Hiếu",
        "position": "Chuyên viên",
        "email": "hieu.tm@soctrang.gov.vn",
        "phone": "0912 345 678",
        "subject": "Chưa rõ cách tính chỉ tiêu theo quý",
        "description": "Đề nghị Ban hướng dẫn cách tính cho quý II.",
        "language_code": "vi",
    }
    return DifficultyReport.objects.create(**{**defaults, **values})
