"""A story shows publicly which outlets' articles featured it, never a draft or restricted article."""

import pytest
from wagtail.models import PageViewRestriction

from columns.models import OutletPage
from exemplars.models import ExemplarRelatedStory
from tests.exemplars.test_query_counts import count_queries
from tests.factories import ColumnArticlePageFactory, ColumnPageFactory, ExemplarPageFactory
from tests.helpers import at, published


def feature(column, story, title, when, **kwargs):
    article = ColumnArticlePageFactory(parent=column, title=title, first_published_at=when, **kwargs)
    article.featured_stories.create(story=story)
    article.save()
    return article


@pytest.fixture
def newspaper(newsroom):
    return OutletPage.objects.get(unit__slug="bao-soc-trang", locale__language_code="vi")


@pytest.mark.django_db
def test_story_page_says_where_live_public_articles_featured_it(client, section, newspaper):
    column = ColumnPageFactory(parent=newspaper, title="Gương sáng đời thường")
    story = published(ExemplarPageFactory(parent=section, title="Nông dân Lâm Văn Sang làm giàu từ cây lúa"))
    live = feature(column, story, "Lão nông hiến đất làm đường", at(2020, 3, 12))
    feature(column, story, "Bài nháp về ông Sang", at(2020, 5, 2), live=False)
    private_column = ColumnPageFactory(parent=newspaper, title="Chuyên mục nội bộ")
    PageViewRestriction.objects.create(page=private_column, restriction_type=PageViewRestriction.LOGIN)
    feature(private_column, story, "Bài nội bộ", at(2020, 6, 3))

    html = client.get(story.url).content.decode()

    assert "Được giới thiệu trên" in html or "Featured in" in html
    assert "Báo Sóc Trăng · Gương sáng đời thường · " in html and "12/03/2020" in html
    assert live.url in html
    assert "Chuyên mục nội bộ" not in html and "02/05/2020" not in html and "03/06/2020" not in html


@pytest.mark.django_db
def test_story_page_costs_the_same_featured_by_one_or_many_articles(client, section, newspaper):
    column = ColumnPageFactory(parent=newspaper, title="Người tốt việc tốt")
    small = published(ExemplarPageFactory(parent=section, title="Cô giáo Thạch Thị Sà Pol"))
    large = published(ExemplarPageFactory(parent=section, title="Thầy thuốc Lâm Thị Sa Rươne"))
    ExemplarRelatedStory.objects.create(page=small, story=large)
    ExemplarRelatedStory.objects.create(page=large, story=small)
    feature(column, small, "Cô giáo vùng lõi Khmer", at(2021, 1, 5))
    for day in range(1, 8):
        feature(column, large, f"Bài số {day}", at(2021, 2, day))
    client.get(small.url)  # warm the site root and locale caches

    counts = [count_queries(client, small.url), count_queries(client, large.url)]

    assert counts[0] == counts[1], counts
    assert "Bài số 7" not in client.get(large.url).content.decode()  # the line names outlet and column
    assert client.get(large.url).content.decode().count("Báo Sóc Trăng · Người tốt việc tốt") == 7
