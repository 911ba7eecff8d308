"""The benchmark's bulk seeder makes stories the site treats like any other: in the tree, live, searchable, counted."""

import io

import pytest
from wagtail.models import Page

from bench.seed import seed, seeded_stories, tree_problems
from exemplars.models import ExemplarIndexPage, ExemplarPage
from reports.contributions import contribution_report, province_timezone
from search.models import SearchEntry
from units.models import Unit


@pytest.mark.django_db
def test_seeded_stories_are_live_pages_in_a_sound_tree_found_by_search_and_counted(client, newsroom, media_root):
    seed(stories=120, units=60, years=10, stdout=io.StringIO())

    assert Unit.objects.contributing().count() == 60
    assert Unit.objects.filter(slug__startswith="bench-").exists()
    stories = seeded_stories()
    assert stories.count() == 120
    assert tree_problems() == {}
    index = ExemplarIndexPage.objects.get(locale__language_code="vi")
    assert Page.objects.descendant_of(index).type(stories.model).live().count() >= 120

    story = stories.order_by("-first_published_at").first()
    response = client.get(story.url)
    assert response.status_code == 200
    assert story.subject_name in response.content.decode()

    entry = SearchEntry.objects.get(page_id=story.pk)
    assert entry.unit_id == story.unit_id
    found = client.get("/tim-kiem/", {"q": story.subject_name})
    # Every match is paged as its page id (the twenty shown are read afterwards).
    assert story.pk in found.context["results"].paginator.object_list

    # The report counts each story in the year its unit submitted it (or it was published), local time.
    year = story.first_published_at.year
    tz = province_timezone()
    expected = sum(
        1
        for s in ExemplarPage.objects.live().filter(locale__language_code="vi", unit__isnull=False)
        if (s.first_submitted_at or s.first_published_at).astimezone(tz).year == year
    )
    assert expected > 0
    assert sum(result.total for result in contribution_report(year)) == expected

    # A second run with the same size changes nothing.
    seed(stories=120, units=60, years=10, stdout=io.StringIO())
    assert seeded_stories().count() == 120
