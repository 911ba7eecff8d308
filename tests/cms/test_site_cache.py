"""The Wagtail site serving a host, and the menus' links, are kept between requests (core/sites.py,
home/templatetags/newsroom_tags.py) under the content generation: a new or renamed site host and a
menu page's new address show on the next request, and a page's view restriction still holds at once.

Each test reads the pages once first, so that what is kept is filled, then changes something the
way editors do and reads them again."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from campaigns.models import CampaignIndexPage
from tests.factories import ExemplarPageFactory
from tests.helpers import at, published


@pytest.fixture
def story(section):
    return published(
        ExemplarPageFactory(parent=section, title="Giữ rừng", slug="giu-rung", first_published_at=at(2022, 5))
    )


def get(client, url, host):
    return client.get(url, HTTP_HOST=host)


@pytest.mark.django_db
def test_a_new_site_host_serves_its_own_root_on_the_next_request(client, exemplar_index):
    # Unknown so far: the default site (the home page) answers, and that answer is kept.
    before = get(client, "/", "tin.example.org")
    assert before.status_code == 200
    assert f"<h1>{exemplar_index.title}" not in before.content.decode()

    Site.objects.create(hostname="tin.example.org", port=80, root_page=exemplar_index, site_name="Tin")

    after = get(client, "/", "tin.example.org")
    assert after.status_code == 200
    assert after.context["page"].pk == exemplar_index.pk


@pytest.mark.django_db
def test_a_renamed_site_host_resolves_under_its_new_name_at_once(client, exemplar_index):
    site = Site.objects.create(hostname="a.example.org", port=80, root_page=exemplar_index, site_name="A")
    assert get(client, "/", "a.example.org").context["page"].pk == exemplar_index.pk
    default_root = get(client, "/", "b.example.org").context["page"].pk
    assert default_root != exemplar_index.pk

    site.hostname = "b.example.org"
    site.save()

    assert get(client, "/", "b.example.org").context["page"].pk == exemplar_index.pk
    assert get(client, "/", "a.example.org").context["page"].pk == default_root


@pytest.mark.django_db
def test_a_warm_page_asks_the_database_for_no_site(client, exemplar_index):
    client.get(exemplar_index.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(exemplar_index.url).status_code == 200
    assert not [q["sql"] for q in queries if '"wagtailcore_site"' in q["sql"]]


@pytest.mark.django_db
def test_a_menu_page_moved_to_a_new_address_is_linked_there_from_every_page(client, exemplar_index):
    campaigns = CampaignIndexPage.objects.get(locale__language_code="vi")
    assert f'<a href="{campaigns.url}">' in client.get(exemplar_index.url).content.decode()

    campaigns.slug = "phong-trao-moi"
    published(campaigns)

    page = client.get(exemplar_index.url).content.decode()
    assert '<a href="/phong-trao-moi/">' in page
    assert '<a href="/phong-trao-thi-dua/">' not in page


@pytest.mark.django_db
def test_a_new_view_restriction_hides_a_page_read_before_at_once(client, exemplar_index):
    assert client.get(exemplar_index.url).status_code == 200

    PageViewRestriction.objects.create(page=exemplar_index, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(exemplar_index.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.django_db
def test_a_story_read_before_is_gone_once_unpublished_and_hidden_once_restricted(client, story, section):
    assert client.get(story.url).status_code == 200
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(story.url).status_code == 302

    other = published(
        ExemplarPageFactory(parent=section, title="Đổi mới", slug="doi-moi", first_published_at=at(2022, 6))
    )
    assert client.get(other.url).status_code == 200
    other.unpublish()
    assert client.get(other.url).status_code == 404


@pytest.mark.django_db
def test_a_story_given_a_new_slug_answers_at_its_new_address_only(client, story):
    old_url = story.url
    assert client.get(old_url).status_code == 200
    assert client.get(old_url.replace("giu-rung", "giu-rung-ngap-man")).status_code == 404

    story.slug = "giu-rung-ngap-man"
    story = published(story)

    assert client.get(story.url).status_code == 200
    # The old address no longer serves the page: it is gone, or redirects to the new one.
    old = client.get(old_url)
    assert old.status_code in (301, 302, 404)
    if old.status_code != 404:
        assert old["Location"].endswith(story.url)


@pytest.mark.django_db
def test_a_warm_story_reads_its_page_in_one_query(client, story):
    client.get(story.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(story.url).status_code == 200
    by_address = [q["sql"] for q in queries if '"url_path"' in q["sql"] and "giu-rung" in q["sql"]]
    assert not by_address


@pytest.mark.django_db
def test_a_warm_section_under_the_home_page_is_found_without_a_lookup_by_slug(client, exemplar_index):
    client.get(exemplar_index.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(exemplar_index.url).status_code == 200
    by_slug = [q["sql"] for q in queries if '"slug" = ' in q["sql"] and exemplar_index.slug in q["sql"]]
    assert not by_slug


@pytest.mark.django_db
def test_a_section_under_the_home_page_given_a_new_slug_answers_at_its_new_address(client):
    campaigns = CampaignIndexPage.objects.get(locale__language_code="vi")
    old_url = campaigns.url
    assert client.get(old_url).status_code == 200

    campaigns.slug = "phong-trao-moi"
    published(campaigns)

    assert client.get("/phong-trao-moi/").status_code == 200
    old = client.get(old_url)
    assert old.status_code in (301, 302, 404)
    if old.status_code != 404:
        assert old["Location"].endswith("/phong-trao-moi/")
    campaigns.unpublish()
    assert client.get("/phong-trao-moi/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/guong-dien-hinh/?year=2022"])
def test_routing_from_the_kept_site_reads_neither_the_locale_nor_the_home_page(client, story, url):
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    sql = [q["sql"] for q in queries]
    assert not [s for s in sql if 'FROM "wagtailcore_locale"' in s]
    assert not [s for s in sql if 'FROM "home_homepage"' in s]
