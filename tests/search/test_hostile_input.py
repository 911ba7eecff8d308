"""Whatever a reader types, search answers with a page, never an error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HOSTILE = [
    "x" * 5000,
    '"điển hình',
    "*",
    "OR",
    "dien OR hinh NEAR/2 dang",
    "-dang",
    "((dien)",
    "a\x00b",
    "\x00",
    "ក្រុមគ្រួសារ 模范 điển hình",
    "%",
    "_",
    "\\",
    "'; DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>",
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_a_page(client, newsroom, query):
    response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=300), page=st.text(max_size=10))
def test_any_text_gives_a_page(client, newsroom, query, page):
    response = client.get("/tim-kiem/", {"q": query, "page": page})
    assert response.status_code == 200
