"""What a story's API entry links to (exemplars/api.py) stays out while it is private: its campaign,
its replication records and their source story, under each kind of view restriction (login,
password, groups), in the listing (loaded in bulk) and in the detail (loaded for the one page).
A signed-in reader or a password in the session changes nothing: the API answers everyone alike
(issue 22)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from campaigns.models import CampaignIndexPage
from tests.exemplars.replication_world import model_story, record, section_of  # noqa: F401  model_story: a fixture
from tests.factories import CampaignPageFactory, ExemplarPageFactory
from tests.helpers import at, published

API = "/api/v2/pages/"
STORY = "exemplars.ExemplarPage"
KINDS = [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD, PageViewRestriction.GROUPS]

pytestmark = pytest.mark.django_db


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password="bi-mat")
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.create(name="Cán bộ Văn phòng Ban Thi đua")])


def entries(client, story, fields):
    """The story's entry in the listing and in its detail."""
    listing = client.get(API, {"type": STORY, "fields": fields, "order": "-id"}).json()["items"]
    [listed] = [item for item in listing if item["id"] == story.pk]
    return {"listing": listed, "detail": client.get(f"{API}{story.pk}/").json()}


@pytest.fixture
def campaign_story(newsroom):
    campaigns = CampaignIndexPage.objects.get(locale__language_code="vi")
    campaign = published(CampaignPageFactory(parent=campaigns, title="Chung sức xây dựng nông thôn mới"))
    story = published(
        ExemplarPageFactory(
            parent=section_of("huyen-ke-sach"),
            title="Bà Nguyễn Thị Hồng làm đường ở Xã Đại Ân 2",
            campaign=campaign,
            first_published_at=at(2023, 9),
        )
    )
    return story, campaign


@pytest.mark.parametrize("kind", KINDS)
def test_a_private_campaign_is_not_linked(client, campaign_story, kind):
    story, campaign = campaign_story
    for entry in entries(client, story, "campaign").values():
        assert entry["campaign"]["title"] == "Chung sức xây dựng nông thôn mới"

    restrict(campaign, kind)

    for where, entry in entries(client, story, "campaign").items():
        assert entry["campaign"] is None, where


@pytest.mark.parametrize("kind", KINDS)
def test_a_private_replication_record_is_not_listed(client, model_story, kind):  # noqa: F811
    kept = record(section_of("huyen-ke-sach"), model_story, commune="xã An Mỹ")
    hidden = record(section_of("huyen-my-xuyen"), model_story, commune="xã Đại Tâm")

    restrict(hidden, kind)

    for where, entry in entries(client, model_story, "replications").items():
        assert [item["commune"] for item in entry["replications"]] == [kept.commune], where


@pytest.mark.parametrize("kind", KINDS)
def test_a_private_source_story_is_not_linked(client, model_story, kind):  # noqa: F811
    source = published(
        ExemplarPageFactory(
            parent=section_of("huyen-ke-sach"), title="Ông Lâm Văn Đởm nuôi lươn", first_published_at=at(2022, 5)
        )
    )
    record(section_of("huyen-ke-sach"), model_story, source_story=source)
    for entry in entries(client, model_story, "replications").values():
        assert entry["replications"][0]["source_story"]["title"] == "Ông Lâm Văn Đởm nuôi lươn"

    restrict(source, kind)

    for where, entry in entries(client, model_story, "replications").items():
        [replication] = entry["replications"]
        assert replication["source_story"] is None, where


def test_a_record_is_given_whole_newest_adoption_first(client, model_story, media_root):  # noqa: F811
    document = get_document_model().objects.create(
        title="Kế hoạch nhân rộng", file=ContentFile("Kế hoạch số 12/KH-UBND.\n".encode(), name="ke-hoach-12.txt")
    )
    ke_sach = section_of("huyen-ke-sach")
    full = record(
        ke_sach,
        model_story,
        commune="xã An Mỹ",
        scale_value="120",
        scale_unit="other",
        scale_unit_other="tổ hợp tác",
        source_document=document,
        note="Theo mô hình của ông Lâm Văn Sóc.",
    )
    same_day = record(ke_sach, model_story, commune="xã Ba Trinh", scale_value="35.5", scale_unit="hectares")
    newest = record(ke_sach, model_story, adopted_on=datetime.date(2024, 5, 1), commune="", district="")

    for where, entry in entries(client, model_story, "replications").items():
        first, second, third = entry["replications"]
        assert [first["title"], second["title"], third["title"]] == [newest.title, same_day.title, full.title], where
        assert (first["place"], first["commune"], first["district"], first["scale"]) == ("Huyện Kế Sách", "", "", "")
        assert first["scale_value"] is None and first["source_document"] is None
        assert second["scale_unit"] == "hectares"
        assert third == {
            "title": "Nhân rộng tại xã An Mỹ, huyện Kế Sách",
            "place": "xã An Mỹ, huyện Kế Sách",
            "commune": "xã An Mỹ",
            "district": "huyện Kế Sách",
            "unit": {"slug": "huyen-ke-sach", "name": "Huyện Kế Sách"},
            "adopted_on": "2024-03-15",
            "scale_value": "120.00",
            "scale_unit": "tổ hợp tác",
            "scale": "120 tổ hợp tác",
            "source_story": None,
            "source_document": "http://testserver" + document.url,
            "note": "Theo mô hình của ông Lâm Văn Sóc.",
        }, where
