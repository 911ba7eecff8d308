"""Whatever a portal or a stranger sends to the JSON API, the answer is JSON: a result, or a 400 (a
404 where the documentation says so) with a message. Never a 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exemplars.models import Field, UnitSectionPage
from tests.factories import ExemplarPageFactory
from tests.helpers import at, published

API = "/api/v2/pages/"
STORY = "exemplars.ExemplarPage"
BEYOND_64_BITS = str(2**64)

HOSTILE = [
    "",
    "x" * 5000,
    "\x00",
    "a\x00b",
    "vi\x00",
    "\x1b[31m",
    "\x7f",
    "\u0085",
    "-1",
    "0",
    str(2**63 - 1),
    str(2**63),
    BEYOND_64_BITS,
    "9" * 5000,
    "1e3",
    "1_000",
    "٣",
    "root",
    "*",
    "_",
    "%",
    "\\",
    '"điển hình',
    "((dien)",
    "dien OR hinh NEAR/2 dang",
    "title,-",
    "--title",
    "random",
    "exemplars.ExemplarPage,wagtailcore.Page",
    "wagtailcore.Site",
    "a.b.c",
    "title(id(title(",
    "/tim-kiem/../admin/",
    "testserver:abc",
    "2020-02-30",
    "ក្រុមគ្រួសារ 模范 điển hình",
    "'; DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>",
    "   ",
    " \t ",
]

# Every parameter the listing takes, the story filters and a few field filters included.
LISTING_PARAMETERS = [
    "search",
    "search_operator",
    "locale",
    "offset",
    "limit",
    "order",
    "fields",
    "type",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "site",
    "rich_text_format",
    "unit",
    "field",
    "published_after",
    "published_before",
    "id",
    "title",
    "slug",
    "first_published_at",
    "subject_name",
    "kind",
]
FIND_PARAMETERS = ["html_path", "id", "type", "site", "locale"]

# The 404s the API documents (docs/api.md): an unknown locale, site or page.
NOT_FOUND_MESSAGES = {
    "No Locale matches the given query.",
    "No Site matches the given query.",
    "No Page matches the given query.",
    "not found",
}


@pytest.fixture
def story(newsroom):
    section = UnitSectionPage.objects.get(unit__slug="huyen-ke-sach", locale__language_code="vi")
    page = ExemplarPageFactory(
        parent=section, title="Chị Lâm Thị Sóc Hà nuôi tôm càng xanh", first_published_at=at(2020, 1, 2)
    )
    page.fields.set(Field.objects.filter(slug="y-duc"))
    return published(page)


def unanswered(response):
    """Why ``response`` is not a JSON result, a redirect to one (find) or a JSON error with a message; else None."""
    status = response.status_code
    if status not in (200, 302, 400, 404):
        return f"{status}: {response.content[:300]!r}"
    if status == 302:
        return None if response["Location"].startswith(f"http://testserver{API}") else response["Location"]
    data = response.json()
    if status == 400 and not (isinstance(data.get("message"), str) and data["message"]):
        return f"400 without a message: {data}"
    if status == 404 and data.get("message") not in NOT_FOUND_MESSAGES:
        return f"404 not documented: {data}"
    return None


def assert_answered(response):
    problem = unanswered(response)
    assert problem is None, problem


# The values the issue named: each one was a 500.
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "params", "message"),
    [
        (API, {"search": "a\x00b"}, "search must not contain control characters"),
        (API, {"locale": "v\x00i"}, "locale must not contain control characters"),
        (f"{API}find/", {"html_path": "/gioi-thieu\x00/"}, "html_path must not contain control characters"),
        (API, {"search": "tôm", "search_operator": "xor"}, "search_operator must be 'and' or 'or', got 'xor'"),
        (API, {"offset": BEYOND_64_BITS}, f"offset must be at most {2**63 - 1}"),
        (API, {"offset": str(2**63)}, f"offset must be at most {2**63 - 1}"),
        (f"{API}find/", {"id": "mot"}, "id must be a positive integer, got 'mot'"),
        (
            API,
            {"type": STORY, "unit\x00": "huyen-ke-sach"},
            "query parameter names must not contain control characters",
        ),
    ],
)
def test_malformed_parameters_are_400_with_a_message(client, story, path, params, message):
    response = client.get(path, params)

    assert response.status_code == 400
    assert response.json() == {"message": message}


@pytest.mark.django_db
@pytest.mark.parametrize("operator", ["and", "or", "OR"])
def test_the_search_operators_still_work(client, story, operator):
    response = client.get(API, {"type": STORY, "search": "tôm càng", "search_operator": operator})

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [story.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ['"tôm càng', 'tôm "càng" xanh', "  tôm   càng  ", '"', "   "])
def test_a_double_quote_in_a_search_is_read_as_a_space(client, story, query):
    response = client.get(API, {"type": STORY, "search": query})

    assert response.status_code == 200
    expected = [story.pk] if query.strip('" ') else []
    assert [item["id"] for item in response.json()["items"]] == expected


@pytest.mark.django_db
def test_the_last_possible_offset_is_an_empty_page(client, story):
    response = client.get(API, {"type": STORY, "offset": str(2**63 - 1)})

    assert response.status_code == 200
    assert response.json() == {"meta": {"total_count": 1}, "items": []}


@pytest.mark.django_db
@pytest.mark.parametrize("name", LISTING_PARAMETERS)
def test_each_hostile_value_in_each_listing_parameter_is_answered(client, story, name):
    problems = {value: unanswered(client.get(API, {"type": STORY, name: value})) for value in HOSTILE}
    assert {value[:40]: problem for value, problem in problems.items() if problem} == {}


@pytest.mark.django_db
@pytest.mark.parametrize("name", FIND_PARAMETERS)
def test_each_hostile_value_in_each_find_parameter_is_answered(client, story, name):
    problems = {value: unanswered(client.get(f"{API}find/", {name: value})) for value in HOSTILE}
    assert {value[:40]: problem for value, problem in problems.items() if problem} == {}


values = st.one_of(
    st.text(max_size=60),
    st.sampled_from(HOSTILE),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=st.dictionaries(st.sampled_from(LISTING_PARAMETERS), values, max_size=4),
    story_type=st.booleans(),
)
def test_any_listing_parameters_are_answered(client, story, params, story_type):
    if story_type:
        params = {"type": STORY, **params}
    assert_answered(client.get(API, params))


@pytest.mark.django_db
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(st.sampled_from(FIND_PARAMETERS), values, max_size=3), detail=st.booleans())
def test_any_find_or_detail_parameters_are_answered(client, story, params, detail):
    path = f"{API}{story.pk}/" if detail else f"{API}find/"
    assert_answered(client.get(path, params))


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=300), operator=st.sampled_from(["and", "or", "AND"]))
def test_any_search_text_is_answered(client, story, query, operator):
    assert_answered(client.get(API, {"type": STORY, "search": query, "search_operator": operator}))


@pytest.mark.django_db
@pytest.mark.parametrize("page_id", [str(2**63), BEYOND_64_BITS, "9" * 400])
def test_a_page_number_beyond_the_database_is_not_found(client, story, page_id):
    response = client.get(f"{API}{page_id}/")

    assert response.status_code == 404
    assert response.json() == {"message": "No Page matches the given query."}
