"""Staff search the admin without diacritics too."""

import pytest

from exemplars.models import UnitSectionPage
from tests.factories import ExemplarPageFactory


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["ke sach", "Kế Sách", "KE SACH", "huyen ke"])
def test_admin_page_search_folds_diacritics(admin_client, newsroom, query):
    section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")
    response = admin_client.get("/admin/pages/search/", {"q": query})
    assert response.status_code == 200
    assert f"/admin/pages/{section.pk}/edit/" in response.content.decode()


@pytest.mark.django_db
def test_admin_page_search_finds_stories_typed_without_diacritics(admin_client, newsroom):
    section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")
    story = ExemplarPageFactory(parent=section, title="Bác sĩ Thạch Sô Phal tận tụy với người bệnh")
    response = admin_client.get("/admin/pages/search/", {"q": "thach so phal"})
    assert f"/admin/pages/{story.pk}/edit/" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "query", "expected", "absent"),
    [
        ("/admin/snippets/units/unit/", "ke sach", "Huyện Kế Sách", "Huyện Mỹ Tú"),
        ("/admin/snippets/units/unit/", "dai phat thanh", "Đài Phát thanh và Truyền hình Sóc Trăng", "Báo Sóc Trăng"),
        ("/admin/snippets/exemplars/field/", "y duc", "Y đức", "Dạy tốt - học tốt"),
        ("/admin/snippets/exemplars/awardtype/", "huan chuong lao dong", "Huân chương Lao động hạng Nhất", "Giấy khen"),
    ],
)
def test_admin_snippet_search_folds_diacritics(admin_client, newsroom, url, query, expected, absent):
    response = admin_client.get(url, {"q": query})
    assert response.status_code == 200
    names = [str(obj) for obj in response.context["object_list"]]
    assert expected in names and absent not in names


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["Trần Văn Hai - tỷ phú trồng lúa", "tran van hai - ty phu", "Hai -", '"Trần Văn Hai" …']
)
def test_admin_page_search_finds_titles_with_a_dash(admin_client, newsroom, query):
    """SQLite's full-text syntax reads " - " as an operator; the admin finds the page on both databases."""
    section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-my-tu")
    story = ExemplarPageFactory(parent=section, title="Nông dân Trần Văn Hai - tỷ phú trồng lúa")
    response = admin_client.get("/admin/pages/search/", {"q": query})
    assert response.status_code == 200
    assert f"/admin/pages/{story.pk}/edit/" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("query", [" - ", '"', "… –"])
def test_admin_page_search_of_punctuation_alone_answers(admin_client, newsroom, query):
    assert admin_client.get("/admin/pages/search/", {"q": query}).status_code == 200
