"""The outlets' output: per outlet and month, articles per column, broadcasts, featured stories."""

import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Locale
from wagtailmedia.models import Media

from columns.models import OutletPage
from reports.outlets import outlet_output
from tests.factories import ColumnArticlePageFactory, ColumnPageFactory, ExemplarPageFactory
from tests.helpers import at

MARCH, APRIL = datetime.date(2020, 3, 1), datetime.date(2020, 4, 1)


def outlet(slug):
    return OutletPage.objects.get(unit__slug=slug, locale__language_code="vi")


@pytest.fixture
def newspaper(newsroom):
    return outlet("bao-soc-trang")


@pytest.fixture
def station(newsroom):
    return outlet("dai-phat-thanh-va-truyen-hinh-soc-trang")


@pytest.fixture
def output(newspaper, station, section, media_root):
    """Two outlets, three columns, articles in March and April 2020, drafts, an alias, a translation."""
    guong_sang = ColumnPageFactory(parent=newspaper, title="Gương sáng đời thường")
    nguoi_tot = ColumnPageFactory(parent=newspaper, title="Người tốt việc tốt")
    dien_hinh = ColumnPageFactory(
        parent=station, title="Điển hình tiên tiến", broadcast_schedule="20 giờ thứ Năm hằng tuần trên STV1"
    )
    story = ExemplarPageFactory(parent=section, title="Nông dân Lâm Văn Sang làm giàu từ cây lúa")
    other = ExemplarPageFactory(parent=section, title="Cô giáo Thạch Thị Sà Pol")
    draft_story = ExemplarPageFactory(parent=section, title="Truyện nháp", live=False)

    def article(column, title, when, stories=(), **kwargs):
        page = ColumnArticlePageFactory(parent=column, title=title, first_published_at=when, **kwargs)
        for featured in stories:
            page.featured_stories.create(story=featured)
        page.save()  # the inline rows are saved with their page, as the editor saves them
        return page

    # A whole month's worth in the newspaper's first column; 31 March 20:00 in Sóc Trăng is still March.
    article(guong_sang, "Người giữ rừng ở Cù Lao Dung", at(2020, 3, 12), [story, draft_story])
    article(guong_sang, "Lão nông hiến đất làm đường", at(2020, 3, 31, hour=20), [story, other])
    article(nguoi_tot, "Chàng trai hiến máu 40 lần", at(2020, 3, 2))
    article(nguoi_tot, "Bài chưa xuất bản", at(2020, 3, 3), live=False)
    # 1 April 06:00 in Sóc Trăng is still 31 March in UTC: it counts in April.
    article(guong_sang, "Người mẹ của trẻ mồ côi", at(2020, 4, 1, hour=6))
    audio = Media.objects.create(title="Số 12", file=ContentFile(b"ID3", name="so-12.mp3"), type="audio")
    aired = article(dien_hinh, "Cô giáo vùng lõi Khmer", at(2020, 3, 19), [other], media=audio)
    article(
        dien_hinh,
        "Thầy thuốc của bà con Khmer",
        at(2020, 3, 26),
        media=audio,
        aired_on=datetime.date(2020, 3, 27),
        channel="STV1",
    )
    # An alias of an article and its translation are the same piece of work: neither counts again.
    aired.create_alias(parent=nguoi_tot, update_slug="ban-sao-co-giao")
    aired.copy_for_translation(Locale.objects.get(language_code="km"), copy_parents=True)
    return {"story": story, "other": other, "columns": (guong_sang, nguoi_tot, dien_hinh)}


def figures(results):
    return {
        (result.outlet.title, result.month, column.column.title): column.articles
        for result in results
        for column in result.columns
    }


@pytest.mark.django_db
def test_articles_per_column_by_month_in_the_province_time_zone_live_and_source_language_only(output):
    results = outlet_output(datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))

    assert figures(results) == {
        ("Báo Sóc Trăng", MARCH, "Gương sáng đời thường"): 2,
        ("Báo Sóc Trăng", MARCH, "Người tốt việc tốt"): 1,
        ("Báo Sóc Trăng", APRIL, "Gương sáng đời thường"): 1,
        ("Đài Phát thanh và Truyền hình Sóc Trăng", MARCH, "Điển hình tiên tiến"): 2,
    }
    assert [(r.outlet.title, r.month, r.articles) for r in results] == [
        ("Báo Sóc Trăng", MARCH, 3),
        ("Báo Sóc Trăng", APRIL, 1),
        ("Đài Phát thanh và Truyền hình Sóc Trăng", MARCH, 2),
    ]


@pytest.mark.django_db
def test_date_range_and_outlets_narrow_the_output(output, station):
    only_april = outlet_output(datetime.date(2020, 4, 1), datetime.date(2020, 4, 30))
    assert figures(only_april) == {("Báo Sóc Trăng", APRIL, "Gương sáng đời thường"): 1}

    only_station = outlet_output(datetime.date(2020, 1, 1), datetime.date(2020, 12, 31), outlets=[station])
    assert [r.outlet for r in only_station] == [station]


@pytest.mark.django_db
def test_broadcasts_have_air_date_and_channel_and_articles_their_featured_stories(output):
    results = outlet_output(datetime.date(2020, 3, 1), datetime.date(2020, 3, 31))
    by_column = {column.column.title: column for result in results for column in result.columns}

    # Air date: the one given, else the day of first publication; channel: given, else the schedule.
    assert by_column["Điển hình tiên tiến"].broadcasts == (
        ("Cô giáo vùng lõi Khmer", datetime.date(2020, 3, 19), "20 giờ thứ Năm hằng tuần trên STV1"),
        ("Thầy thuốc của bà con Khmer", datetime.date(2020, 3, 27), "STV1"),
    )
    assert by_column["Gương sáng đời thường"].broadcasts == ()
    # Each live story once, in the order the articles named them; the draft story is left out.
    assert by_column["Gương sáng đời thường"].featured_stories == (output["story"], output["other"])
    assert [
        (detail.article.title, detail.published_on, detail.featured_stories)
        for detail in by_column["Gương sáng đời thường"].details
    ] == [
        ("Người giữ rừng ở Cù Lao Dung", datetime.date(2020, 3, 12), (output["story"],)),
        ("Lão nông hiến đất làm đường", datetime.date(2020, 3, 31), (output["story"], output["other"])),
    ]
    assert by_column["Người tốt việc tốt"].featured_stories == ()


@pytest.mark.django_db
def test_the_output_costs_four_queries_however_many_outlets_columns_and_articles(
    output, newspaper, django_assert_num_queries
):
    with django_assert_num_queries(4):
        small = outlet_output(datetime.date(2020, 3, 1), datetime.date(2020, 3, 31))
    for i in range(5):
        column = ColumnPageFactory(parent=newspaper, title=f"Chuyên mục thêm {i}")
        for day in range(1, 4):
            page = ColumnArticlePageFactory(parent=column, first_published_at=at(2020, 3, day))
            page.featured_stories.create(story=output["other"])
            page.save()
    with django_assert_num_queries(4):
        large = outlet_output(datetime.date(2020, 3, 1), datetime.date(2020, 3, 31))
    assert sum(r.articles for r in large) == sum(r.articles for r in small) + 15


@pytest.mark.django_db
def test_a_columns_weekly_target_is_judged_month_by_month_with_the_outlet_as_the_unit(newspaper):
    weekly = ColumnPageFactory(
        parent=newspaper, title="Gương sáng đời thường", target_issues=1, first_published_at=at(2020, 1, 6)
    )
    ColumnPageFactory(parent=newspaper, title="Người tốt việc tốt", first_published_at=at(2020, 1, 6))
    for day in (3, 10, 17, 24):  # one issue each week of March
        ColumnArticlePageFactory(parent=weekly, first_published_at=at(2020, 3, day))
    ColumnArticlePageFactory(parent=weekly, first_published_at=at(2020, 4, 7))

    results = outlet_output(datetime.date(2020, 2, 1), datetime.date(2020, 4, 30), today=datetime.date(2020, 4, 10))

    judged = {(r.month, c.column.title): (c.articles, c.required, c.status) for r in results for c in r.columns}
    # February published nothing and still appears, short; the column without a target does not.
    assert judged == {
        (datetime.date(2020, 2, 1), "Gương sáng đời thường"): (0, 4, "short"),
        (MARCH, "Gương sáng đời thường"): (4, 4, "met"),
        (APRIL, "Gương sáng đời thường"): (1, 4, "pending"),
    }
