"""The public listing: filters that combine and keep their state, pagination, bad input."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exemplars.models import ExemplarPage, Field, UnitSectionPage
from tests.factories import ExemplarPageFactory
from tests.helpers import at


@pytest.fixture
def stories(newsroom):
    ke_sach = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")
    y_te = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")
    y_duc = Field.objects.get(slug="y-duc")
    nong_thon = Field.objects.get(slug="xay-dung-nong-thon-moi")
    made = {
        "ks-model-2019": ExemplarPageFactory(
            parent=ke_sach, title="Mô hình lúa - tôm ở An Mỹ", kind="new_model", first_published_at=at(2019, 6)
        ),
        "ks-exemplar-2020": ExemplarPageFactory(
            parent=ke_sach, title="Ông Sơn Thươl giữ đường quê sạch", first_published_at=at(2020, 6)
        ),
        "yt-exemplar-2020": ExemplarPageFactory(
            parent=y_te, title="Bác sĩ Lâm Thị Sa Rươne", subject_kind="individual", first_published_at=at(2020, 6)
        ),
        "yt-collective-2019": ExemplarPageFactory(
            parent=y_te,
            title="Khoa Nhi Bệnh viện Đa khoa tỉnh",
            subject_kind="collective",
            first_published_at=at(2019, 6),
        ),
    }
    made["ks-model-2019"].fields.set([nong_thon])
    made["ks-exemplar-2020"].fields.set([nong_thon])
    made["yt-exemplar-2020"].fields.set([y_duc])
    made["yt-collective-2019"].fields.set([y_duc])
    for page in made.values():
        page.save()
    draft = ExemplarPageFactory(parent=ke_sach, title="Bản nháp chưa duyệt", live=False)
    made["draft"] = draft
    return made


def titles(response):
    return {story.title for story in response.context["stories"]}


@pytest.mark.django_db
def test_without_filters_lists_every_live_story_and_no_draft(client, exemplar_index, stories):
    response = client.get(exemplar_index.url)
    assert response.status_code == 200
    assert titles(response) == {p.title for key, p in stories.items() if key != "draft"}
    assert "Bản nháp chưa duyệt" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"unit": "huyen-ke-sach"}, {"ks-model-2019", "ks-exemplar-2020"}),
        ({"unit": "huyen-ke-sach", "kind": "new_model"}, {"ks-model-2019"}),
        ({"field": "y-duc", "year": "2019"}, {"yt-collective-2019"}),
        ({"field": "y-duc", "subject_kind": "individual"}, {"yt-exemplar-2020"}),
        ({"year": "2020"}, {"ks-exemplar-2020", "yt-exemplar-2020"}),
        ({"unit": "so-y-te", "field": "xay-dung-nong-thon-moi"}, set()),
        ({"unit": "", "kind": ""}, {"ks-model-2019", "ks-exemplar-2020", "yt-exemplar-2020", "yt-collective-2019"}),
    ],
)
def test_filters_combine(client, exemplar_index, stories, query, expected):
    response = client.get(exemplar_index.url, query)
    assert response.status_code == 200
    assert titles(response) == {stories[key].title for key in expected}


@pytest.mark.django_db
def test_filter_by_campaign(client, exemplar_index, stories, newsroom):
    from campaigns.models import CampaignIndexPage
    from tests.factories import CampaignPageFactory

    campaign = CampaignPageFactory(
        parent=CampaignIndexPage.objects.filter(locale__language_code="vi").get(), slug="nong-thon-moi"
    )
    story = stories["ks-model-2019"]
    story.campaign = campaign
    story.save()
    response = client.get(exemplar_index.url, {"campaign": "nong-thon-moi"})
    assert titles(response) == {story.title}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [{"unit": "khong-co"}, {"kind": "hero"}, {"year": "abc"}, {"year": "1890"}, {"field": "../../etc"}],
)
def test_bad_filter_values_give_a_clear_400(client, exemplar_index, stories, query):
    response = client.get(exemplar_index.url, query)
    assert response.status_code == 400
    body = response.content.decode()
    assert "<html" in body and exemplar_index.url in body


@pytest.mark.django_db
def test_pagination_keeps_filters_and_forgives_bad_page_numbers(client, exemplar_index, section):
    for n in range(45):
        ExemplarPageFactory(parent=section, title=f"Câu chuyện {n:02d}", kind="new_factor")
    first = client.get(exemplar_index.url, {"kind": "new_factor"})
    assert len(first.context["stories"]) == 20
    assert first.context["stories"].paginator.count == 45
    assert "kind=new_factor&amp;page=2" in first.content.decode()

    last = client.get(exemplar_index.url, {"kind": "new_factor", "page": "3"})
    assert len(last.context["stories"]) == 5
    for bad, expected in [("999", 3), ("0", 1), ("abc", 1), ("-4", 1), ("2.5", 1)]:
        response = client.get(exemplar_index.url, {"kind": "new_factor", "page": bad})
        assert response.status_code == 200
        assert response.context["stories"].number == expected


def count_queries(client, url):
    client.get(url)  # fills what pages keep between requests (core/fragments.py), as a running site has
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_listings_cost_the_same_for_20_and_200_stories(client, exemplar_index, section, newsroom):
    from home.models import HomePage

    home = HomePage.objects.filter(locale__language_code="vi").get()
    other = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")
    fields = list(Field.objects.all()[:2])

    def add(start, n):
        for i in range(start, start + n):
            story = ExemplarPageFactory(parent=section if i % 2 else other, title=f"Chuyện {i}")
            story.fields.set(fields)
            story.save()

    add(0, 20)
    urls = [exemplar_index.url, section.url, home.url, exemplar_index.url + "?year=2020&page=1"]
    client.get(exemplar_index.url)  # warm caches of site root and locales
    small = [count_queries(client, url) for url in urls]
    add(20, 180)
    assert ExemplarPage.objects.live().count() == 200
    large = [count_queries(client, url) for url in urls]
    assert small == large
