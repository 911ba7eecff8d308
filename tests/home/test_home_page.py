import pytest

from home.models import HomePage, StandardPage
from tests.factories import ExemplarPageFactory


@pytest.mark.django_db
def test_home_shows_featured_and_latest_stories_and_browsing(client, section, newsroom):
    home = HomePage.objects.filter(locale__language_code="vi").get()
    featured = ExemplarPageFactory(parent=section, title="Gương sáng được chọn")
    ExemplarPageFactory(parent=section, title="Câu chuyện mới nhất")
    home.featured_stories.create(story=featured)
    home.save_revision().publish()

    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gương sáng được chọn" in html and "Câu chuyện mới nhất" in html
    assert "?unit=huyen-ke-sach" in html  # browse by unit
    # Every section of the tree is reachable from the navigation.
    for slug in ["guong-dien-hinh", "phong-trao-thi-dua", "chuyen-trang-chuyen-muc", "gioi-thieu"]:
        assert f'href="/{slug}/"' in html


@pytest.mark.django_db
def test_standard_page_renders(client, newsroom):
    about = StandardPage.objects.filter(locale__language_code="vi").get(slug="gioi-thieu")
    response = client.get(about.url)
    assert response.status_code == 200
    assert "Kế hoạch số 123/KH-UBND" in response.content.decode()


@pytest.mark.django_db
def test_unknown_address_gives_the_friendly_404(client, newsroom):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
