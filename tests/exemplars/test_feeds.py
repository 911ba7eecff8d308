"""RSS 2.0 and Atom feeds: valid, complete, only what readers may see, in each language, at a fixed cost."""

import datetime
import html

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.images.models import Image
from wagtail.models import Locale

from campaigns.models import CampaignIndexPage
from columns.models import OutletPage
from exemplars.models import ExemplarPage, Field, UnitSectionPage
from tests.factories import (
    CampaignPageFactory,
    ColumnArticlePageFactory,
    ColumnPageFactory,
    ExemplarPageFactory,
)
from tests.helpers import at, png, published

FORMATS = ["rss", "atom"]


def png_image(title="Ảnh ông Sơn"):
    return Image.objects.create(title=title, file=png("anh-feed.png", size=(40, 30)))


def feed_rendition(image):
    """The rendition the feeds made (from the database: Wagtail's rendition cache outlives a test)."""
    return image.renditions.get(filter_spec="fill-1200x630")


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, (url, parsed.get("bozo_exception"))
    return response, parsed


def titles(parsed):
    return [entry.title for entry in parsed.entries]


def entry_titled(parsed, title):
    return next(entry for entry in parsed.entries if entry.title == title)


@pytest.fixture
def world(newsroom):
    """Published stories in two units, two fields and a campaign; a column with two articles."""
    ke_sach = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")
    y_te = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")
    nong_thon = Field.objects.get(slug="xay-dung-nong-thon-moi")
    y_duc = Field.objects.get(slug="y-duc")
    campaign = published(
        CampaignPageFactory(
            parent=CampaignIndexPage.objects.get(locale__language_code="vi"),
            title="Phong trào Sóc Trăng chung sức xây dựng nông thôn mới",
            slug="chung-suc-nong-thon-moi",
            summary="Phát động toàn tỉnh từ năm 2016.",
        )
    )
    image = png_image()

    def story(parent, title, when, fields, **values):
        page = ExemplarPageFactory(parent=parent, title=title, first_published_at=when, **values)
        page.fields.set(fields)
        return published(page)

    made = {
        "road": story(
            ke_sach,
            "Ông Sơn Thươl hiến đất làm đường & cầu",
            at(2020, 3),
            [nong_thon],
            campaign=campaign,
            main_image=image,
            summary="Ông hiến 500 m² đất <để> làm đường.",
        ),
        "rice": story(ke_sach, "Mô hình lúa - tôm ở An Mỹ", at(2020, 1), [nong_thon]),
        "doctor": story(y_te, "Bác sĩ Lâm Thị Sa Rươne", at(2020, 2), [y_duc]),
    }
    outlet = OutletPage.objects.filter(locale__language_code="vi").get(unit__slug="bao-soc-trang")
    column = published(ColumnPageFactory(parent=outlet, title="Gương sáng đời thường", slug="guong-sang-doi-thuong"))
    made["column"] = column
    made["article"] = published(
        ColumnArticlePageFactory(
            parent=column, title="Người điển hình vùng giồng cát", first_published_at=at(2020, 8), main_image=image
        )
    )
    made["older_article"] = published(
        ColumnArticlePageFactory(parent=column, title="Chuyện ấp Trà Canh", first_published_at=at(2020, 4))
    )
    made["campaign"] = campaign
    made["image"] = image
    return made


STORY_TITLES = ["Ông Sơn Thươl hiến đất làm đường & cầu", "Bác sĩ Lâm Thị Sa Rươne", "Mô hình lúa - tôm ở An Mỹ"]

# (URL name, slug, expected titles newest first)
FEEDS = [
    ("feed_stories", None, STORY_TITLES),
    ("feed_field", "xay-dung-nong-thon-moi", ["Ông Sơn Thươl hiến đất làm đường & cầu", "Mô hình lúa - tôm ở An Mỹ"]),
    ("feed_field", "y-duc", ["Bác sĩ Lâm Thị Sa Rươne"]),
    ("feed_unit", "huyen-ke-sach", ["Ông Sơn Thươl hiến đất làm đường & cầu", "Mô hình lúa - tôm ở An Mỹ"]),
    ("feed_unit", "so-y-te", ["Bác sĩ Lâm Thị Sa Rươne"]),
    ("feed_campaign", "chung-suc-nong-thon-moi", ["Ông Sơn Thươl hiến đất làm đường & cầu"]),
    ("feed_column", "guong-sang-doi-thuong", ["Người điển hình vùng giồng cát", "Chuyện ấp Trà Canh"]),
]


def feed_url(name, format, slug=None):
    """The feed's Vietnamese address (reverse() would follow a language left active by a request)."""
    kwargs = {"format": format}
    if slug is not None:
        kwargs["slug"] = slug
    with translation.override("vi"):
        return reverse(name, kwargs=kwargs)


@pytest.mark.django_db
@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize(("name", "slug", "expected"), FEEDS)
def test_every_feed_is_valid_and_lists_its_items_newest_first(client, world, format, name, slug, expected):
    response, parsed = fetch(client, feed_url(name, format, slug))
    assert response["Content-Type"].startswith("application/rss+xml" if format == "rss" else "application/atom+xml")
    assert parsed.version == ("rss20" if format == "rss" else "atom10")
    assert titles(parsed) == expected
    assert parsed.feed.title
    assert parsed.feed.link.startswith("http://testserver/")
    assert parsed.feed.language == "vi"
    for entry in parsed.entries:
        assert entry.link.startswith("http://testserver/")
        assert entry.id == entry.link
        assert entry.published_parsed is not None
        assert entry.summary
        assert entry.author


@pytest.mark.django_db
def test_urls_are_ascii_and_vietnamese_readable():
    assert feed_url("feed_stories", "rss") == "/rss/"
    assert feed_url("feed_stories", "atom") == "/atom/"
    assert feed_url("feed_field", "rss", "y-duc") == "/rss/linh-vuc/y-duc/"
    assert feed_url("feed_unit", "atom", "so-y-te") == "/atom/don-vi/so-y-te/"
    assert feed_url("feed_campaign", "rss", "x") == "/rss/phong-trao/x/"
    assert feed_url("feed_column", "atom", "x") == "/atom/chuyen-muc/x/"


@pytest.mark.django_db
@pytest.mark.parametrize("format", FORMATS)
def test_an_item_has_summary_dates_categories_author_and_image_enclosure(client, world, format):
    road = world["road"]
    _response, parsed = fetch(client, feed_url("feed_stories", format))
    entry = entry_titled(parsed, road.title)
    assert entry.link == "http://testserver" + road.url
    # Summaries are plain text, carried as HTML: a reader shows the "<" the unit typed.
    assert entry.summary == "Ông hiến 500 m² đất &lt;để&gt; làm đường."
    assert html.unescape(entry.summary) == road.summary
    assert entry.published_parsed[:3] == (2020, 3, 15)
    if format == "atom":  # RSS 2.0 has no date of update
        assert entry.updated_parsed is not None
    assert entry.author == road.unit.name
    field = Field.objects.get(slug="xay-dung-nong-thon-moi")
    assert [tag.term for tag in entry.tags] == [road.unit.name, field.name]

    enclosures = entry.enclosures
    assert len(enclosures) == 1
    enclosure = enclosures[0]
    rendition = feed_rendition(world["image"])
    assert enclosure.href == "http://testserver" + rendition.url
    assert enclosure.type == "image/png"
    assert int(enclosure.length) == rendition.file.size > 0

    without_image = entry_titled(parsed, "Bác sĩ Lâm Thị Sa Rươne")
    assert without_image.get("enclosures", []) == []


@pytest.mark.django_db
def test_column_articles_carry_outlet_and_column(client, world):
    _response, parsed = fetch(client, feed_url("feed_column", "rss", "guong-sang-doi-thuong"))
    entry = entry_titled(parsed, "Người điển hình vùng giồng cát")
    outlet = OutletPage.objects.filter(locale__language_code="vi").get(unit__slug="bao-soc-trang")
    assert [tag.term for tag in entry.tags] == [outlet.unit.name, "Gương sáng đời thường"]
    assert entry.enclosures[0].href.startswith("http://testserver/")
    assert parsed.feed.link == "http://testserver" + world["column"].url


@pytest.mark.django_db
def test_a_missing_rendition_file_gives_length_zero_not_an_error(client, world):
    fetch(client, feed_url("feed_stories", "rss"))
    rendition = feed_rendition(world["image"])
    rendition.file.storage.delete(rendition.file.name)
    _response, parsed = fetch(client, feed_url("feed_stories", "rss"))
    assert entry_titled(parsed, world["road"].title).enclosures[0].length == "0"


@pytest.mark.django_db
@pytest.mark.parametrize("format", FORMATS)
def test_drafts_and_pages_in_moderation_stay_out(client, world, superuser, format):
    ke_sach = world["road"].get_parent().specific
    draft = ExemplarPageFactory(parent=ke_sach, title="Bản nháp chưa duyệt", live=False)
    draft.save_revision(user=superuser)
    in_moderation = ExemplarPageFactory(parent=ke_sach, title="Bài đang chờ duyệt", live=False)
    in_moderation.save_revision(user=superuser)
    in_moderation.get_workflow().start(in_moderation, superuser)

    live = ExemplarPage.objects.get(pk=world["rice"].pk)
    live.title = "Tiêu đề mới chưa được duyệt"
    live.save_revision(user=superuser)
    live.get_workflow().start(live, superuser)
    live.refresh_from_db()
    assert live.has_unpublished_changes and live.title == "Mô hình lúa - tôm ở An Mỹ"

    for url in [feed_url("feed_stories", format), feed_url("feed_unit", format, "huyen-ke-sach")]:
        _response, parsed = fetch(client, url)
        shown = titles(parsed)
        assert "Mô hình lúa - tôm ở An Mỹ" in shown
        for hidden in ["Bản nháp chưa duyệt", "Bài đang chờ duyệt", "Tiêu đề mới chưa được duyệt"]:
            assert hidden not in shown


@pytest.mark.django_db
def test_unpublished_and_private_pages_stay_out(client, world):
    from wagtail.models import PageViewRestriction

    world["rice"].unpublish()
    PageViewRestriction.objects.create(
        page=UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te"),
        restriction_type="password",
        password="x",
    )
    _response, parsed = fetch(client, feed_url("feed_stories", "rss"))
    assert titles(parsed) == ["Ông Sơn Thươl hiến đất làm đường & cầu"]


@pytest.mark.django_db
@pytest.mark.parametrize("format", FORMATS)
def test_each_language_has_its_own_stories(client, world, format):
    english = Locale.objects.get(language_code="en")
    road = world["road"]
    english_road = road.copy_for_translation(english, copy_parents=True)
    english_road.title = "Mr Son Thuol gives land for a road"
    english_road.summary = "He gave 500 m² of land for the road."
    published(english_road)

    _response, vietnamese = fetch(client, feed_url("feed_stories", format))
    assert "Mr Son Thuol gives land for a road" not in titles(vietnamese)
    assert road.title in titles(vietnamese)

    english_url = "/en" + feed_url("feed_stories", format)
    _response, parsed = fetch(client, english_url)
    assert titles(parsed) == ["Mr Son Thuol gives land for a road"]
    assert parsed.feed.language == "en"
    assert parsed.feed.title == "Exemplar stories"
    entry = parsed.entries[0]
    assert entry.link == "http://testserver" + english_road.url
    assert entry.link.startswith("http://testserver/en/")
    assert entry.summary == "He gave 500 m² of land for the road."
    with translation.override("en"):  # the unit's English name, where the unit has one
        unit_name = getattr(road.unit, "localized_name", road.unit.name)
    assert [tag.term for tag in entry.tags][0] == entry.author == unit_name

    # Nothing is translated into Khmer: a valid, empty feed in Khmer.
    _response, khmer = fetch(client, "/km" + feed_url("feed_stories", format))
    assert khmer.entries == [] and khmer.feed.language == "km"

    # The unit is the same in every language; the campaign is found through its translation key.
    _response, by_unit = fetch(client, "/en" + feed_url("feed_unit", format, "huyen-ke-sach"))
    assert titles(by_unit) == ["Mr Son Thuol gives land for a road"]
    # No campaign has an English version yet: its English feed does not exist.
    assert client.get("/en" + feed_url("feed_campaign", format, "chung-suc-nong-thon-moi")).status_code == 404

    campaign = world["campaign"].copy_for_translation(english, copy_parents=True)
    published(campaign)
    _response, by_campaign = fetch(client, "/en" + feed_url("feed_campaign", format, campaign.slug))
    assert titles(by_campaign) == ["Mr Son Thuol gives land for a road"]
    assert by_campaign.feed.link.startswith("http://testserver/en/")

    # A field is one row in every language, named for English readers where it has an English name.
    Field.objects.filter(slug="xay-dung-nong-thon-moi").update(name_en="Building new countryside")
    _response, by_field = fetch(client, "/en" + feed_url("feed_field", format, "xay-dung-nong-thon-moi"))
    assert titles(by_field) == ["Mr Son Thuol gives land for a road"]
    assert by_field.feed.title == "Stories in Building new countryside"
    assert "Building new countryside" in [tag.term for tag in by_field.entries[0].tags]


@pytest.mark.django_db
@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("feed_field", "khong-co"),
        ("feed_unit", "khong-co"),
        ("feed_campaign", "khong-co"),
        ("feed_column", "khong-co"),
        ("feed_campaign", "guong-sang-doi-thuong"),  # a column's slug is not a campaign's
        ("feed_column", "chung-suc-nong-thon-moi"),
    ],
)
def test_unknown_slugs_are_404(client, world, format, name, slug):
    assert client.get(feed_url(name, format, slug)).status_code == 404


@pytest.mark.django_db
def test_a_draft_campaign_or_column_has_no_feed(client, world):
    world["campaign"].unpublish()
    world["column"].unpublish()
    assert client.get(feed_url("feed_campaign", "rss", "chung-suc-nong-thon-moi")).status_code == 404
    assert client.get(feed_url("feed_column", "rss", "guong-sang-doi-thuong")).status_code == 404


@pytest.mark.django_db
def test_unicode_page_slugs_work(client, world):
    campaign = world["campaign"]
    campaign.slug = "chung-sức"
    published(campaign)
    url = feed_url("feed_campaign", "atom", "chung-sức")
    assert url == "/atom/phong-trao/chung-s%E1%BB%A9c/"
    _response, parsed = fetch(client, url)
    assert titles(parsed) == ["Ông Sơn Thươl hiến đất làm đường & cầu"]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_feeds_cost_the_same_for_5_and_25_items_and_stop_at_30(client, world):
    ke_sach = world["road"].get_parent().specific
    column = world["column"]
    fields = list(Field.objects.all()[:2])
    image = world["image"]

    def add(start, n):
        for i in range(start, start + n):
            story = ExemplarPageFactory(
                parent=ke_sach,
                title=f"Chuyện {i:02d}",
                first_published_at=at(2021, 1) + datetime.timedelta(days=i),
                main_image=image,
            )
            story.fields.set(fields)
            published(story)
            published(
                ColumnArticlePageFactory(
                    parent=column,
                    title=f"Bài {i:02d}",
                    first_published_at=at(2021, 1) + datetime.timedelta(days=i),
                    main_image=image,
                )
            )

    urls = [
        feed_url("feed_stories", "rss"),
        feed_url("feed_stories", "atom"),
        feed_url("feed_field", "rss", fields[0].slug),
        feed_url("feed_unit", "atom", "huyen-ke-sach"),
        feed_url("feed_campaign", "rss", "chung-suc-nong-thon-moi"),
        feed_url("feed_column", "atom", "guong-sang-doi-thuong"),
    ]
    add(0, 2)  # with the fixture's stories and articles: 5 stories, 4 articles
    for url in urls:
        client.get(url)  # renditions made, caches warm
    small = [count_queries(client, url) for url in urls]
    add(2, 20)  # 25 stories
    client.get(urls[0])  # the site is kept per content generation, which the new pages moved
    large = [count_queries(client, url) for url in urls]
    assert small == large

    add(22, 10)
    _response, parsed = fetch(client, feed_url("feed_stories", "rss"))
    assert len(parsed.entries) == 30
    assert titles(parsed)[:3] == ["Chuyện 31", "Chuyện 30", "Chuyện 29"]


@pytest.mark.django_db
def test_pages_link_to_their_feeds(client, world):
    from exemplars.models import ExemplarIndexPage

    pages = [
        (ExemplarIndexPage.objects.get(locale__language_code="vi"), ["/rss/", "/atom/"]),
        (
            UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach"),
            ["/rss/don-vi/huyen-ke-sach/"],
        ),
        (world["campaign"], ["/rss/phong-trao/chung-suc-nong-thon-moi/", "/atom/phong-trao/chung-suc-nong-thon-moi/"]),
        (world["column"], ["/rss/chuyen-muc/guong-sang-doi-thuong/", "/atom/chuyen-muc/guong-sang-doi-thuong/"]),
    ]
    for page, hrefs in pages:
        html = client.get(page.url).content.decode()
        for href in hrefs:
            kind = "rss" if href.startswith("/rss/") else "atom"
            assert f'type="application/{kind}+xml"' in html
            assert f'href="{href}"' in html, (page.url, href)


@pytest.mark.django_db
def test_a_feed_read_again_writes_no_rendition_back_to_the_cache(client, world, monkeypatch):
    # Wagtail's get_rendition wrote each rendition it had just read back to the cache, a pickled
    # rendition sent to Redis per story: most of a feed's time at thirty stories (core/renditions.py).
    from wagtail.images import get_image_model

    fetch(client, feed_url("feed_stories", "rss"))
    backend = get_image_model().get_rendition_model().cache_backend
    written = []
    for name in ("set", "set_many"):
        original = getattr(backend, name)
        monkeypatch.setattr(
            backend,
            name,
            lambda *args, _original=original, **kwargs: written.append(args) or _original(*args, **kwargs),
        )

    _response, parsed = fetch(client, feed_url("feed_stories", "rss"))

    assert entry_titled(parsed, world["road"].title).enclosures[0].href.startswith("http://testserver/")
    assert written == []
