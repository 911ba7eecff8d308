"""Private pages stay out of every public listing, count and link (core/visibility.py).

A story the Board puts behind a password, behind "signed-in users only" or behind a group, and
every story in a section put behind a password, must not show its title, summary, link or a count
anywhere the public reads: its unit section, the index listing (any filter, any page, and its
counts), the home page (featured, latest, per-field and per-unit counts), its campaign and
honouring event, a column article that features it, and the related stories of another story.
A public story beside them is still listed everywhere (the positive control).
"""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from campaigns.models import CampaignIndexPage
from columns.models import OutletPage
from exemplars.models import ExemplarRelatedStory, Field, UnitSectionPage
from home.models import HomePage
from submissions.models import DifficultyReportFormPage
from tests.factories import (
    CampaignPageFactory,
    ColumnArticlePageFactory,
    ColumnPageFactory,
    ExemplarPageFactory,
    HonouringEventPageFactory,
    StandardPageFactory,
)
from tests.helpers import at, published

PUBLIC = "Ông Thạch Sô Phol giữ rừng phòng hộ"
PASSWORD = "Chuyện có mật khẩu: ấp Phước Hòa làm đường"
LOGIN = "Chuyện cho người đăng nhập: xã An Mỹ trồng bưởi"
GROUPS = "Chuyện cho nhóm cán bộ: xã Phong Nẫm nuôi bò"
IN_PRIVATE_SECTION = "Chuyện trong chuyên trang riêng: bác sĩ Lâm Thị Sa Rươne"
PRIVATE = [PASSWORD, LOGIN, GROUPS, IN_PRIVATE_SECTION]
FIELD = "san-xuat-kinh-doanh"


def restrict(page, kind, **extra):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, **extra)
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.create(name="Cán bộ Văn phòng UBND huyện")])
    return restriction


@pytest.fixture
def y_te(newsroom):
    return UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")


@pytest.fixture
def campaign(newsroom):
    index = CampaignIndexPage.objects.filter(locale__language_code="vi").get()
    return CampaignPageFactory(parent=index, title="Sóc Trăng chung sức xây dựng nông thôn mới", slug="nong-thon-moi")


@pytest.fixture
def stories(section, y_te, campaign):
    """One public story and four private ones, all in the same field and campaign."""
    field = Field.objects.get(slug=FIELD)
    made = {}
    for title, parent in [
        (PUBLIC, section),
        (PASSWORD, section),
        (LOGIN, section),
        (GROUPS, section),
        (IN_PRIVATE_SECTION, y_te),
    ]:
        story = ExemplarPageFactory(parent=parent, title=title, campaign=campaign, first_published_at=at(2020, 6))
        story.fields.set([field])
        story.save()
        made[title] = story
    restrict(made[PASSWORD], PageViewRestriction.PASSWORD, password="bi-mat")
    restrict(made[LOGIN], PageViewRestriction.LOGIN)
    restrict(made[GROUPS], PageViewRestriction.GROUPS)
    restrict(y_te, PageViewRestriction.PASSWORD, password="so-y-te")
    return made


def listed(response, key="stories"):
    return {story.title for story in response.context[key]}


def assert_only_public(html, stories):
    assert PUBLIC in html and stories[PUBLIC].url in html
    for title in PRIVATE:
        assert title not in html, title
        assert f'href="{stories[title].url}"' not in html, title


@pytest.mark.django_db
def test_unit_section_lists_only_its_public_story(client, section, stories):
    response = client.get(section.url)
    assert response.status_code == 200
    assert listed(response) == {PUBLIC}
    assert response.context["stories"].paginator.count == 1
    assert_only_public(response.content.decode(), stories)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {PUBLIC}),
        ({"field": FIELD}, {PUBLIC}),
        ({"unit": "huyen-ke-sach"}, {PUBLIC}),
        ({"unit": "so-y-te"}, set()),
        ({"campaign": "nong-thon-moi"}, {PUBLIC}),
        ({"field": FIELD, "unit": "huyen-ke-sach", "year": "2020"}, {PUBLIC}),
    ],
)
def test_index_listing_and_its_count_leave_out_private_stories(client, exemplar_index, stories, query, expected):
    response = client.get(exemplar_index.url, query)
    assert response.status_code == 200
    assert listed(response) == expected
    assert response.context["stories"].paginator.count == len(expected)
    html = response.content.decode()
    for title in PRIVATE:
        assert title not in html, title


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", [{"page": "2"}, {"page": "2", "field": FIELD}, {"page": "2", "unit": "huyen-ke-sach"}]
)
def test_second_page_of_the_index_leaves_out_private_stories(client, exemplar_index, section, stories, query):
    field = Field.objects.get(slug=FIELD)
    for n in range(20):  # newer than the stories above, so those come on page 2
        story = ExemplarPageFactory(parent=section, title=f"Chuyện mới số {n:02d}", first_published_at=at(2022, 3))
        story.fields.set([field])
        story.save()

    response = client.get(exemplar_index.url, query)
    assert response.context["stories"].number == 2
    assert response.context["stories"].paginator.count == 21
    assert listed(response) == {PUBLIC}


@pytest.mark.django_db
def test_index_does_not_link_a_private_section(client, exemplar_index, section, y_te, stories):
    html = client.get(exemplar_index.url).content.decode()
    assert f'href="{section.url}"' in html
    assert f'href="{y_te.url}"' not in html


@pytest.mark.django_db
def test_home_page_leaves_private_stories_out_of_featured_latest_and_counts(client, section, y_te, stories):
    home = HomePage.objects.filter(locale__language_code="vi").get()
    # The Board featured these while they were public.
    for title in [PASSWORD, PUBLIC, IN_PRIVATE_SECTION]:
        home.featured_stories.create(story=stories[title])
    published(home)

    response = client.get("/")
    assert response.status_code == 200
    assert listed(response, "featured_stories") == {PUBLIC}
    assert not set(PRIVATE) & listed(response, "latest_stories")
    assert {field.slug: field.story_count for field in response.context["browse_fields"]} == {FIELD: 1}
    assert {s.unit.slug: s.story_count for s in response.context["browse_sections"]} == {"huyen-ke-sach": 1}
    assert_only_public(response.content.decode(), stories)


@pytest.mark.django_db
def test_home_page_with_only_private_featured_stories_falls_back_to_the_latest_public_one(client, stories):
    home = HomePage.objects.filter(locale__language_code="vi").get()
    home.featured_stories.create(story=stories[PASSWORD])
    published(home)

    response = client.get("/")
    assert listed(response, "featured_stories") == {PUBLIC}
    assert_only_public(response.content.decode(), stories)


@pytest.mark.django_db
def test_campaign_and_honouring_event_list_only_public_stories(client, campaign, stories):
    event = HonouringEventPageFactory(parent=campaign, title="Hội nghị biểu dương năm 2020")
    event.exemplars.set(list(stories.values()))
    published(event)

    response = client.get(campaign.url)
    assert listed(response) == {PUBLIC}
    (shown_event,) = response.context["events"]
    assert [story.title for story in shown_event.exemplars.all()] == [PUBLIC]
    assert_only_public(response.content.decode(), stories)

    response = client.get(event.url)
    assert listed(response, "honoured") == {PUBLIC}
    assert_only_public(response.content.decode(), stories)


@pytest.mark.django_db
def test_column_article_features_only_public_stories(client, stories, newsroom):
    outlet = OutletPage.objects.filter(locale__language_code="vi").get(unit__slug="bao-soc-trang")
    column = ColumnPageFactory(parent=outlet, title="Gương sáng đời thường")
    article = ColumnArticlePageFactory(parent=column, title="Những tấm gương bình dị")
    for story in stories.values():
        article.featured_stories.create(story=story)
    published(article)

    response = client.get(article.url)
    assert listed(response, "featured") == {PUBLIC}
    assert_only_public(response.content.decode(), stories)


@pytest.mark.django_db
def test_related_stories_of_another_story_leave_out_private_ones(client, section, stories):
    story = ExemplarPageFactory(parent=section, title="Anh Danh Sà Rết nuôi bò vỗ béo")
    for related in stories.values():
        ExemplarRelatedStory.objects.create(page=story, story=related)
    story = published(story)

    response = client.get(story.url)
    assert listed(response, "related_stories") == {PUBLIC}
    assert_only_public(response.content.decode(), stories)


@pytest.mark.django_db
def test_a_private_campaign_is_not_listed_nor_offered_as_a_filter(client, exemplar_index, campaign, stories):
    restrict(campaign, PageViewRestriction.PASSWORD, password="phong-trao")
    index = CampaignIndexPage.objects.filter(locale__language_code="vi").get()

    assert list(client.get(index.url).context["campaigns"]) == []
    assert list(client.get("/").context["campaigns"]) == []
    listing = client.get(exemplar_index.url)
    assert campaign.title not in listing.content.decode()
    # Its stories are public pages of their own sections and stay listed.
    assert PUBLIC in listed(listing)


@pytest.mark.django_db
def test_a_private_page_is_not_in_the_menus_nor_the_footer(client, newsroom):
    home = HomePage.objects.filter(locale__language_code="vi").get()
    internal = StandardPageFactory(parent=home, title="Tài liệu nội bộ của Ban", slug="noi-bo", show_in_menus=True)
    restrict(internal, PageViewRestriction.LOGIN)

    difficulty_form = DifficultyReportFormPage.objects.get(locale__language_code="vi")
    restrict(difficulty_form, PageViewRestriction.PASSWORD, password="ban-thi-dua")

    html = client.get("/").content.decode()
    assert 'href="/gioi-thieu/"' in html and ">Giới thiệu gương điển hình</a>" in html
    assert 'href="/noi-bo/"' not in html and "Tài liệu nội bộ của Ban" not in html
    assert ">Phản ánh khó khăn, vướng mắc</a>" not in html


@pytest.mark.django_db
def test_readers_let_into_a_private_section_still_see_its_stories_there(client, y_te, stories, superuser):
    """Only those who passed a section's restriction read the section, so its own stories are
    listed to them there (and on each other's pages), while every public page still hides them."""
    PageViewRestriction.objects.filter(page=y_te).update(restriction_type=PageViewRestriction.LOGIN)
    sibling = published(ExemplarPageFactory(parent=y_te, title="Khoa Nhi Bệnh viện Đa khoa tỉnh"))
    ExemplarRelatedStory.objects.create(page=sibling, story=stories[IN_PRIVATE_SECTION])
    published(sibling)
    client.force_login(superuser)

    assert listed(client.get(y_te.url)) == {IN_PRIVATE_SECTION, sibling.title}
    assert listed(client.get(sibling.url), "related_stories") == {IN_PRIVATE_SECTION}
    assert IN_PRIVATE_SECTION not in listed(client.get("/guong-dien-hinh/"))


@pytest.mark.django_db
def test_search_feeds_and_sitemap_follow_the_same_rule(client, stories):
    for story in stories.values():
        published(story)  # indexes it for the public search
    with translation.override("vi"):
        feed_url = reverse("feed_stories", kwargs={"format": "rss"})

    assert_only_public(client.get("/tim-kiem/", {"q": "lua tom"}).content.decode(), stories)
    for address in [feed_url, "/sitemap-pages.xml"]:
        body = client.get(address).content.decode()
        assert stories[PUBLIC].full_url in body, address
        for title in PRIVATE:
            assert stories[title].full_url not in body, (address, title)


@pytest.mark.django_db
def test_a_password_set_on_a_live_story_takes_it_off_pages_already_cached(settings, section, exemplar_index):
    """The reported case: the Board sets a password on a story readers have already seen listed."""
    settings.PAGE_CACHE_SECONDS = 300
    story = published(ExemplarPageFactory(parent=section, title=PASSWORD))
    reader = Client()
    pages = ["/", exemplar_index.url, section.url]
    for url in pages:
        assert PASSWORD in reader.get(url).content.decode(), url

    restrict(story, PageViewRestriction.PASSWORD, password="bi-mat")

    for url in pages:
        assert PASSWORD not in reader.get(url).content.decode(), url
