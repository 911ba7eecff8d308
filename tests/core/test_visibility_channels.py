"""Every public channel × every way a page is kept from the public (core/visibility.py).

A story and a column article are each made private in one way (a login, password or groups view
restriction on the page itself or on its section/column; unpublished), and each public channel
is read through its URL, as a reader or a portal would: the page itself, the listings (home, the
story index and its field and unit filters, the unit section, the campaign, the column), the
public search, the RSS and Atom feeds, the JSON API (listing, search, detail, find) and the
sitemap (the index, followed to each of its pages). Each channel is read three times: while the
page is public (it is there: the positive control), right after it is made private (neither its
title nor its address is there) and after the restriction is lifted (it is back). The page cache
is on, so a channel that kept serving what it had cached is caught.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from campaigns.models import CampaignIndexPage
from columns.models import OutletPage
from exemplars.models import ExemplarIndexPage, Field, UnitSectionPage
from tests.factories import (
    CampaignPageFactory,
    ColumnArticlePageFactory,
    ColumnPageFactory,
    ExemplarPageFactory,
)
from tests.helpers import at, published

STORY_TITLE = "Bà Lâm Thị Sen nuôi cá lóc trong ruộng lúa"
ARTICLE_TITLE = "Chàng thanh niên Khmer mở lớp dạy chữ miễn phí"
FIELD = "san-xuat-kinh-doanh"
UNIT = "huyen-ke-sach"
API = "/api/v2/pages/"


class World:
    """The pages of one test, fresh from the database."""

    def __init__(self):
        self.section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug=UNIT)
        self.index = ExemplarIndexPage.objects.get(locale__language_code="vi")
        campaigns = CampaignIndexPage.objects.filter(locale__language_code="vi").get()
        self.campaign = published(CampaignPageFactory(parent=campaigns, title="Chung sức xây dựng nông thôn mới"))
        self.field = Field.objects.get(slug=FIELD)
        story = ExemplarPageFactory(
            parent=self.section, title=STORY_TITLE, campaign=self.campaign, first_published_at=at(2020, 6)
        )
        story.fields.set([self.field])
        self.story = published(story)
        self.outlet = OutletPage.objects.filter(locale__language_code="vi").get(unit__slug="bao-soc-trang")
        self.column = published(ColumnPageFactory(parent=self.outlet, title="Gương sáng đời thường"))
        self.article = published(ColumnArticlePageFactory(parent=self.column, title=ARTICLE_TITLE))

    def subject(self, name):
        return {"story": self.story, "article": self.article}[name]

    def parent(self, name):
        return {"story": self.section, "article": self.column}[name]


def _sitemap(client, world):
    """The index, followed to every page of the sitemap it names."""
    index = client.get("/sitemap.xml").content.decode()
    pages = [urlsplit(loc) for loc in re.findall(r"<loc>([^<]+)</loc>", index)]
    assert pages, index
    bodies = [client.get(url.path, dict(re.findall(r"(\w+)=(\w+)", url.query))).content.decode() for url in pages]
    return index + "".join(bodies)


def _get(path, **params):
    """Reads ``path`` (or ``path(world)``) with ``params`` (values may be ``f(world)`` too)."""

    def read(client, world):
        address = path(world) if callable(path) else path
        values = {name: value(world) if callable(value) else value for name, value in params.items()}
        return client.get(address, values, follow=True).content.decode()

    return read


# (channel, subject, how to read it): the table of every public channel each subject appears in.
CHANNELS = [
    ("page itself", "story", _get(lambda w: w.story.url)),
    ("home", "story", _get("/")),
    ("story index", "story", _get(lambda w: w.index.url)),
    ("field listing", "story", _get(lambda w: w.index.url, field=FIELD)),
    ("unit listing", "story", _get(lambda w: w.index.url, unit=UNIT)),
    ("unit section", "story", _get(lambda w: w.section.url)),
    ("campaign", "story", _get(lambda w: w.campaign.url)),
    ("search", "story", _get("/tim-kiem/", q="cá lóc ruộng lúa")),
    ("rss", "story", _get("/rss/")),
    ("atom", "story", _get("/atom/")),
    ("field feed", "story", _get(f"/rss/linh-vuc/{FIELD}/")),
    ("unit feed", "story", _get(f"/atom/don-vi/{UNIT}/")),
    ("campaign feed", "story", _get(lambda w: f"/rss/phong-trao/{w.campaign.slug}/")),
    ("api listing", "story", _get(API, order="-id")),
    ("api stories", "story", _get(API, type="exemplars.ExemplarPage", fields="title")),
    ("api search", "story", _get(API, search="cá lóc")),
    ("api detail", "story", _get(lambda w: f"{API}{w.story.pk}/")),
    ("api find", "story", _get(f"{API}find/", html_path=lambda w: w.story.url)),
    ("sitemap", "story", _sitemap),
    ("page itself", "article", _get(lambda w: w.article.url)),
    ("column", "article", _get(lambda w: w.column.url)),
    ("search", "article", _get("/tim-kiem/", q="lớp dạy chữ miễn phí")),
    ("column feed", "article", _get(lambda w: f"/rss/chuyen-muc/{w.column.slug}/")),
    ("api listing", "article", _get(API, type="columns.ColumnArticlePage")),
    ("api detail", "article", _get(lambda w: f"{API}{w.article.pk}/")),
    ("sitemap", "article", _sitemap),
]


def _restrict(page, kind):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password="bi-mat")
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.create(name="Cán bộ Văn phòng Ban Thi đua")])
    return restriction.delete


def _on(where, kind):
    """A restriction of ``kind`` on the subject itself or on its section/column; returns its lifting."""

    def make_private(world, name):
        page = world.subject(name) if where == "page" else world.parent(name)
        return _restrict(page, kind)

    return make_private


def _unpublished(world, name):
    page = world.subject(name)
    page.unpublish()
    return lambda: published(page)


KINDS = {
    f"{kind} on the {where}": _on(where, kind)
    for where in ("page", "parent")
    for kind in (PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD, PageViewRestriction.GROUPS)
}
KINDS["unpublished"] = _unpublished


def shows(body, page):
    """Whether ``body`` gives away ``page``: its title, or its address (relative link or absolute)."""
    return page.title in body or page.full_url in body or f'href="{page.url}"' in body


@pytest.fixture
def world(newsroom, settings):
    # Anonymous responses are cached as in production: a restriction must be seen all the same.
    settings.PAGE_CACHE_SECONDS = 300
    return World()


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize(("channel", "subject", "read"), CHANNELS, ids=[f"{c} ({s})" for c, s, _ in CHANNELS])
def test_a_private_page_is_in_no_public_channel_and_comes_back_when_made_public(world, kind, channel, subject, read):
    reader = Client()
    page = world.subject(subject)
    assert shows(read(reader, world), page), "the public page is missing before it was made private"

    lift = KINDS[kind](world, subject)
    assert not shows(read(reader, world), page), f"{channel} still shows the page: {kind}"

    lift()
    assert shows(read(reader, world), page), f"{channel} does not show the page again once public"


ALIAS_CHANNELS = [
    c for c in CHANNELS if c[1] == "story" and c[0] in ("home", "story index", "search", "rss", "api listing")
]


@pytest.mark.parametrize("kind", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
def test_an_alias_does_not_publish_a_story_made_private(world, kind):
    """An alias shows its original's content at another address (here in another unit's
    section): once the original is made private, the alias must not go on showing it."""
    other = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")
    alias = world.story.create_alias(parent=other, update_slug="ca-loc-ruong-lua")
    reader = Client()
    assert reader.get(alias.url).status_code == 200

    _restrict(world.story, kind)

    assert STORY_TITLE not in reader.get(alias.url, follow=True).content.decode()
    leaks = [name for name, _, read in ALIAS_CHANNELS if STORY_TITLE in read(reader, world)]
    assert leaks == []
