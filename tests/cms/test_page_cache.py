"""The anonymous page cache: readers get cached pages; publishing, unpublishing, moving and deleting
show at once everywhere the story appears; editors, previews and forms are never cached."""

import os
import subprocess
import sys

import pytest
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from exemplars.models import ExemplarPage, Field, UnitSectionPage
from tests.factories import ExemplarPageFactory
from tests.helpers import at, published

OLD_TITLE = "Ông Thạch Sa Rươne nuôi tôm càng xanh trong ruộng lúa"
NEW_TITLE = "Ông Thạch Sa Rươne: tôm - lúa cho lãi 300 triệu đồng mỗi năm"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_MAX_AGE = 60


@pytest.fixture
def story(section):
    page = ExemplarPageFactory(parent=section, title=OLD_TITLE, slug="thach-sa-ruone", first_published_at=at(2020, 6))
    page.fields.set([Field.objects.get(slug="y-duc")])
    return published(page)


@pytest.fixture
def reader():
    """A reader without cookies (the test's ``client`` may be an editor's)."""
    return Client()


def where_the_story_shows(story, section, exemplar_index):
    return [story.url, section.url, exemplar_index.url, "/", "/rss/"]


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response


@pytest.mark.django_db
@pytest.mark.parametrize("which", ["story", "section", "index", "home", "rss", "atom", "filtered listing"])
def test_a_second_reader_is_served_from_the_cache_without_touching_the_database(
    page_cache, reader, story, section, exemplar_index, which, django_assert_num_queries
):
    url = {
        "story": story.url,
        "section": section.url,
        "index": exemplar_index.url,
        "home": "/",
        "rss": "/rss/",
        "atom": "/en/atom/",
        "filtered listing": f"{exemplar_index.url}?field=y-duc",
    }[which]
    first = get(reader, url)
    assert first["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0):
        second = get(Client(), url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Cache-Control"] == "public, max-age=60"


@pytest.mark.django_db
def test_each_language_and_each_query_string_is_its_own_entry(page_cache, reader, story, exemplar_index):
    assert 'lang="vi"' in get(reader, "/").content.decode()
    english = get(reader, "/en/")
    assert english["X-Page-Cache"] == "miss"
    assert 'lang="en"' in english.content.decode()
    assert get(reader, "/")["X-Page-Cache"] == "hit"

    everything = get(reader, exemplar_index.url)
    filtered = get(reader, f"{exemplar_index.url}?field=xay-dung-nong-thon-moi&unit=huyen-ke-sach")
    assert filtered["X-Page-Cache"] == "miss"
    assert OLD_TITLE in everything.content.decode()
    assert OLD_TITLE not in filtered.content.decode()
    # The same parameters in another order are the same page.
    reordered = get(reader, f"{exemplar_index.url}?unit=huyen-ke-sach&field=xay-dung-nong-thon-moi")
    assert reordered["X-Page-Cache"] == "hit"
    assert reordered.content == filtered.content


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["page=%ZZ", "field=%FF%FE%00", "=&&=x&page", "page=2&page=abc", "q=%E1%BB"])
def test_malformed_query_strings_are_answered_not_crashed(page_cache, reader, exemplar_index, query):
    response = reader.get(f"{exemplar_index.url}?{query}")
    assert response.status_code in (200, 400, 404)
    again = reader.get(f"{exemplar_index.url}?{query}")
    assert again.status_code == response.status_code


@pytest.mark.django_db
def test_publishing_an_edit_shows_the_new_title_everywhere_at_once(page_cache, reader, story, section, exemplar_index):
    urls = where_the_story_shows(story, section, exemplar_index)
    for url in urls:
        assert OLD_TITLE in get(reader, url).content.decode(), url
        assert get(reader, url)["X-Page-Cache"] == "hit"

    story.title = NEW_TITLE
    published(story)

    for url in urls:
        html = get(reader, url).content.decode()
        assert NEW_TITLE in html, url
        assert OLD_TITLE not in html, url


@pytest.mark.django_db
def test_unpublishing_takes_the_story_off_every_page_at_once(page_cache, reader, story, section, exemplar_index):
    urls = where_the_story_shows(story, section, exemplar_index)
    for url in urls:
        get(reader, url)

    story.unpublish()

    get(reader, story.url, status=404)
    for url in urls[1:]:
        assert OLD_TITLE not in get(reader, url).content.decode(), url


@pytest.mark.django_db
def test_moving_a_story_to_another_unit_shows_at_once(page_cache, reader, story, section, exemplar_index):
    y_te = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")
    old_url = story.url
    for url in [old_url, section.url, y_te.url]:
        get(reader, url)

    Page.objects.get(pk=story.pk).move(y_te, pos="last-child")

    new_url = ExemplarPage.objects.get(pk=story.pk).url
    # Wagtail leaves a redirect from the old address, which must win over the cached page.
    assert get(reader, old_url, status=301)["Location"] == new_url
    assert OLD_TITLE not in get(reader, section.url).content.decode()
    assert OLD_TITLE in get(reader, y_te.url).content.decode()
    assert OLD_TITLE in get(reader, new_url).content.decode()


@pytest.mark.django_db
def test_deleting_a_story_removes_it_at_once(page_cache, reader, story, section, exemplar_index):
    urls = where_the_story_shows(story, section, exemplar_index)
    for url in urls:
        get(reader, url)

    Page.objects.get(pk=story.pk).delete()

    get(reader, story.url, status=404)
    for url in urls[1:]:
        assert OLD_TITLE not in get(reader, url).content.decode(), url


@pytest.mark.django_db
def test_renaming_a_field_shows_on_the_cached_story_at_once(page_cache, reader, story):
    field = Field.objects.get(slug="y-duc")
    old_name = field.name
    assert old_name in get(reader, story.url).content.decode()

    field.name = "Y đức, tận tụy với người bệnh"
    field.save()

    assert "Y đức, tận tụy với người bệnh" in get(reader, story.url).content.decode()


@pytest.mark.django_db
def test_an_editor_always_gets_a_fresh_page_and_never_fills_the_cache(page_cache, reader, admin_client, story):
    get(reader, story.url)
    # A change no signal announces: only someone who bypasses the cache can see it.
    ExemplarPage.objects.filter(pk=story.pk).update(title=NEW_TITLE)

    as_editor = get(admin_client, story.url)
    assert NEW_TITLE in as_editor.content.decode()
    assert "X-Page-Cache" not in as_editor
    assert "no-store" in as_editor["Cache-Control"] and "private" in as_editor["Cache-Control"]
    assert OLD_TITLE in get(reader, story.url).content.decode()

    # Nor does what an editor was shown reach readers.
    ExemplarPage.objects.filter(pk=story.pk).update(title="Bản chỉ biên tập viên thấy")
    other = get(admin_client, f"{story.url}?from=editor")
    ExemplarPage.objects.filter(pk=story.pk).update(title=NEW_TITLE)
    assert "Bản chỉ biên tập viên thấy" in other.content.decode()
    assert "Bản chỉ biên tập viên thấy" not in get(reader, f"{story.url}?from=editor").content.decode()


@pytest.mark.django_db
def test_a_draft_previewed_by_an_editor_never_reaches_readers(page_cache, reader, admin_client, story):
    get(reader, story.url)
    story.title = "Bản nháp chưa duyệt"
    story.save_revision()

    draft = get(admin_client, f"/admin/pages/{story.pk}/view_draft/")
    assert "Bản nháp chưa duyệt" in draft.content.decode()
    assert "X-Page-Cache" not in draft

    live = get(reader, story.url)
    assert "Bản nháp chưa duyệt" not in live.content.decode()
    assert OLD_TITLE in live.content.decode()


@pytest.mark.django_db
def test_a_page_with_a_form_is_never_cached_and_a_new_restriction_applies_at_once(page_cache, reader, story):
    assert OLD_TITLE in get(reader, story.url).content.decode()

    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.PASSWORD, password="soctrang")

    # Wagtail's password form carries a CSRF token, so it must be rendered for each reader.
    first = get(reader, story.url)
    assert OLD_TITLE not in first.content.decode()
    assert "csrfmiddlewaretoken" in first.content.decode()
    second = get(Client(), story.url)
    assert "X-Page-Cache" not in second
    assert "csrfmiddlewaretoken" in second.content.decode()


@pytest.mark.django_db
def test_readers_with_a_session_are_not_served_from_the_cache(page_cache, reader, story):
    get(reader, story.url)
    ExemplarPage.objects.filter(pk=story.pk).update(title=NEW_TITLE)

    with_session = Client()
    with_session.cookies["sessionid"] = "an-anonymous-session"
    assert NEW_TITLE in get(with_session, story.url).content.decode()


@pytest.mark.django_db
def test_page_cache_seconds_zero_turns_the_cache_off(settings, reader, story):
    settings.PAGE_CACHE_SECONDS = 0
    get(reader, story.url)
    ExemplarPage.objects.filter(pk=story.pk).update(title=NEW_TITLE)
    response = get(reader, story.url)
    assert NEW_TITLE in response.content.decode()
    assert "X-Page-Cache" not in response


@pytest.mark.django_db
def test_publishing_purges_the_story_its_ancestors_in_every_language_and_the_feeds_from_the_cdn(
    cdn, story, section, exemplar_index, django_capture_on_commit_callbacks
):
    host = story.get_site().hostname
    story.title = NEW_TITLE
    with django_capture_on_commit_callbacks(execute=True):
        published(story)

    purged = set(cdn)
    expected = {
        f"{host}{story.url}",
        f"{host}{section.url}",
        f"{host}{exemplar_index.url}",
        f"{host}/",
        f"{host}/en/",
        f"{host}/km/",
        f"{host}/rss/",
        f"{host}/atom/",
        f"{host}/en/rss/",
        f"{host}/km/atom/",
        f"{host}/rss/don-vi/huyen-ke-sach/",
        f"{host}/rss/linh-vuc/y-duc/",
        f"{host}/sitemap.xml",
    }
    assert expected <= purged, expected - purged


@pytest.mark.django_db
def test_moving_purges_the_old_address_from_the_cdn(cdn, story, django_capture_on_commit_callbacks):
    host = story.get_site().hostname
    old_url = story.url
    y_te = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=story.pk).move(y_te, pos="last-child")

    assert {f"{host}{old_url}", f"{host}{y_te.url}", f"{host}{ExemplarPage.objects.get(pk=story.pk).url}"} <= set(cdn)


OTHER_WORKER = """
import django
django.setup()
from django.conf import settings
settings.PAGE_CACHE_GENERATION_FILE = {path!r}
from core import cache_generation
cache_generation.invalidate()
"""


@pytest.mark.django_db
def test_a_publish_in_another_worker_process_makes_this_workers_local_cache_stale(
    page_cache, settings, tmp_path, reader, story
):
    """Each worker has its own local-memory cache; the generation file is what they share."""
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "page-cache-generation")
    get(reader, story.url)
    assert get(reader, story.url)["X-Page-Cache"] == "hit"
    ExemplarPage.objects.filter(pk=story.pk).update(title=NEW_TITLE)

    subprocess.run(
        [sys.executable, "-c", OTHER_WORKER.format(path=settings.PAGE_CACHE_GENERATION_FILE)],
        check=True,
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
    )

    response = get(reader, story.url)
    assert response["X-Page-Cache"] == "miss"
    assert NEW_TITLE in response.content.decode()
