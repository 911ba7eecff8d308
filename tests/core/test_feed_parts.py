"""What every feed shares (core/feeds.py), piece by piece and without a database: the names, the author,
the dates, the image enclosure and its fallbacks, the items without an address, the URL converters
(issue 22). The feeds as readers get them are in tests/exemplars/test_feeds.py."""

import datetime
from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from django.utils import feedgenerator
from wagtail.images.models import SourceImageIOError

from core import feeds
from core.feeds import FeedFormatConverter, PageFeed, UnicodeSlugConverter, feed_view, unit_name

FIRST = datetime.datetime(2020, 3, 15, 10, tzinfo=datetime.UTC)
LAST = datetime.datetime(2021, 1, 4, 8, tzinfo=datetime.UTC)


def feed(format="rss", path="/rss/linh-vuc/y-duc/"):
    made = PageFeed(format)
    made.request = RequestFactory().get(path)
    return made


def story(**values):
    defaults = {"title": "Bà Nguyễn Thị Hồng", "summary": "Xã Đại Ân 2 <Cù Lao Dung>", "main_image": None}
    return SimpleNamespace(**{**defaults, **values})


def test_a_unit_is_named_in_the_readers_language_when_it_has_a_name_there():
    assert unit_name(None) == ""
    assert unit_name(SimpleNamespace(name="Huyện Kế Sách", localized_name="Ke Sach District")) == "Ke Sach District"
    assert unit_name(SimpleNamespace(name="Huyện Kế Sách", localized_name="")) == "Huyện Kế Sách"
    assert unit_name(SimpleNamespace(name="Huyện Kế Sách")) == "Huyện Kế Sách"


@pytest.mark.parametrize(
    ("format", "feed_type"), [("rss", feedgenerator.Rss201rev2Feed), ("atom", feedgenerator.Atom1Feed)]
)
def test_a_feed_writes_its_format_and_names_its_own_address(format, feed_type):
    # A reader's query string (a tracker's utm_source) is not part of the feed's address.
    made = feed(format, f"/{format}/don-vi/so-y-te/?utm_source=zalo")

    assert made.feed_type is feed_type and made.format == format
    assert made.feed_url(None) == made.feed_guid(None) == f"http://testserver/{format}/don-vi/so-y-te/"
    assert made.lookup() is None and made.get_object(made.request) is None


def test_the_subtitle_is_the_description():
    made = feed()
    made.description = lambda obj: f"Gương điển hình {obj}"

    assert made.subtitle("Y đức") == "Gương điển hình Y đức"


@pytest.mark.parametrize(
    ("site", "author"),
    [(SimpleNamespace(site_name="Sóc Trăng"), "Sóc Trăng"), (SimpleNamespace(site_name=""), None), (None, None)],
)
def test_the_feeds_author_is_the_sites_name_when_it_has_one(monkeypatch, site, author):
    made = feed()
    # The site is the one the request came to.
    monkeypatch.setattr(feeds.Site, "find_for_request", lambda request: site if request is made.request else None)

    assert made.author_name(None) == author


def test_items_without_an_address_are_left_out_and_the_others_get_an_absolute_one():
    made = feed()
    # The address as seen from the request's site (another site's page would get its host).
    linked = story(get_url=lambda request: "/don-vi/so-y-te/ba-hong/" if request is made.request else None)
    unlinked = story(get_url=lambda request: None)
    made.pages = lambda obj: [linked, unlinked]

    assert made.items(None) == [linked]
    assert made.item_link(linked) == made.item_guid(linked) == "http://testserver/don-vi/so-y-te/ba-hong/"
    assert unlinked.feed_link is None


def test_an_item_carries_its_title_its_summary_escaped_and_its_dates():
    made = feed()

    assert made.item_title(story()) == "Bà Nguyễn Thị Hồng"
    assert made.item_description(story()) == "Xã Đại Ân 2 &lt;Cù Lao Dung&gt;"
    assert made.item_pubdate(story(first_published_at=FIRST)) == FIRST
    assert made.item_updateddate(story(first_published_at=FIRST, last_published_at=LAST)) == LAST
    # Never republished: updated when first published.
    assert made.item_updateddate(story(first_published_at=FIRST, last_published_at=None)) == FIRST


class _File:
    """A rendition's file whose size may fail to read, as a file missing from the storage does."""

    def __init__(self, name, size):
        self.name = name
        self._size = size

    @property
    def size(self):
        if isinstance(self._size, Exception):
            raise self._size
        return self._size


def rendition(name, size):
    return SimpleNamespace(url=f"/media/images/{name}", file=_File(name, size))


@pytest.mark.parametrize(
    ("name", "size", "length", "mime_type"),
    [
        ("anh-ba-hong.fill-1200x630.png", 2048, "2048", "image/png"),
        ("anh-ba-hong.fill-1200x630.webp", OSError("gone"), "0", "image/webp"),
        ("anh-ba-hong.fill-1200x630", ValueError("no file"), "0", "image/jpeg"),
    ],
)
def test_an_image_is_enclosed_with_its_size_and_type(monkeypatch, name, size, length, mime_type):
    made = feed()
    asked = []

    def fake_rendition(image, spec):
        asked.append((image, spec))
        return rendition(name, size)

    monkeypatch.setattr(feeds.renditions, "rendition", fake_rendition)

    [enclosure] = made.item_enclosures(story(main_image="ảnh"))

    assert asked == [("ảnh", "fill-1200x630")]
    assert enclosure.url == f"http://testserver/media/images/{name}"
    assert (enclosure.length, enclosure.mime_type) == (length, mime_type)


@pytest.mark.parametrize("error", [SourceImageIOError("missing"), OSError("unreadable")])
def test_an_image_that_cannot_be_rendered_is_left_out(monkeypatch, error):
    def broken(image, spec):
        raise error

    monkeypatch.setattr(feeds.renditions, "rendition", broken)

    assert feed().item_enclosures(story(main_image="ảnh")) == []
    assert feed().item_enclosures(story()) == []


def test_a_feed_view_serves_its_feed_and_is_named_and_documented_after_it(monkeypatch):
    class HallFeed(PageFeed):
        """Vinh danh."""

        url_name = "feed_hall_of_honour"

    view = feed_view(HallFeed)
    request = RequestFactory().get("/atom/vinh-danh/")
    calls = []
    monkeypatch.setattr(PageFeed, "__call__", lambda self, request, **kwargs: calls.append((self, request, kwargs)))

    view(request, "atom", slug="nam-2024")

    [(made, called_with, kwargs)] = calls
    assert isinstance(made, HallFeed) and made.format == "atom"
    assert called_with is request and kwargs == {"slug": "nam-2024"}
    assert view.__name__ == view.__qualname__ == "feed_hall_of_honour"
    assert view.__doc__ == "Vinh danh."


@pytest.mark.parametrize("converter", [FeedFormatConverter(), UnicodeSlugConverter()])
def test_the_converters_keep_the_value(converter):
    assert converter.to_python("atom") == converter.to_url("atom") == "atom"
    assert UnicodeSlugConverter().to_url("y-đức") == "y-đức"


def test_a_feed_reads_the_public_pages_of_its_language_only():
    asked = []

    class Public:
        def filter(self, **conditions):
            asked.append(conditions)
            return ["Bà Nguyễn Thị Hồng"]

    made = feed()
    made.locale = "vi"
    model = SimpleNamespace(objects=SimpleNamespace(visible_to_public=Public))

    assert made.live_pages(model) == ["Bà Nguyễn Thị Hồng"]
    assert asked == [{"locale": "vi"}]
