"""Stories and replication records (nhân rộng) the replication tests share: a model of Huyện Mỹ Tú
taken up by Huyện Kế Sách's communes."""

import datetime

import pytest

from exemplars.models import ReplicationPage, UnitSectionPage
from tests.factories import ExemplarPageFactory
from tests.helpers import at, published
from units.models import Role, Unit
from units.roles import add_member

MODEL_TITLE = "Mô hình nuôi lươn không bùn của ông Lâm Văn Sóc"


def section_of(unit_slug, language="vi"):
    return UnitSectionPage.objects.get(unit__slug=unit_slug, locale__language_code=language)


def record(section, story, adopted_on=datetime.date(2024, 3, 15), commune="xã Phong Nẫm", live=True, **fields):
    """A replication record in ``section`` (the adopting unit's), published unless ``live`` is False."""
    fields.setdefault("district", "huyện Kế Sách")
    page = ReplicationPage(story=story, adopted_on=adopted_on, commune=commune, **fields)
    page.title = fields.pop("title", None) or f"Nhân rộng tại {page.place or section.title}"
    page.live = live
    section.add_child(instance=page)
    return published(page) if live else page


@pytest.fixture
def people(newsroom, django_user_model):
    def make(username, role, unit_slug=None):
        user = django_user_model.objects.create_user(username, f"{username}@example.invalid", "pw")
        add_member(user, role, Unit.objects.get(slug=unit_slug) if unit_slug else None)
        return user

    return {
        "ks-contributor": make("kesach-contributor", Role.CONTRIBUTOR, "huyen-ke-sach"),
        "ks-approver": make("kesach-approver", Role.APPROVER, "huyen-ke-sach"),
        "yt-contributor": make("yte-contributor", Role.CONTRIBUTOR, "so-y-te"),
        "board": make("board-reviewer", Role.BOARD),
    }


@pytest.fixture
def model_story(newsroom):
    """Huyện Mỹ Tú's live story of a model, which other units take up."""
    return published(
        ExemplarPageFactory(
            parent=section_of("huyen-my-tu"),
            title=MODEL_TITLE,
            kind="new_model",
            first_published_at=at(2023, 6, 1),
        )
    )
