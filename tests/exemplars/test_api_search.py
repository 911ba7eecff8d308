"""``?search=`` on the JSON API: answered on every page type, and never with a page the public may
not read. ``?search=`` without ``?type=`` was a 500: the search backend could not read the public
visibility rule (core/visibility.py) on the queryset it searches."""

import pytest
from wagtail.models import PageViewRestriction

from exemplars.models import UnitSectionPage
from tests.factories import ExemplarPageFactory
from tests.helpers import published

API = "/api/v2/pages/"
STORY = "exemplars.ExemplarPage"
# No type (every page), one type (Wagtail swaps in that model) and several (the Page queryset kept).
TYPES = [None, STORY, f"{STORY},campaigns.CampaignPage"]
SUMMARY = "Câu chuyện được Ban biên tập chọn đăng trong chuyên mục người tốt việc tốt."


def section_of(unit_slug):
    return UnitSectionPage.objects.get(unit__slug=unit_slug, locale__language_code="vi")


def story(unit_slug, title, live=True):
    page = ExemplarPageFactory(parent=section_of(unit_slug), title=title, summary=SUMMARY, live=live)
    return published(page) if live else page


@pytest.fixture
def pages(newsroom):
    draft = story("huyen-ke-sach", "Bản nháp: bếp ăn 0 đồng và giống lúa mới của ông Lý Văn Hai", live=False)
    draft.save_revision()
    private = story("huyen-ke-sach", "Hộ bà Trần Thị Nết trồng lúa, nấu cơm 0 đồng cho người nghèo")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    # A restriction on a section hides every story beneath it.
    PageViewRestriction.objects.create(
        page=section_of("so-y-te"), restriction_type=PageViewRestriction.PASSWORD, password="matkhau"
    )
    beneath = story("so-y-te", "Bác sĩ Thạch Sô Phal khám bệnh 0 đồng cho bà con trồng lúa")
    return {
        "rice": story("huyen-ke-sach", "Ông Sơn Ngọc Thạch giữ giống lúa thơm ST25"),
        "free_meals": story("thi-xa-vinh-chau", "Quán cơm 0 đồng của bà Nguyễn Thị Tư"),
        "draft": draft,
        "private": private,
        "beneath_private_section": beneath,
    }


def search(client, query, page_type=None):
    params = {"search": query} if page_type is None else {"search": query, "type": page_type}
    response = client.get(API, params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", TYPES)
@pytest.mark.parametrize(("query", "found"), [("0", "free_meals"), ("lúa", "rice")])
def test_search_finds_the_live_public_page_and_nothing_hidden(client, pages, page_type, query, found):
    data = search(client, query, page_type)

    assert {item["id"] for item in data["items"]} == {pages[found].pk}
    assert data["meta"]["total_count"] == 1
    assert data["items"][0]["title"] == pages[found].title


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", TYPES)
def test_signed_in_the_search_still_shows_only_public_pages(admin_client, pages, page_type):
    session = admin_client.session
    # Signed in, with the section's password entered: what the site would show this reader.
    session[PageViewRestriction.passed_view_restrictions_session_key] = [
        restriction.pk for restriction in PageViewRestriction.objects.all()
    ]
    session.save()

    found = {item["id"] for item in search(admin_client, "lúa", page_type)["items"]}

    assert found == {pages["rice"].pk}


@pytest.mark.django_db
def test_a_search_without_a_type_lists_the_story_as_a_story(client, pages):
    (item,) = search(client, "0")["items"]

    assert item["title"] == "Quán cơm 0 đồng của bà Nguyễn Thị Tư"
    assert item["meta"]["type"] == STORY
    assert item["meta"]["detail_url"] == f"http://testserver{API}{pages['free_meals'].pk}/"
