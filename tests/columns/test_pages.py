import pytest

from columns.models import ColumnIndexPage, OutletPage
from tests.factories import ColumnArticlePageFactory, ColumnPageFactory, ExemplarPageFactory


@pytest.mark.django_db
def test_outlet_column_and_article_render_with_featured_story_and_transcript(client, section, newsroom):
    outlet = OutletPage.objects.filter(locale__language_code="vi").get(
        unit__slug="dai-phat-thanh-va-truyen-hinh-soc-trang"
    )
    column = ColumnPageFactory(
        parent=outlet, title="Điển hình tiên tiến", broadcast_schedule="20 giờ thứ Năm hằng tuần trên STV1"
    )
    story = ExemplarPageFactory(parent=section, title="Nhà giáo Thạch Thị Sa Pol")
    article = ColumnArticlePageFactory(
        parent=column, title="Cô giáo vùng lõi Khmer", transcript="<p>Xin chào quý vị khán giả.</p>"
    )
    article.featured_stories.create(story=story)
    article.save_revision().publish()

    index_html = client.get(ColumnIndexPage.objects.filter(locale__language_code="vi").get().url).content.decode()
    assert "Đài Phát thanh và Truyền hình Sóc Trăng" in index_html and "Điển hình tiên tiến" in index_html
    assert "Điển hình tiên tiến" in client.get(outlet.url).content.decode()
    column_html = client.get(column.url).content.decode()
    assert "20 giờ thứ Năm hằng tuần trên STV1" in column_html and "Cô giáo vùng lõi Khmer" in column_html
    article_html = client.get(article.url).content.decode()
    assert "Xin chào quý vị khán giả." in article_html
    assert "Nhà giáo Thạch Thị Sa Pol" in article_html
