import datetime

import pytest

from exemplars.models import AwardType, UnitSectionPage
from submissions.models import Nomination
from tests.factories import ExemplarPageFactory
from tests.helpers import published
from tests.units.conftest import staff  # noqa: F401  one user per role
from units.models import Unit


def section_of(slug):
    return UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug=slug)


@pytest.fixture
def ke_sach_unit(newsroom):
    return Unit.objects.get(slug="huyen-ke-sach")


@pytest.fixture
def y_te_unit(newsroom):
    return Unit.objects.get(slug="so-y-te")


@pytest.fixture
def merit(newsroom):
    """Bằng khen của Chủ tịch UBND tỉnh (province level), as setup_newsroom loads the 2022 Law's list."""
    award_types = AwardType.objects.all()
    return award_types.filter(level="province", name__icontains="Bằng khen").first() or award_types.first()


def live_story(slug="huyen-ke-sach", **kwargs):
    story = ExemplarPageFactory(
        parent=section_of(slug),
        live=True,
        title=kwargs.pop("title", "Ông Lý Văn Bảy làm giàu từ mô hình lúa - tôm"),
        subject_name=kwargs.pop("subject_name", "Ông Lý Văn Bảy"),
        **kwargs,
    )
    return published(story)


@pytest.fixture
def story(newsroom):
    return live_story()


@pytest.fixture
def y_te_story(newsroom):
    return live_story("so-y-te", title="Bác sĩ Trần Thị Mai tận tụy với người bệnh", subject_name="Bác sĩ Trần Thị Mai")


@pytest.fixture
def draft_story(newsroom):
    story = ExemplarPageFactory(
        parent=section_of("huyen-ke-sach"), live=False, first_published_at=None, subject_name="Bà Sơn Thị Hoa"
    )
    story.save_revision()
    return story


@pytest.fixture
def nomination(newsroom, ke_sach_unit):
    return Nomination.objects.create(
        nominee_name="Ông Thạch Sang",
        unit=ke_sach_unit,
        achievements="Hiến 1.200 m² đất làm đường giao thông nông thôn ấp Trà Canh.",
        nominator_name="Nguyễn Văn Tư",
        language_code="vi",
    )


DECISION_DATE = datetime.date(2026, 3, 20)
