import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from wagtail.users.models import UserProfile

from columns.models import OutletPage
from tests.factories import ColumnPageFactory
from tests.wordimport import word_samples as samples
from units.models import Role, Unit
from units.roles import add_member


@pytest.fixture(autouse=True)
def in_english():
    """Messages are read in English here (the admin's Vietnamese comes from the catalogue); the
    staff below choose English as their admin language."""
    with translation.override("en"):
        yield


def staff(django_user_model, username, role, unit_slug):
    user = django_user_model.objects.create_user(username, f"{username}@example.invalid", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    add_member(user, role, Unit.objects.get(slug=unit_slug))
    return user


@pytest.fixture
def contributor(newsroom, django_user_model):
    return staff(django_user_model, "kesach-contributor", Role.CONTRIBUTOR, "huyen-ke-sach")


@pytest.fixture
def other_contributor(newsroom, django_user_model):
    return staff(django_user_model, "yte-contributor", Role.CONTRIBUTOR, "so-y-te")


@pytest.fixture
def reporter(newsroom, django_user_model):
    return staff(django_user_model, "baost-reporter", Role.OUTLET_REPORTER, "bao-soc-trang")


@pytest.fixture
def column(newsroom):
    outlet = OutletPage.objects.filter(locale__language_code="vi").get(unit__slug="bao-soc-trang")
    return ColumnPageFactory(parent=outlet, title="Gương sáng đời thường")


def docx(data=None, name=samples.STORY_FILE_NAME):
    return SimpleUploadedFile(
        name,
        samples.story_with_pictures_and_table() if data is None else data,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
