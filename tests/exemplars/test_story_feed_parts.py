"""The stories' feeds (exemplars/feeds.py) piece by piece, without a database: their titles and
descriptions in the reader's language, the page each links to (the index, filtered, or the unit's
section), and what an item says about its unit, fields and replication (issue 22). The feeds as
readers get them are in tests/exemplars/test_feeds.py."""

from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from django.utils import translation

from exemplars.feeds import FieldFeed, StoryFeed, UnitFeed
from exemplars.models.replication import ReplicationCount

INDEX_URL = "/en/exemplar-stories/"
SECTION_URL = "/en/units/ke-sach-district/"
FIELD = SimpleNamespace(slug="y-duc", localized_name="Medical ethics")
UNIT = SimpleNamespace(slug="huyen-ke-sach", name="Huyện Kế Sách", localized_name="Ke Sach District")


class Found:
    """A queryset of at most one page, as ``live_pages(...).filter(...).order_by("path")`` reads it."""

    def __init__(self, page, wanted=None):
        self.page = page
        self.wanted = wanted
        self.asked = []

    def filter(self, **conditions):
        self.asked.append(conditions)
        return self

    def order_by(self, *fields):
        assert fields == ("path",)
        return self

    def first(self):
        return self.page


def page_at(url):
    # A page's address as seen from the request's site: without the request, Wagtail cannot tell
    # which site the reader is on (here: no address at all).
    return SimpleNamespace(get_url=lambda request: url if request is not None else None)


def feed(feed_class=StoryFeed, format="rss", index=INDEX_URL, section=None):
    made = feed_class(format)
    made.request = RequestFactory().get("/en/rss/")
    pages = {"ExemplarIndexPage": Found(page_at(index) if index is not None else None)}
    pages["UnitSectionPage"] = Found(section)
    made.found = pages
    made.live_pages = lambda model: pages[model.__name__]
    return made


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_the_feed_of_all_stories_is_named_and_links_to_the_index():
    made = feed()

    assert made.title(None) == "Exemplar stories"
    assert made.description(None) == (
        "The latest exemplar stories, new models and new factors from the units of Sóc Trăng province."
    )
    assert made.link(None) == "http://testserver" + INDEX_URL


@pytest.mark.parametrize("index", [None, page_at(None)])
def test_without_an_index_in_the_language_the_feed_links_to_itself(index):
    made = feed(format="atom", index=None)
    made.found["ExemplarIndexPage"].page = index

    assert made.index_url() == "http://testserver/en/atom/"
    assert made.index_url({"unit": "so-y-te"}) == "http://testserver/en/atom/?unit=so-y-te"


def test_a_fields_feed_is_named_after_it_and_links_to_the_filtered_index():
    made = feed(FieldFeed)

    assert made.title(FIELD) == "Stories in Medical ethics"
    assert made.description(FIELD) == "The latest exemplar stories in the field Medical ethics."
    assert made.link(FIELD) == f"http://testserver{INDEX_URL}?field=y-duc"


def test_a_units_feed_is_named_after_it_and_links_to_its_section():
    made = feed(UnitFeed, section=page_at(SECTION_URL))

    assert made.title(UNIT) == "Stories from Ke Sach District"
    assert made.description(UNIT) == "The latest exemplar stories introduced by Ke Sach District."
    assert made.link(UNIT) == "http://testserver" + SECTION_URL
    assert made.found["UnitSectionPage"].asked == [{"unit": UNIT}]


@pytest.mark.parametrize("section", [None, page_at(None)])
def test_a_unit_without_a_section_links_to_the_filtered_index(section):
    made = feed(UnitFeed, section=section)

    assert made.link(UNIT) == f"http://testserver{INDEX_URL}?unit=huyen-ke-sach"


def story(pk, unit=UNIT, fields=(FIELD,), summary="Bà Nguyễn Thị Hồng <Xã Đại Ân 2>"):
    return SimpleNamespace(pk=pk, unit=unit, summary=summary, fields=SimpleNamespace(all=lambda: list(fields)))


def test_an_item_names_its_unit_and_fields_and_says_where_it_was_replicated():
    made = feed()
    made.replicated = {1: ReplicationCount(communes=7), 2: ReplicationCount()}

    assert made.item_description(story(1)) == "Bà Nguyễn Thị Hồng &lt;Xã Đại Ân 2&gt;<p>Replicated in 7 communes.</p>"
    assert made.item_categories(story(1)) == ["Ke Sach District", "Medical ethics", "Replicated"]
    assert made.item_author_name(story(1)) == "Ke Sach District"
    # Replicated nowhere, or not counted: nothing said.
    assert made.item_description(story(2)) == "Bà Nguyễn Thị Hồng &lt;Xã Đại Ân 2&gt;"
    assert made.item_categories(story(2)) == ["Ke Sach District", "Medical ethics"]
    assert made.item_description(story(3)) == "Bà Nguyễn Thị Hồng &lt;Xã Đại Ân 2&gt;"


def test_a_story_without_unit_or_fields_has_no_author_and_no_empty_category():
    made = feed()
    made.replicated = {}

    assert made.item_author_name(story(1, unit=None, fields=())) is None
    assert made.item_categories(story(1, unit=None, fields=())) == []


def test_an_empty_feed_counts_no_replication():
    assert feed().replication_counts([]) == {}
