"""The search reads what the public may see from each entry's own flag (SearchEntry.public): it
must follow every change of that, at once, with the facets' counts."""

import pytest
from wagtail.models import PageViewRestriction

from exemplars.models import UnitSectionPage
from tests.factories import ExemplarPageFactory
from tests.helpers import published

SEARCH = "/tim-kiem/"
TITLE = "Ông Danh Thol nuôi tôm càng xanh trong ruộng lúa"


def section(slug):
    return UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug=slug)


def found(client, query="tom cang xanh"):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    units = {v["value"]: v["count"] for f in response.context["facets"] if f["name"] == "unit" for v in f["values"]}
    return [entry.page_id for entry in response.context["results"]], units


@pytest.mark.django_db
def test_a_restriction_on_the_section_hides_its_indexed_stories_until_lifted(client, newsroom):
    story = published(ExemplarPageFactory(parent=section("huyen-ke-sach"), title=TITLE))
    assert found(client) == ([story.pk], {"huyen-ke-sach": 1})

    restriction = PageViewRestriction.objects.create(
        page=section("huyen-ke-sach"), restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    assert found(client) == ([], {})

    restriction.delete()
    assert found(client) == ([story.pk], {"huyen-ke-sach": 1})


@pytest.mark.django_db
def test_a_story_moved_under_a_restricted_section_is_hidden_and_back_once_moved_out(client, newsroom, superuser):
    story = published(ExemplarPageFactory(parent=section("huyen-ke-sach"), title=TITLE))
    PageViewRestriction.objects.create(page=section("so-y-te"), restriction_type=PageViewRestriction.LOGIN)

    story.move(section("so-y-te"), pos="last-child", user=superuser)
    assert found(client) == ([], {})

    story.refresh_from_db()
    story.move(section("huyen-ke-sach"), pos="last-child", user=superuser)
    assert found(client) == ([story.pk], {"huyen-ke-sach": 1})


@pytest.mark.django_db
def test_an_unpublished_story_leaves_the_results_and_the_counts(client, newsroom):
    story = published(ExemplarPageFactory(parent=section("huyen-ke-sach"), title=TITLE))
    other = published(ExemplarPageFactory(parent=section("so-y-te"), title=f"{TITLE} ở Cù Lao Dung"))
    assert sorted(found(client)[0]) == sorted([story.pk, other.pk])

    story.unpublish()
    assert found(client) == ([other.pk], {"so-y-te": 1})
