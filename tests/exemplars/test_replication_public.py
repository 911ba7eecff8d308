"""What readers see of replication records (nhân rộng): the story's "nhan-rong" section and its count
of places, the listing's filter, the API field, the feeds; never a draft; and the caches follow."""

import datetime

import feedparser
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from cms.cache_invalidation import urls_to_purge
from exemplars.models.replication import ReplicationCount
from tests.exemplars.replication_world import MODEL_TITLE, record, section_of
from tests.factories import ExemplarPageFactory
from tests.helpers import at, published

API = "/api/v2/pages/"
STORY = "exemplars.ExemplarPage"


@pytest.fixture
def other_story(newsroom):
    return published(
        ExemplarPageFactory(parent=section_of("so-y-te"), title="Bác sĩ Trần Minh Tâm", first_published_at=at(2023, 7))
    )


@pytest.mark.parametrize(
    "count, english",
    [
        (ReplicationCount(communes=7), "Replicated in 7 communes"),
        (ReplicationCount(communes=7, districts=2), "Replicated in 7 communes and 2 districts"),
        (ReplicationCount(communes=1, districts=1, units=3), "Replicated in 1 commune, 1 district and 3 units"),
        (ReplicationCount(units=1), "Replicated in 1 unit"),
        (ReplicationCount(), ""),
    ],
)
def test_the_count_of_places_reads_right(count, english):
    with translation.override("en"):
        assert str(count) == english


@pytest.mark.django_db
def test_places_are_counted_once_communes_and_districts_apart(model_story):
    ke_sach, vinh_chau = section_of("huyen-ke-sach"), section_of("thi-xa-vinh-chau")
    records = [
        record(ke_sach, model_story, commune="xã Phong Nẫm"),
        record(ke_sach, model_story, commune="Xã Phong Nẫm", title="Mở rộng lần hai"),  # the same commune
        record(ke_sach, model_story, commune="xã An Mỹ"),
        record(ke_sach, model_story, commune="", district="huyện Kế Sách"),
        record(vinh_chau, model_story, commune="", district=""),  # the whole district-level unit
        record(section_of("so-y-te"), model_story, commune="", district=""),  # a whole department
    ]
    assert ReplicationCount.of(records) == ReplicationCount(communes=2, districts=2, units=1)


@pytest.mark.django_db
def test_the_story_lists_live_public_records_with_their_count_and_no_draft(client, model_story):
    ke_sach = section_of("huyen-ke-sach")
    record(
        ke_sach,
        model_story,
        commune="xã Phong Nẫm",
        adopted_on=datetime.date(2024, 3, 15),
        scale_value=120,
        scale_unit="households",
    )
    record(ke_sach, model_story, commune="xã An Mỹ", adopted_on=datetime.date(2024, 5, 2), source_story=model_story)
    record(ke_sach, model_story, commune="xã Ba Trinh (dự thảo)", live=False)
    html = client.get(model_story.url).content.decode()
    with translation.override("vi"):
        expected = str(ReplicationCount(communes=2))
    assert 'id="nhan-rong"' in html and expected in html
    assert "xã Phong Nẫm, huyện Kế Sách" in html and "15/03/2024" in html and "02/05/2024" in html
    assert "Huyện Kế Sách" in html  # the adopting unit
    assert "xã Ba Trinh (dự thảo)" not in html


@pytest.mark.django_db
def test_a_story_without_records_has_no_section(client, model_story):
    assert 'id="nhan-rong"' not in client.get(model_story.url).content.decode()


@pytest.mark.django_db
def test_the_listing_filters_replicated_stories_and_refuses_a_bad_value(
    client, exemplar_index, model_story, other_story
):
    record(section_of("huyen-ke-sach"), model_story)
    draft_only = published(ExemplarPageFactory(parent=section_of("huyen-my-tu"), title="Mô hình chỉ có bản nháp"))
    record(section_of("huyen-ke-sach"), draft_only, live=False)
    response = client.get(exemplar_index.url, {"replicated": "1"})
    titles = {story.title for story in response.context["stories"]}
    assert titles == {MODEL_TITLE}
    everything = {story.title for story in client.get(exemplar_index.url).context["stories"]}
    assert {MODEL_TITLE, "Bác sĩ Trần Minh Tâm", "Mô hình chỉ có bản nháp"} <= everything
    assert client.get(exemplar_index.url, {"replicated": "yes'--"}).status_code == 400


@pytest.mark.django_db
def test_the_api_carries_live_records_only(client, model_story, other_story):
    ke_sach = section_of("huyen-ke-sach")
    record(ke_sach, model_story, commune="xã Phong Nẫm", scale_value="35.5", scale_unit="hectares")
    record(ke_sach, model_story, commune="xã Ba Trinh (dự thảo)", live=False)
    data = client.get(f"{API}{model_story.pk}/").json()
    assert [item["place"] for item in data["replications"]] == ["xã Phong Nẫm, huyện Kế Sách"]
    item = data["replications"][0]
    assert item["adopted_on"] == "2024-03-15" and item["scale_value"] == "35.50" and item["scale_unit"] == "hectares"
    assert item["unit"]["slug"] == "huyen-ke-sach"
    assert client.get(f"{API}{other_story.pk}/").json()["replications"] == []
    # The draft record is nowhere in the API.
    listed = client.get(API, {"type": "exemplars.ReplicationPage", "fields": "title"}).json()["items"]
    assert [item["title"] for item in listed] == ["Nhân rộng tại xã Phong Nẫm, huyện Kế Sách"]


@pytest.mark.django_db
def test_the_api_listing_loads_records_at_a_fixed_cost(client, newsroom):
    ke_sach = section_of("huyen-ke-sach")
    for number in range(12):
        story = published(
            ExemplarPageFactory(
                parent=section_of("huyen-my-tu"),
                title=f"Mô hình số {number}",
                first_published_at=at(2022, 1, 1 + number),
            )
        )
        record(ke_sach, story, commune=f"xã số {number}", source_story=story)
    params = {"type": STORY, "fields": "replications", "order": "-first_published_at"}
    client.get(API, {**params, "limit": 1})  # the site is kept per content generation, which the new pages moved
    counts = {}
    for limit in (3, 12):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(API, {**params, "limit": limit})
        items = response.json()["items"]
        assert len(items) == limit and all(len(item["replications"]) == 1 for item in items)
        counts[limit] = len(queries)
    assert counts[3] == counts[12], counts


@pytest.mark.django_db
def test_the_feed_says_the_story_was_replicated(client, model_story, other_story):
    record(section_of("huyen-ke-sach"), model_story)
    parsed = feedparser.parse(client.get("/rss/").content)
    entries = {entry.title: entry for entry in parsed.entries}
    with translation.override("vi"):
        line = str(ReplicationCount(communes=1))
        category = translation.gettext("Replicated")
    assert line in entries[MODEL_TITLE].summary
    assert category in [tag.term for tag in entries[MODEL_TITLE].tags]
    assert line not in entries["Bác sĩ Trần Minh Tâm"].summary


@pytest.mark.django_db
def test_a_record_is_not_in_the_sitemap(client, model_story):
    live = record(section_of("huyen-ke-sach"), model_story)
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert model_story.url in sitemap and live.url not in sitemap


@pytest.mark.django_db
def test_publishing_a_record_makes_the_cached_story_stale_and_purges_it_from_the_cdn(settings, model_story):
    settings.PAGE_CACHE_SECONDS = 300
    reader = Client()
    assert reader.get(model_story.url)["X-Page-Cache"] == "miss"
    assert Client().get(model_story.url)["X-Page-Cache"] == "hit"
    live = record(section_of("huyen-ke-sach"), model_story)
    assert "xã Phong Nẫm" in Client().get(model_story.url).content.decode()
    purged = urls_to_purge(live).urls
    assert any(url.endswith(model_story.url) for url in purged)
    assert any(url.endswith("/rss/don-vi/huyen-my-tu/") for url in purged)
