"""The sitemaps: an index (/sitemap.xml) of pages (/sitemap-pages.xml?p=N) over every language,
each URL with its lastmod and its alternates, only live public pages; kept in a store the worker
rebuilds after a publish, which a publish empties at once (cms/sitemaps.py,
cms/sitemap_store.py)."""

import io
import math
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale, Page, PageViewRestriction

from exemplars.models import UnitSectionPage
from home.models import HomePage
from tests.factories import ExemplarPageFactory
from tests.helpers import published, run_task_worker

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
BASE = "http://testserver"


def translate(page, language_code, **values):
    """``page`` in another language, published with the untranslated pages above it."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=language_code), copy_parents=True)
    for name, value in values.items():
        setattr(translation, name, value)
    published(translation)
    for ancestor in translation.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            published(ancestor)
    return translation


def fetch_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def fetch_index(client):
    """``[(address of a page of the sitemap, its lastmod)]`` as /sitemap.xml lists them."""
    root = fetch_xml(client, "/sitemap.xml")
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    return [
        (item.find("sm:loc", SITEMAP_NS).text, item.findtext("sm:lastmod", None, SITEMAP_NS))
        for item in root.findall("sm:sitemap", SITEMAP_NS)
    ]


def fetch_page(client, address):
    """``{loc: {"lastmod": …, "alternates": {hreflang: href}}}`` of one page of the sitemap."""
    entries = {}
    for url in fetch_xml(client, address.removeprefix(BASE)).findall("sm:url", SITEMAP_NS):
        loc = url.find("sm:loc", SITEMAP_NS).text
        assert loc not in entries, f"{loc} is listed twice"
        links = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", SITEMAP_NS)}
        entries[loc] = {"lastmod": url.findtext("sm:lastmod", None, SITEMAP_NS), "alternates": links}
    return entries


def fetch_sitemap(client):
    """Every entry of every page the index lists; an address on two pages fails."""
    entries = {}
    for address, _lastmod in fetch_index(client):
        page = fetch_page(client, address)
        assert not set(page) & set(entries), "an address is on two pages"
        entries.update(page)
    return entries


def alternates(client):
    return {loc: entry["alternates"] for loc, entry in fetch_sitemap(client).items()}


@pytest.mark.django_db
def test_sitemap_lists_live_pages_of_every_language_with_alternates(client, section):
    story = published(ExemplarPageFactory(parent=section, title="Ông Sáu hiến đất làm đường", slug="ong-sau"))
    english = translate(story, "en", title="Mr Sau gives land for a road", slug="mr-sau")
    khmer = translate(story, "km", title="លោក សៅ", slug="lok-sau")

    entries = alternates(client)

    vi_url = f"{BASE}/guong-dien-hinh/huyen-ke-sach/ong-sau/"
    en_url = f"{BASE}/en/guong-dien-hinh/huyen-ke-sach/mr-sau/"
    km_url = f"{BASE}/km/guong-dien-hinh/huyen-ke-sach/lok-sau/"
    assert english.get_full_url() == en_url and khmer.get_full_url() == km_url
    expected = {"vi": vi_url, "km": km_url, "en": en_url, "x-default": vi_url}
    for url in (vi_url, en_url, km_url):
        assert entries[url] == expected, url
    assert entries[f"{BASE}/"] == {"vi": f"{BASE}/", "km": f"{BASE}/km/", "en": f"{BASE}/en/", "x-default": f"{BASE}/"}
    # Every live, public page of the site is there, once per language, at Wagtail's own address.
    assert set(entries) == {page.get_full_url() for page in Page.objects.live().public().filter(depth__gt=1)}
    assert entries[f"{BASE}/gioi-thieu/"]["en"] == f"{BASE}/en/gioi-thieu/"
    only_vi = published(ExemplarPageFactory(parent=section, slug="chi-tieng-viet"))
    assert alternates(client)[only_vi.get_full_url()] == {}
    for url in (vi_url, en_url, km_url, f"{BASE}/en/"):
        assert client.get(url.removeprefix(BASE)).status_code == 200, url


@pytest.mark.django_db
def test_sitemap_leaves_out_drafts_pages_in_moderation_and_private_pages(client, section, superuser):
    live = published(ExemplarPageFactory(parent=section, title="Đã xuất bản", slug="da-xuat-ban"))
    draft = ExemplarPageFactory(parent=section, title="Bản nháp", slug="ban-nhap", live=False)
    draft.save_revision(user=superuser)
    in_moderation = ExemplarPageFactory(parent=section, title="Đang chờ duyệt", slug="cho-duyet", live=False)
    in_moderation.save_revision(user=superuser)
    in_moderation.get_workflow().start(in_moderation, superuser)
    private_section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")
    hidden = published(ExemplarPageFactory(parent=private_section, title="Trong mục riêng tư", slug="rieng-tu"))
    PageViewRestriction.objects.create(page=private_section, restriction_type="password", password="x")
    login_only = published(ExemplarPageFactory(parent=section, title="Chỉ cho người đăng nhập", slug="dang-nhap"))
    PageViewRestriction.objects.create(page=login_only, restriction_type=PageViewRestriction.LOGIN)
    # Beneath an unpublished English home page the English pages cannot be reached.
    unreachable = translate(live, "en", slug="published-in-english")
    HomePage.objects.get(locale__language_code="en").unpublish()

    entries = alternates(client)

    assert entries[live.get_full_url()] == {}
    for page in (draft, in_moderation, hidden, login_only, unreachable):
        assert not any(page.slug in url for url in entries), page.title
    assert private_section.get_full_url() not in entries
    assert not any("/en/" in url for url in entries)
    assert f"{BASE}/km/" in entries


@pytest.mark.django_db
def test_the_index_lists_pages_that_split_the_urls_each_with_its_lastmod(client, section, settings):
    settings.SITEMAP_PAGE_SIZE = 7
    for number in range(12):
        published(ExemplarPageFactory(parent=section, slug=f"guong-sang-{number}"))
    total = Page.objects.live().public().filter(depth__gt=1).count()

    index = fetch_index(client)

    assert len(index) == math.ceil(total / 7) > 2
    assert index[0][0] == f"{BASE}/sitemap-pages.xml"
    later = [f"{BASE}/sitemap-pages.xml?p={number}" for number in range(2, len(index) + 1)]
    assert [address for address, _lastmod in index[1:]] == later
    seen = {}
    for address, lastmod in index:
        page = fetch_page(client, address)
        assert 0 < len(page) <= 7
        assert not set(page) & set(seen)
        seen.update(page)
        # Every URL has its lastmod (a date); the index gives each page the latest of its URLs'.
        assert all(entry["lastmod"] for entry in page.values())
        assert lastmod and lastmod[:10] == max(entry["lastmod"] for entry in page.values())
    assert len(seen) == total
    assert f"{BASE}/guong-dien-hinh/huyen-ke-sach/guong-sang-11/" in seen


@pytest.mark.django_db
@pytest.mark.parametrize("stored", [False, True], ids=["built", "stored"])
def test_a_page_number_that_is_not_one_answers_404(client, section, settings, stored):
    settings.SITEMAP_PAGE_SIZE = 10
    if stored:
        from cms.sitemap_store import rebuild_site

        rebuild_site(section.get_site())
    pages = len(fetch_index(client))
    assert client.get(f"/sitemap-pages.xml?p={pages}").status_code == 200
    for p in [
        "abc",
        "0",
        "-1",
        str(pages + 1),
        "999999999",
        "9" * 40,
        "1.5",
        "1e3",
        "9" * 5000,
        "",
        "%00",
        "1%20OR%201=1",
    ]:
        assert client.get(f"/sitemap-pages.xml?p={p}").status_code == 404, p


@pytest.mark.django_db
def test_each_page_of_the_sitemap_costs_the_same_queries_for_5_or_25_stories(client, section, settings):
    settings.SITEMAP_PAGE_SIZE = 10

    def count(url):
        client.get(url)  # warm the caches of site root paths and content types
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    def counts():
        pages = len(fetch_index(client))
        return count("/sitemap.xml"), count("/sitemap-pages.xml"), count(f"/sitemap-pages.xml?p={pages}"), pages

    for number in range(5):
        story = published(ExemplarPageFactory(parent=section, slug=f"guong-sang-{number}"))
        if number == 0:
            translate(story, "en")
    few = counts()
    for number in range(5, 25):
        story = published(ExemplarPageFactory(parent=section, slug=f"guong-sang-{number}"))
        if number % 5 == 0:
            translate(story, "en")
    many = counts()
    assert many[3] > few[3]  # more pages of the sitemap
    assert few[:3] == many[:3], (few, many)


# The store, and the worker that fills it


@pytest.fixture
def queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return settings


def stored_sitemaps():
    from cms.models import StoredSitemap  # here, so that the other tests run on a tree without it

    return StoredSitemap


def rebuilds():
    return DBTaskResult.objects.filter(task_path="cms.sitemap_store.rebuild_sitemaps")


@pytest.mark.django_db
def test_a_publish_empties_the_store_and_the_worker_rebuilds_it(
    client, section, queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = published(ExemplarPageFactory(parent=section, slug="guong-sang-dau-tien"))
    run_task_worker()
    assert stored_sitemaps().objects.filter(number=0).exists()
    with CaptureQueriesContext(connection) as queries:
        served = client.get("/sitemap-pages.xml").content
    assert len(queries) <= 3  # the stored document, not a build
    assert first.get_full_url().encode() in served

    # Two stories published together: the store is emptied at the commit, rebuilds are queued,
    # and until the worker runs the sitemaps are built on request, already with the new stories.
    earlier = list(rebuilds().values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        second = published(ExemplarPageFactory(parent=section, slug="guong-sang-thu-hai"))
        third = published(ExemplarPageFactory(parent=section, slug="guong-sang-thu-ba"))
    assert not stored_sitemaps().objects.exists()
    assert rebuilds().filter(status=TaskResultStatus.READY).exists()
    entries = alternates(client)
    assert second.get_full_url() in entries and third.get_full_url() in entries
    run_task_worker()
    assert stored_sitemaps().objects.filter(content__contains=third.get_full_url()).count() == 1
    # The first rebuild did the work; the others found it done.
    written = [sum(task.return_value.values()) for task in rebuilds().exclude(pk__in=earlier)]
    assert len([count for count in written if count]) == 1, written

    # Unpublishing takes the story out at once, not when the worker comes round.
    with django_capture_on_commit_callbacks(execute=True):
        first.unpublish()
    assert first.get_full_url() not in alternates(client)
    run_task_worker()
    assert first.get_full_url() not in alternates(client)
    assert second.get_full_url() in alternates(client)
    assert stored_sitemaps().objects.filter(number=0).exists()


@pytest.mark.django_db
def test_a_view_restriction_empties_the_store(client, section, queue, django_capture_on_commit_callbacks):
    story = published(ExemplarPageFactory(parent=section, slug="sap-rieng-tu"))
    from cms.sitemap_store import rebuild_site

    rebuild_site(section.get_site())
    assert story.get_full_url() in alternates(client)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=story, restriction_type="password", password="x")
    assert story.get_full_url() not in alternates(client)


@pytest.mark.django_db
def test_robots_txt_points_at_the_index(client, newsroom):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert fetch_index(client)


# Stored before the first crawler, and purged from a CDN


@pytest.mark.django_db
def test_build_sitemaps_stores_every_page_and_serves_them_as_built(client, section, settings):
    settings.SITEMAP_PAGE_SIZE = 7
    for number in range(12):
        published(ExemplarPageFactory(parent=section, slug=f"guong-sang-{number}"))
    index = fetch_index(client)
    built = {address: client.get(address.removeprefix(BASE)).content for address, _lastmod in index}
    built_index = client.get("/sitemap.xml").content
    assert not stored_sitemaps().objects.exists()  # the tests' tasks run at once: nothing stored

    call_command("build_sitemaps", stdout=io.StringIO())

    assert stored_sitemaps().objects.count() == len(index) + 1 > 3  # every page, and the index
    for address, content in built.items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address.removeprefix(BASE)).content == content, address
        assert len(queries) <= 3, address  # read from the store, not built
    assert client.get("/sitemap.xml").content == built_index


@pytest.mark.django_db
def test_a_publish_purges_the_index_and_every_page_of_the_sitemap_from_the_cdn(
    client, section, settings, cdn, django_capture_on_commit_callbacks
):
    settings.SITEMAP_PAGE_SIZE = 7
    for number in range(12):
        published(ExemplarPageFactory(parent=section, slug=f"guong-sang-{number}"))
    host = section.get_site().hostname
    pages = [address.removeprefix(BASE) for address, _lastmod in fetch_index(client)]
    assert len(pages) > 2

    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story = published(ExemplarPageFactory(parent=section, slug="guong-sang-moi"))
    # A new story shifts every later URL onto the next page: the CDN forgets them all.
    assert {f"{host}/sitemap.xml", *(f"{host}{page}" for page in pages)} <= set(cdn)

    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    assert {f"{host}/sitemap.xml", *(f"{host}{page}" for page in pages)} <= set(cdn)
