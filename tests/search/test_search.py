"""Search that understands Vietnamese, over a fixed corpus, on whichever database runs the suite."""

import unicodedata

import pytest
from django.urls import reverse

from exemplars.models import ExemplarPage

SEARCH = "/tim-kiem/"


def found(client, query, **params):
    response = client.get(SEARCH, {"q": query, **params})
    assert response.status_code == 200
    return [entry.page_id for entry in response.context["results"]]


# query -> keys of the pages it must find (exactly), in any order
CASES = [
    ("dien hinh", {"dien-hinh", "article", "about", "gioi-thieu"}),
    ("điển hình", {"dien-hinh", "article", "about", "gioi-thieu"}),
    ("DIỂN HÌNH", {"dien-hinh", "article", "about", "gioi-thieu"}),  # a wrong tone still finds the word
    ("dang bo", {"dang-bo"}),
    ("Đảng bộ", {"dang-bo"}),
    ("dang bo xa", {"dang-bo"}),
    ("soc trang", {"soc-trang", "khoa-hoc", "campaign", "gioi-thieu"}),
    ("Sóc Trăng", {"soc-trang", "khoa-hoc", "campaign", "gioi-thieu"}),
    ("Dong", {"dong", "soc-trang", "ho-gia-dinh", "campaign"}),  # Đồng, cộng đồng, triệu đồng, phát động
    ("dong", {"dong", "soc-trang", "ho-gia-dinh", "campaign"}),
    ("Đồng", {"dong", "soc-trang", "ho-gia-dinh", "campaign"}),
    ("Nguyễn Văn Đồng", {"dong"}),
    ("nguyen van dong", {"dong"}),
    ("van hoa", {"van-hoa"}),
    ("văn hóa", {"van-hoa"}),
    ("văn hoá", {"van-hoa"}),
    ("thuy", {"thuy"}),
    ("thúy", {"thuy"}),
    ("thuý", {"thuy"}),
    ("nong thon moi", {"dang-bo", "duong", "campaign"}),
    ("y duc", {"y-te"}),
    ("Thạch Sô Phal", {"y-te"}),
    ("ST25", {"dien-hinh", "khoa-hoc"}),
    ("st25", {"dien-hinh", "khoa-hoc"}),
    ("hanh tim vinh chau", {"ho-gia-dinh"}),
    ("Vĩnh Châu", {"ho-gia-dinh", "article"}),
    ("gương sáng", {"dien-hinh", "soc-trang"}),
    ("ban thi dua", {"about"}),
    ("chưa duyệt", set()),  # only a draft says it
    ("kỹ sư hồ quang cua", {"khoa-hoc"}),
    ("tu quan an ninh", {"an-ninh"}),
    ("song hau", {"an-ninh"}),
    ("lúa", {"dien-hinh", "khoa-hoc"}),
    ("duong", {"duong", "duong-2", "soc-trang"}),  # đường, Dương, đường quê
    ("xyzzy", set()),
]


@pytest.mark.django_db
def test_each_query_of_the_table_finds_exactly_its_pages(client, corpus):
    # One corpus for the whole table (building it is the slow part); every mismatch is reported.
    names = {page.pk: key for key, page in corpus.items()}
    mismatches = []
    for query, expected in CASES:
        got = {names.get(pk, pk) for pk in found(client, query)}
        if got != expected:
            mismatches.append(f"{query!r}: expected {sorted(expected)}, got {sorted(got, key=str)}")
    assert not mismatches, "\n".join(mismatches)
    assert len(CASES) >= 30


@pytest.mark.django_db
def test_nfd_input_matches_nfc_text(client, corpus):
    nfd = unicodedata.normalize("NFD", "Đảng bộ")
    assert found(client, nfd) == [corpus["dang-bo"].pk]


@pytest.mark.django_db
def test_exact_diacritics_rank_first(client, corpus):
    # "đường" (road) and "Dương" (a name) fold alike; the one typed exactly comes first.
    assert found(client, "đường")[0] == corpus["duong"].pk
    assert found(client, "Dương")[0] == corpus["duong-2"].pk


@pytest.mark.django_db
def test_title_matches_rank_above_body_matches(client, corpus):
    results = found(client, "dien hinh")
    # Three titles say it; the about page only says it in its text.
    assert set(results[:3]) == {corpus["dien-hinh"].pk, corpus["article"].pk, corpus["about"].pk}
    assert results[3] == corpus["gioi-thieu"].pk


@pytest.mark.django_db
def test_empty_query_shows_latest_live_content(client, corpus):
    response = client.get(SEARCH)
    assert response.status_code == 200
    ids = [entry.page_id for entry in response.context["results"]]
    assert corpus["draft"].pk not in ids
    assert len(ids) == 16
    dates = [entry.published_at for entry in response.context["results"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.django_db
def test_facets_combine_with_the_query_and_keep_state(client, corpus):
    response = client.get(SEARCH, {"q": "soc trang", "kind": "story"})
    ids = {entry.page_id for entry in response.context["results"]}
    assert ids == {corpus["soc-trang"].pk, corpus["khoa-hoc"].pk}
    kinds = {v["value"]: v["count"] for f in response.context["facets"] if f["name"] == "kind" for v in f["values"]}
    assert kinds == {"story": 2, "campaign": 1, "page": 1}  # counts under the query, whatever kind is chosen
    units = {v["value"]: v["count"] for f in response.context["facets"] if f["name"] == "unit" for v in f["values"]}
    assert units == {"thanh-pho-soc-trang": 1, "so-khoa-hoc-va-cong-nghe": 1}
    assert "q=soc+trang&amp;kind=story&amp;unit=thanh-pho-soc-trang" in response.content.decode()

    response = client.get(SEARCH, {"q": "", "field": "san-xuat-kinh-doanh", "year": "2020"})
    assert {entry.page_id for entry in response.context["results"]} == {corpus["dien-hinh"].pk, corpus["thuy"].pk}
    response = client.get(SEARCH, {"subject_kind": "household"})
    assert [entry.page_id for entry in response.context["results"]] == [corpus["ho-gia-dinh"].pk]


@pytest.mark.django_db
def test_a_facet_link_swaps_or_drops_its_own_choice_and_starts_again_at_page_one(client, corpus):
    response = client.get(SEARCH, {"q": "soc trang", "kind": "story", "page": "2"})
    links = {v["value"]: v["query"] for f in response.context["facets"] if f["name"] == "kind" for v in f["values"]}
    assert links["story"] == "q=soc+trang"  # the chosen value's link drops it
    assert links["campaign"] == "q=soc+trang&kind=campaign"
    units = {v["value"]: v["query"] for f in response.context["facets"] if f["name"] == "unit" for v in f["values"]}
    assert units["thanh-pho-soc-trang"] == "q=soc+trang&kind=story&unit=thanh-pho-soc-trang"


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{"kind": "video"}, {"unit": "khong-co"}, {"year": "hai nghìn"}, {"field": "x"}])
def test_bad_facet_values_give_a_clear_400(client, corpus, params):
    response = client.get(SEARCH, {"q": "lua", **params})
    assert response.status_code == 400
    assert "Search again without filters" in response.content.decode() or "Tìm lại" in response.content.decode()


@pytest.mark.django_db
def test_results_highlight_matches_the_folded_way(client, corpus):
    html = client.get(SEARCH, {"q": "dien hinh"}).content.decode()
    assert "<mark>điển</mark> <mark>hình</mark>" in html


@pytest.mark.django_db
def test_unpublish_move_and_delete_are_reflected_at_once(client, corpus, superuser):
    story = corpus["dong"]
    story.unpublish()
    assert found(client, "Nguyễn Văn Đồng") == []
    story.save_revision().publish()
    assert found(client, "Nguyễn Văn Đồng") == [story.pk]

    assert found(client, "vo beo") == [story.pk]
    story.title = "Ông Nguyễn Văn Đồng nuôi bò"
    story.save_revision().publish()
    assert found(client, "vo beo") == []  # only the old title said "vỗ béo"
    assert found(client, "nuoi bo") == [story.pk]

    from exemplars.models import UnitSectionPage

    story.move(
        UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te"),
        pos="last-child",
        user=superuser,
    )
    response = client.get(SEARCH, {"q": "nuoi bo"})
    assert "/so-y-te/" in response.content.decode()

    ExemplarPage.objects.get(pk=story.pk).delete()
    assert found(client, "nuoi bo") == []


@pytest.mark.django_db
def test_pages_are_found_in_the_readers_language_only(client, corpus):
    from wagtail.models import Locale

    story = corpus["dien-hinh"]
    translation = story.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    translation.title = "Advanced exemplar in specialty rice"
    translation.save_revision().publish()
    assert found(client, "specialty rice") == []
    response = client.get("/en" + SEARCH, {"q": "specialty rice"})
    assert [entry.page_id for entry in response.context["results"]] == [translation.pk]


@pytest.mark.django_db
def test_board_promotion_pins_a_result(client, corpus):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    query = Query.get("lúa")
    SearchPromotion.objects.create(query=query, page=corpus["campaign"], sort_order=0, description="")
    response = client.get(SEARCH, {"q": "lúa"})
    assert [page.pk for page in response.context["promoted"]] == [corpus["campaign"].pk]


def test_search_url_is_named():
    assert reverse("search") == SEARCH


@pytest.mark.django_db
def test_a_whole_pasted_title_keeps_the_words_at_its_end(client, corpus):
    # Two titles alike for their first eleven words: only the last ones tell them apart.
    from exemplars.models import UnitSectionPage
    from tests.factories import ExemplarPageFactory
    from tests.helpers import published

    section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")
    common = "Hội Nông dân xã Phú Tâm tổ chức tập huấn kỹ thuật trồng lúa cho hội viên ấp"
    first = published(ExemplarPageFactory(parent=section, title=f"{common} Phú Hòa"))
    second = published(ExemplarPageFactory(parent=section, title=f"{common} Phú Thành"))
    assert found(client, f"{common} Phú Thành") == [second.pk]
    assert found(client, f"{common} Phu Hoa".upper()) == [first.pk]
