"""The API's parameter rules (cms/api.py) checked on the functions themselves, without a request:
what is refused and with which message, the dates, the page ids, and which columns ``?<field>=``
and ``?order=`` may use (issue 22). The answers as portals get them are in tests/exemplars/test_api*.py."""

import datetime
import zoneinfo
from types import SimpleNamespace

import pytest
from django.http import QueryDict
from wagtail.api.v2.utils import BadRequestError

from cms.api import (
    MAX_OFFSET,
    NewsroomPagesAPIViewSet,
    _date_parameter,
    _is_page_id,
    _is_plain_column,
    _start_of,
    _WithParams,
    check_parameters,
)
from exemplars.models import ExemplarPage


def query(**params):
    data = QueryDict(mutable=True)
    data.update(params)
    return data


def refusal(params):
    with pytest.raises(BadRequestError) as raised:
        check_parameters(params)
    return str(raised.value)


@pytest.mark.parametrize("character", ["\x00", "\x1f", "\x7f", "\x85", "\x9f"])
def test_a_control_character_in_a_name_or_a_value_is_refused(character):
    assert (
        refusal(query(**{f"search{character}": "cá lóc"}))
        == "query parameter names must not contain control characters"
    )
    assert refusal(query(search=f"cá{character}lóc")) == "search must not contain control characters"


@pytest.mark.parametrize("text", ["Xã Đại Ân 2", "tôm\u00a0càng", " ~ "])
def test_printable_text_and_no_break_spaces_pass(text):
    check_parameters(query(search=text, unit=text))


def test_each_value_of_a_repeated_parameter_is_checked():
    params = QueryDict(mutable=True)
    params.setlist("field", ["y-duc", "y\x00duc"])

    assert refusal(params) == "field must not contain control characters"


@pytest.mark.parametrize("operator", ["and", "or", "AND", "Or"])
def test_the_search_operators_pass_in_any_case(operator):
    check_parameters(query(search="tôm", search_operator=operator))


@pytest.mark.parametrize("operator", ["xor", "", "and or"])
def test_another_search_operator_is_refused_by_name(operator):
    assert refusal(query(search_operator=operator)) == f"search_operator must be 'and' or 'or', got '{operator}'"


@pytest.mark.parametrize("offset", [str(MAX_OFFSET), "0", "-3", "mười"])
def test_offsets_within_the_databases_range_or_not_numbers_are_left_to_wagtail(offset):
    check_parameters(query(offset=offset))


def test_an_offset_beyond_the_databases_range_is_refused():
    assert refusal(query(offset=str(MAX_OFFSET + 1))) == f"offset must be at most {MAX_OFFSET}"
    assert MAX_OFFSET == 2**63 - 1


def test_no_parameters_pass():
    check_parameters(QueryDict())


def test_a_date_is_read_as_year_month_day():
    params = query(published_after="2020-01-15")

    assert _date_parameter(params, "published_after") == datetime.date(2020, 1, 15)
    assert _date_parameter(params, "published_before") is None


@pytest.mark.parametrize(
    "value", ["20200115", "2020-W03-1", "2020-02-30", "2020-1-5", "2020-01-15T00:00", "２０２０-01-15"]
)
def test_anything_else_is_refused_with_the_value(value):
    with pytest.raises(BadRequestError) as raised:
        _date_parameter(query(published_before=value), "published_before")

    assert str(raised.value) == f"published_before must be a date as YYYY-MM-DD, got '{value}'"


def test_a_day_starts_at_midnight_in_the_provinces_time_zone():
    start = _start_of(datetime.date(2020, 1, 1))

    assert start == datetime.datetime(2020, 1, 1, tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh"))
    assert start.utcoffset() == datetime.timedelta(hours=7)


@pytest.mark.parametrize(
    ("value", "is_id"),
    [("12", True), ("0", True), ("", False), ("-1", False), ("1.5", False), ("١٢", False), ("9" * 5000, False)],
)
def test_a_page_id_is_a_number_in_ascii_digits(value, is_id):
    assert _is_page_id(value) is is_id


@pytest.mark.parametrize(
    ("name", "plain"),
    [
        ("title", True),
        ("kind", True),
        ("first_published_at", True),
        ("not_a_field", True),  # Wagtail's own names (e.g. "type"): left to Wagtail
        ("unit", False),  # ?unit= takes a slug (StoryFilter)
        ("published_after", False),
        ("fields", False),  # many to many
        ("awards", False),  # one to many
        ("body", False),  # a StreamField
        ("summary", True),
    ],
)
def test_only_plain_columns_may_be_filtered_or_ordered_by(name, plain):
    assert _is_plain_column(ExemplarPage, name) is plain


def test_filtering_and_ordering_leave_out_what_cannot_be_compared():
    every = NewsroomPagesAPIViewSet.get_available_fields(ExemplarPage)
    columns = NewsroomPagesAPIViewSet.get_available_fields(ExemplarPage, db_fields_only=True)

    assert {"fields", "body", "unit"} <= set(every)
    assert "title" in columns and not {"fields", "body", "unit"} & set(columns)


def test_a_story_listing_shows_a_card_and_other_types_wagtails_fields():
    story = NewsroomPagesAPIViewSet.get_listing_default_fields(ExemplarPage)

    assert story[-7:] == ["summary", "kind", "subject_kind", "subject_name", "unit", "fields", "main_image_thumbnail"]
    assert "title" in story


def test_a_request_with_other_parameters_keeps_the_rest():
    request = SimpleNamespace(GET=query(search='"tôm'), path="/api/v2/pages/", method="GET")
    changed = _WithParams(request, query(search="tôm"))

    assert changed.GET["search"] == "tôm"
    assert (changed.path, changed.method) == ("/api/v2/pages/", "GET")
