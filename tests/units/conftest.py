import pytest

from exemplars.models import UnitSectionPage
from tests.units.exports import board, formula_names  # noqa: F401  fixtures of test_exports.py
from units.models import Role, Unit
from units.roles import add_member


@pytest.fixture
def staff(newsroom, django_user_model):
    """One user per role: two units (Kế Sách, Sở Y tế), the Board, Báo Sóc Trăng."""

    def make(username, role, unit_slug=None):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.invalid", "pw", first_name=username.split("-")[0].title()
        )
        add_member(user, role, Unit.objects.get(slug=unit_slug) if unit_slug else None)
        return user

    return {
        "ks-contributor": make("kesach-contributor", Role.CONTRIBUTOR, "huyen-ke-sach"),
        "ks-approver": make("kesach-approver", Role.APPROVER, "huyen-ke-sach"),
        "yt-contributor": make("yte-contributor", Role.CONTRIBUTOR, "so-y-te"),
        "yt-approver": make("yte-approver", Role.APPROVER, "so-y-te"),
        "board": make("board-reviewer", Role.BOARD),
        "bst-reporter": make("bst-reporter", Role.OUTLET_REPORTER, "bao-soc-trang"),
        "bst-editor": make("bst-editor", Role.OUTLET_EDITOR, "bao-soc-trang"),
        "dai-editor": make("dai-editor", Role.OUTLET_EDITOR, "dai-phat-thanh-va-truyen-hinh-soc-trang"),
    }


@pytest.fixture
def ke_sach(newsroom):
    return UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")


@pytest.fixture
def y_te(newsroom):
    return UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")
