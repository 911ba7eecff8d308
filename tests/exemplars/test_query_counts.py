"""Pages cost a fixed number of queries, however many stories, awards, fields, related stories or events there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exemplars.models import AwardType, ExemplarAward, ExemplarRelatedStory, Field, UnitSectionPage
from tests.factories import ExemplarPageFactory, HonouringEventPageFactory
from tests.helpers import at, published

# Generous ceilings: a page that starts querying per item passes them at once with the larger data.
STORY_PAGE_MAX_QUERIES = 30
LISTING_MAX_QUERIES = 30


def count_queries(client, url, params=None):
    client.get(url, params or {})  # fills what pages keep between requests (core/fragments.py)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


def story_with(section, related_pool, n_awards, n_fields, n_related, title, n_events=1):
    story = ExemplarPageFactory(parent=section, title=title, first_published_at=at(2021, 3))
    story.fields.set(Field.objects.all()[:n_fields])
    award_type = AwardType.objects.filter(for_individuals=True).first()
    for year in range(2015, 2015 + n_awards):
        ExemplarAward.objects.create(page=story, award_type=award_type, year=year, awarded_by="UBND tỉnh Sóc Trăng")
    for other in related_pool[:n_related]:
        ExemplarRelatedStory.objects.create(page=story, story=other)
    story = published(story)
    for i in range(n_events):  # the unit's reviews that honoured it ("Honoured at" on the story)
        event = HonouringEventPageFactory(
            parent=section, title=f"Hội nghị sơ kết {title} {i}", slug=f"so-ket-{story.pk}-{i}"
        )
        event.exemplars.set([story])
        published(event)
    return story


@pytest.mark.django_db
def test_story_page_costs_the_same_with_one_or_many_awards_fields_and_related_stories(client, section):
    y_te = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")
    pool = [published(ExemplarPageFactory(parent=y_te, title=f"Bác sĩ Lâm Thị Sa Rươne {i}")) for i in range(6)]
    small = story_with(section, pool, 1, 1, 1, "Ông Thạch Sô Phol giữ rừng phòng hộ")
    large = story_with(section, pool, 6, 4, 6, "Bà Lý Thị Sà Rênh nuôi tôm sạch", n_events=5)
    client.get(small.url)  # warm the site root and locale caches
    assert "Hội nghị sơ kết Bà Lý Thị Sà Rênh nuôi tôm sạch 4" in client.get(large.url).content.decode()

    counts = [count_queries(client, small.url), count_queries(client, large.url)]
    for i in range(20):
        ExemplarPageFactory(parent=section, title=f"Chuyện thêm {i}")
    counts.append(count_queries(client, large.url))

    assert counts[0] == counts[1] == counts[2], counts
    assert counts[0] <= STORY_PAGE_MAX_QUERIES, counts


@pytest.mark.django_db
def test_listing_filtered_by_field_unit_and_year_costs_the_same_for_3_and_40_matches(client, exemplar_index, section):
    field = Field.objects.get(slug="san-xuat-kinh-doanh")
    other_field = Field.objects.get(slug="y-duc")

    def add(start, n):
        for i in range(start, start + n):
            story = ExemplarPageFactory(
                parent=section, title=f"Nông dân sản xuất giỏi {i}", first_published_at=at(2022, 5)
            )
            story.fields.set([field, other_field])
            story.save()

    params = {"field": field.slug, "unit": "huyen-ke-sach", "year": "2022"}
    add(0, 3)
    first = client.get(exemplar_index.url, params)
    assert first.context["stories"].paginator.count == 3
    small = count_queries(client, exemplar_index.url, params)
    add(3, 37)
    response = client.get(exemplar_index.url, params)
    assert response.context["stories"].paginator.count == 40
    large = count_queries(client, exemplar_index.url, params)

    assert small == large, (small, large)
    assert small <= LISTING_MAX_QUERIES


@pytest.mark.django_db
def test_choosing_a_field_unit_and_campaign_costs_no_more_queries_than_the_whole_listing(
    client, exemplar_index, section
):
    from campaigns.models import CampaignIndexPage
    from tests.factories import CampaignPageFactory

    campaigns = CampaignIndexPage.objects.filter(locale__language_code="vi").get()
    campaign = published(CampaignPageFactory(parent=campaigns, slug="nong-thon-moi"))
    field = Field.objects.get(slug="y-duc")
    for i in range(3):
        story = ExemplarPageFactory(parent=section, title=f"Thầy thuốc giỏi {i}", first_published_at=at(2022, 5))
        story.fields.set([field])
        story.campaign = campaign
        published(story)
    chosen = {"field": "y-duc", "unit": "huyen-ke-sach", "campaign": "nong-thon-moi", "year": "2022"}
    client.get(exemplar_index.url)  # warm the site root and locale caches

    whole = count_queries(client, exemplar_index.url)
    filtered = count_queries(client, exemplar_index.url, chosen)

    assert client.get(exemplar_index.url, chosen).context["stories"].paginator.count == 3
    # The lists the form offers are read once each, whether or not a value from them was chosen.
    assert filtered == whole, (whole, filtered)
