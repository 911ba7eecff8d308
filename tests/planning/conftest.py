import datetime

import pytest
from django.conf import settings

from columns.models import OutletPage
from planning.models import PlannedStory
from tests.factories import ColumnPageFactory
from tests.units.conftest import staff  # noqa: F401  one user per role
from units.models import Unit

MONTH = "2025-03"
DUE = datetime.date(2025, 3, 20)
CALENDAR = "/admin/lich-bien-tap/"


def unit(slug):
    return Unit.objects.get(slug=slug)


def plan(slug, title, due=DUE, **kwargs):
    return PlannedStory.objects.create(unit=unit(slug), title_idea=title, due_date=due, **kwargs)


@pytest.fixture
def ke_sach_plan(newsroom):
    return plan("huyen-ke-sach", "Nông dân Kế Sách làm giàu từ vườn dừa")


@pytest.fixture
def y_te_plan(newsroom):
    return plan("so-y-te", "Bác sĩ trạm y tế xã vùng sâu")


@pytest.fixture
def column(newsroom):
    outlet = OutletPage.objects.get(unit__slug="bao-soc-trang", locale__language_code=settings.LANGUAGE_CODE)
    return ColumnPageFactory(parent=outlet, title="Gương sáng đời thường")


@pytest.fixture
def outlet_plan(column):
    return plan("bao-soc-trang", "Kỳ 12: cô giáo người Khmer ở Trần Đề", column=column)


def calendar_page(client, user, query=f"?month={MONTH}"):
    client.force_login(user)
    return client.get(f"{CALENDAR}{query}")
