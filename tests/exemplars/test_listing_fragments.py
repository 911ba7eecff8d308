"""The exemplar index's kept story cards, read at once, and its kept list of units' pages
(exemplars/cards.py): never shown stale, never holding a draft, and a listing whose cards are kept
reads no story beyond its page of ids.

Each test reads the pages once first, so that the fragments are kept, then changes something the
way editors do and reads them again (the page cache is off in tests)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exemplars.models import Field
from tests.factories import ExemplarPageFactory
from tests.helpers import at, published


def html(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


@pytest.fixture
def stories(section):
    made = []
    for i, title in enumerate(["Bà Lâm Thị Sa Rươl nuôi bò sinh sản", "Ông Thạch Sô Phol giữ rừng phòng hộ"]):
        story = ExemplarPageFactory(
            parent=section,
            title=title,
            slug=f"cau-chuyen-{i}",
            summary=f"Tóm tắt số {i} của câu chuyện.",
            first_published_at=at(2022, 5 + i),
        )
        story.fields.set([Field.objects.get(slug="san-xuat-kinh-doanh")])
        made.append(published(story))
    return made


@pytest.mark.django_db
def test_a_republished_summary_shows_on_the_listing_filtered_listing_and_section(
    client, exemplar_index, section, stories
):
    story = stories[0]
    filtered = (exemplar_index.url, {"field": "san-xuat-kinh-doanh"})
    for url, params in ((exemplar_index.url, None), filtered, (section.url, None)):
        assert "Tóm tắt số 0 của câu chuyện." in html(client, url, params)

    story.summary = "Đàn bò đã lên năm mươi con."
    published(story)

    for url, params in ((exemplar_index.url, None), filtered, (section.url, None)):
        page = html(client, url, params)
        assert "Đàn bò đã lên năm mươi con." in page, url
        assert "Tóm tắt số 0 của câu chuyện." not in page, url


@pytest.mark.django_db
def test_an_unpublished_story_leaves_the_listing_and_a_new_one_shows_first(client, exemplar_index, section, stories):
    assert "Bà Lâm Thị Sa Rươl nuôi bò sinh sản" in html(client, exemplar_index.url)

    stories[0].unpublish()
    newer = ExemplarPageFactory(
        parent=section, title="Chị Trần Thị Mai làm lúa hữu cơ", slug="lua-huu-co", first_published_at=at(2023, 1)
    )
    published(newer)

    page = html(client, exemplar_index.url)
    assert "Bà Lâm Thị Sa Rươl nuôi bò sinh sản" not in page
    assert page.index("Chị Trần Thị Mai làm lúa hữu cơ") < page.index("Ông Thạch Sô Phol giữ rừng phòng hộ")


@pytest.mark.django_db
def test_a_saved_draft_never_shows_on_the_listing(client, exemplar_index, stories):
    html(client, exemplar_index.url)
    draft = stories[1].get_latest_revision_as_object()
    draft.title = "Bản nháp chưa duyệt"
    draft.save_revision()

    page = html(client, exemplar_index.url)
    assert "Ông Thạch Sô Phol giữ rừng phòng hộ" in page
    assert "Bản nháp chưa duyệt" not in page


@pytest.mark.django_db
def test_an_unpublished_section_leaves_the_units_pages_of_the_listing(client, exemplar_index, section, stories):
    assert f'<a href="{section.url}">{section.title}</a>' in html(client, exemplar_index.url)

    section.unpublish()

    assert f'<a href="{section.url}">{section.title}</a>' not in html(client, exemplar_index.url)


@pytest.mark.django_db
def test_a_listing_whose_cards_are_kept_reads_no_story_beyond_its_page_of_ids(client, exemplar_index, stories):
    html(client, exemplar_index.url)  # the cards are kept

    with CaptureQueriesContext(connection) as queries:
        page = html(client, exemplar_index.url)

    assert "Bà Lâm Thị Sa Rươl nuôi bò sinh sản" in page and "Ông Thạch Sô Phol giữ rừng phòng hộ" in page
    read = " ".join(query["sql"] for query in queries)
    # The cards' fields, units and renditions are read only to build a missing card.
    assert "exemplars_exemplarpage_fields" not in read
    assert "units_unit" not in read
