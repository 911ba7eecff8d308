"""What public pages keep between requests (story cards, the story's own fragments, menus,
breadcrumbs, filter options, the home page's lists: core/fragments.py) is never shown stale: a
change readers may see shows on the next request, with the page cache off (as in every test).

Each test reads the pages once first, so that the fragments are kept, then changes something the
way editors do and reads them again."""

import pytest
from django.test import Client
from wagtail.models import Site

from campaigns.models import CampaignIndexPage
from exemplars.models import Field
from home.models import HomePage
from tests.factories import ExemplarPageFactory
from tests.helpers import at, published


def html(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


@pytest.fixture
def story(section):
    story = ExemplarPageFactory(
        parent=section, title="Ông Thạch Sô Phol giữ rừng phòng hộ", slug="giu-rung", first_published_at=at(2022, 5)
    )
    story.fields.set([Field.objects.get(slug="san-xuat-kinh-doanh")])
    return published(story)


@pytest.fixture
def home(newsroom):
    return HomePage.objects.get(locale__language_code="vi")


@pytest.mark.django_db
def test_a_story_republished_with_a_new_title_shows_it_on_the_listing_home_and_its_page(
    client, exemplar_index, home, story
):
    pages = [home.url, exemplar_index.url, story.url]
    for url in pages:
        assert "Ông Thạch Sô Phol giữ rừng phòng hộ" in html(client, url)

    story.title = "Ông Thạch Sô Phol trồng rừng ngập mặn"
    published(story)

    for url in pages:
        page = html(client, url)
        assert "Ông Thạch Sô Phol trồng rừng ngập mặn" in page, url
        assert "Ông Thạch Sô Phol giữ rừng phòng hộ" not in page, url


@pytest.mark.django_db
def test_a_renamed_field_shows_on_the_filters_the_cards_the_story_and_the_home_page(
    client, exemplar_index, home, story
):
    field = Field.objects.get(slug="san-xuat-kinh-doanh")
    for url in (home.url, exemplar_index.url, story.url):
        assert field.name in html(client, url)

    field.name = "Sản xuất nông nghiệp sạch"
    field.save()

    listing = html(client, exemplar_index.url)
    # In the filter's options and on the story's card.
    assert '<option value="san-xuat-kinh-doanh">Sản xuất nông nghiệp sạch</option>' in listing
    assert "<li>Sản xuất nông nghiệp sạch</li>" in listing
    assert "Sản xuất nông nghiệp sạch" in html(client, story.url)
    assert "Sản xuất nông nghiệp sạch" in html(client, home.url)


@pytest.mark.django_db
def test_a_renamed_unit_shows_on_the_filters_and_the_cards(client, exemplar_index, story):
    html(client, exemplar_index.url)
    unit = story.unit
    unit.name = "Huyện Kế Sách mới"
    unit.short_name = ""
    unit.save()

    listing = html(client, exemplar_index.url)
    assert f'<option value="{unit.slug}">Huyện Kế Sách mới</option>' in listing
    assert '<span class="card__unit">Huyện Kế Sách mới</span>' in listing


@pytest.mark.django_db
def test_a_renamed_menu_page_shows_in_the_menus_and_breadcrumbs_of_other_pages(client, exemplar_index, story):
    campaigns = CampaignIndexPage.objects.get(locale__language_code="vi")
    for url in (exemplar_index.url, story.url):
        assert campaigns.title in html(client, url)
    old_index_title = exemplar_index.title
    assert f">{old_index_title}</a>" in html(client, story.url)  # the story's breadcrumbs

    campaigns.title = "Các phong trào thi đua yêu nước"
    published(campaigns)
    exemplar_index.title = "Người tốt, việc tốt"
    published(exemplar_index)

    for url in (exemplar_index.url, story.url):
        page = html(client, url)
        assert '<a href="/phong-trao-thi-dua/">Các phong trào thi đua yêu nước</a>' in page, url
    story_page = html(client, story.url)
    assert ">Người tốt, việc tốt</a>" in story_page
    assert f">{old_index_title}</a>" not in story_page


@pytest.mark.django_db
def test_a_preview_shows_the_draft_and_readers_keep_seeing_the_live_story(story):
    # Readers on the site's own host, as the preview's request is: the kept fragments name the host.
    site = Site.objects.get(is_default_site=True)
    reader = Client(HTTP_HOST=site.hostname if site.port == 80 else f"{site.hostname}:{site.port}")
    assert "Ông Thạch Sô Phol giữ rừng phòng hộ" in html(reader, story.url)

    draft = story.get_latest_revision_as_object()
    draft.title = "Bản nháp chưa duyệt"
    draft.summary = "Tóm tắt của bản nháp."
    preview = draft.make_preview_request()
    assert preview.status_code == 200
    preview_html = preview.content.decode()
    assert "Tóm tắt của bản nháp." in preview_html and "Bản nháp chưa duyệt" in preview_html

    public = html(reader, story.url)
    assert "Ông Thạch Sô Phol giữ rừng phòng hộ" in public
    assert "Bản nháp chưa duyệt" not in public and "Tóm tắt của bản nháp." not in public
