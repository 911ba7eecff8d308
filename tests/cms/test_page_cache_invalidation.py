"""Publishing does not stampede: a change to a story makes stale only the cached pages it shows on
(its own, its section and index with every query string, the home pages, its feeds, its campaign,
the stories relating it, the hall of honour, in every language), while every other
cached page stays a hit; a change shown on every page still makes everything stale."""

import os
import subprocess
import sys

import pytest
from django.db import transaction
from django.test import Client
from wagtail.models import Page

from campaigns.models import CampaignIndexPage
from commendations.models import HallOfHonourPage
from exemplars.models import ExemplarPage, ExemplarRelatedStory, Field, UnitSectionPage
from tests.factories import CampaignPageFactory, ExemplarPageFactory
from tests.helpers import at, published
from units.models import Unit

OLD_TITLE = "Bà Lâm Thị Sa Ry gom rác thải nhựa đổi lấy gạo cho hộ nghèo"
NEW_TITLE = "Bà Lâm Thị Sa Ry: ba năm đổi 12 tấn rác nhựa lấy gạo cho hộ nghèo"
OTHER_TITLE = "Bác sĩ Trần Văn Hiếu mười năm khám bệnh miễn phí ở vùng sâu"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_MAX_AGE = 60


def vi_section(slug):
    return UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug=slug)


@pytest.fixture
def places(newsroom, section, exemplar_index):
    """Story A (in a campaign, related from story C) and what is unrelated to it: story B in another
    unit, another campaign, another unit's section."""
    campaigns = CampaignIndexPage.objects.filter(locale__language_code="vi").get()
    campaign = published(CampaignPageFactory(parent=campaigns, title="Phong trào Dân vận khéo", slug="dan-van-kheo"))
    other_campaign = published(CampaignPageFactory(parent=campaigns, title="Phong trào Tuổi trẻ sáng tạo"))
    story = ExemplarPageFactory(
        parent=section, title=OLD_TITLE, slug="lam-thi-sa-ry", campaign=campaign, first_published_at=at(2021, 3)
    )
    story.fields.set([Field.objects.get(slug="y-duc")])
    story = published(story)
    relating = ExemplarPageFactory(parent=section, title="Anh Danh Sóc Kha làm đường giao thông nông thôn")
    ExemplarRelatedStory.objects.create(page=relating, story=story)
    relating = published(relating)
    y_te = vi_section("so-y-te")
    unrelated_story = published(ExemplarPageFactory(parent=y_te, title=OTHER_TITLE, first_published_at=at(2021, 4)))
    hall = HallOfHonourPage.objects.get(locale__language_code="vi")
    index = exemplar_index.url
    showing = [
        *[story.url, section.url, f"{section.url}?from=zalo", index, f"{index}?field=y-duc"],
        f"{index}?unit=huyen-ke-sach",
        *["/", "/en/", "/km/", "/rss/", "/atom/", "/en/rss/", "/km/atom/", "/rss/don-vi/huyen-ke-sach/"],
        *["/rss/linh-vuc/y-duc/", "/rss/phong-trao/dan-van-kheo/", campaign.url, relating.url, hall.url],
    ]
    unrelated = [unrelated_story.url, other_campaign.url, y_te.url, "/rss/don-vi/so-y-te/"]
    return {"story": story, "showing": showing, "unrelated": unrelated, "y_te": y_te, "campaign": campaign.url}


def fetch(url, status=200):
    response = Client().get(url)
    assert response.status_code == status, (url, response.status_code)
    return response


def fill(urls):
    for url in urls:
        fetch(url)
        assert fetch(url).get("X-Page-Cache") == "hit", url


def assert_still_cached(urls):
    for url in urls:
        assert fetch(url).get("X-Page-Cache") == "hit", url


def assert_refreshed(urls):
    for url in urls:
        response = Client().get(url)
        assert response.get("X-Page-Cache") != "hit", url


@pytest.mark.django_db
def test_publishing_a_story_refreshes_where_it_shows_and_leaves_the_rest_cached(page_cache, places, section):
    fill(places["showing"] + places["unrelated"])

    story = places["story"]
    story.title = NEW_TITLE
    published(story)

    assert_still_cached(places["unrelated"])
    assert_refreshed(places["showing"])
    for url in [story.url, section.url, f"{section.url}?from=zalo", "/", "/rss/"]:
        html = fetch(url).content.decode()
        assert NEW_TITLE in html and OLD_TITLE not in html, url


@pytest.mark.django_db
def test_unpublishing_refreshes_where_it_showed_and_leaves_the_rest_cached(page_cache, places, section):
    fill(places["showing"] + places["unrelated"])

    places["story"].unpublish()

    assert_still_cached(places["unrelated"])
    fetch(places["story"].url, status=404)
    assert_refreshed(places["showing"][1:])
    for url in [section.url, "/", "/rss/", "/rss/linh-vuc/y-duc/"]:
        assert OLD_TITLE not in fetch(url).content.decode(), url


@pytest.mark.django_db
def test_moving_refreshes_the_old_and_the_new_unit_and_leaves_the_rest_cached(page_cache, places, section):
    story, y_te = places["story"], places["y_te"]
    elsewhere = vi_section("huyen-my-tu")
    new_unit = [y_te.url, "/rss/don-vi/so-y-te/"]
    unrelated = [url for url in places["unrelated"] if url not in new_unit] + [elsewhere.url]
    fill(places["showing"] + places["unrelated"] + [elsewhere.url])

    Page.objects.get(pk=story.pk).move(y_te, pos="last-child")

    assert_still_cached(unrelated)
    new_url = ExemplarPage.objects.get(pk=story.pk).url
    assert fetch(story.url, status=301)["Location"] == new_url
    assert OLD_TITLE not in fetch(section.url).content.decode()
    new_section = fetch(y_te.url)
    assert new_section["X-Page-Cache"] == "miss" and OLD_TITLE in new_section.content.decode()
    assert_refreshed(places["showing"][2:] + new_unit[1:])


@pytest.mark.django_db
def test_deleting_refreshes_where_it_showed_and_leaves_the_rest_cached(page_cache, places, section):
    fill(places["showing"] + places["unrelated"])

    Page.objects.get(pk=places["story"].pk).delete()

    assert_still_cached(places["unrelated"])
    fetch(places["story"].url, status=404)
    assert_refreshed(places["showing"][1:])
    for url in [section.url, "/", "/rss/", places["campaign"]]:
        assert OLD_TITLE not in fetch(url).content.decode(), url


@pytest.mark.django_db
def test_renaming_a_unit_still_makes_every_cached_page_stale(page_cache, places):
    fill(places["showing"] + places["unrelated"])

    unit = Unit.objects.get(slug="so-y-te")
    unit.name = "Sở Y tế tỉnh Sóc Trăng (đổi tên)"
    unit.save()

    assert_refreshed(places["showing"] + places["unrelated"])
    assert "Sở Y tế tỉnh Sóc Trăng (đổi tên)" in fetch(places["unrelated"][0]).content.decode()


@pytest.mark.django_db
def test_a_reader_who_refills_the_cache_before_the_commit_is_not_believed(
    page_cache, places, django_capture_on_commit_callbacks
):
    """Another worker reading the old rows between the publish and its commit caches the old page;
    the generations move again after the commit, so no reader is served it afterwards."""
    story = places["story"]
    fill(places["showing"] + places["unrelated"])
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        story.title = NEW_TITLE
        published(story)
        # What another connection still reads until the commit.
        ExemplarPage.objects.filter(pk=story.pk).update(title=OLD_TITLE, draft_title=OLD_TITLE)
        assert OLD_TITLE in fetch(story.url).content.decode()
        assert fetch(story.url)["X-Page-Cache"] == "hit"
        ExemplarPage.objects.filter(pk=story.pk).update(title=NEW_TITLE, draft_title=NEW_TITLE)

    for url in places["showing"][:5]:
        html = fetch(url).content.decode()
        assert NEW_TITLE in html and OLD_TITLE not in html, url
    assert_still_cached(places["unrelated"])


OTHER_WORKER = """
import django
django.setup()
from django.conf import settings
settings.PAGE_CACHE_GENERATION_FILE = {path!r}
from core import cache_generation
cache_generation.invalidate_paths([{url!r}])
"""


@pytest.mark.django_db
def test_a_publish_in_another_worker_makes_only_its_paths_stale_in_this_workers_local_cache(
    page_cache, settings, tmp_path, places
):
    """Each worker has its own local-memory cache; the generation files are what they share."""
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "page-cache-generation")
    story = places["story"]
    fill([story.url, f"{story.url}?from=facebook", *places["unrelated"]])
    ExemplarPage.objects.filter(pk=story.pk).update(title=NEW_TITLE)

    subprocess.run(
        [sys.executable, "-c", OTHER_WORKER.format(path=settings.PAGE_CACHE_GENERATION_FILE, url=story.url)],
        check=True,
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
    )

    for url in [story.url, f"{story.url}?from=facebook"]:
        response = fetch(url)
        assert response["X-Page-Cache"] == "miss" and NEW_TITLE in response.content.decode(), url
    assert_still_cached(places["unrelated"])
