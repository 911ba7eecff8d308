"""The read-only JSON API (wagtail.api.v2) for the provincial and central portals (docs/api.md).

One endpoint, /api/v2/pages/: Wagtail's pages API, limited to live pages that anyone may read,
with the story filters (unit, field, published_after, published_before), story-shaped listing
defaults, listings that cost a fixed number of queries, and public caching headers.

Whatever a client sends, the answer is JSON: a malformed parameter is a 400 with a message, never
a 500. The parameters are checked once, before any filter reads them (``check_parameters``).
"""

import datetime
import re

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DataError
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from core.visibility import visible_q
from exemplars.models import ExemplarPage, Field
from units.models import Unit

# How long portals and proxies may keep a response (seconds).
CACHE_SECONDS = 300

STORY_TYPE = "exemplars.ExemplarPage"
DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
SLUG = re.compile(r"[-\w]+", re.ASCII)
# Control characters (C0, DEL, C1). No parameter needs one, and NUL, which PostgreSQL refuses in
# any string ("A string literal cannot contain NUL"), would otherwise reach the database.
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f-\x9f]")
SEARCH_OPERATORS = ("and", "or")
# The largest OFFSET SQLite and PostgreSQL take (a signed 64-bit integer); beyond it SQLite answers
# "datatype mismatch" and PostgreSQL "bigint out of range".
MAX_OFFSET = 2**63 - 1


def check_parameters(params):
    """Raise BadRequestError for a parameter no filter could use: control characters in a name or
    a value, a search operator other than and/or, an offset out of the database's range."""
    for name, values in params.lists():
        if CONTROL_CHARACTER.search(name):
            raise BadRequestError("query parameter names must not contain control characters")
        if any(CONTROL_CHARACTER.search(value) for value in values):
            raise BadRequestError(f"{name} must not contain control characters")
    # Wagtail's search backend lower-cases the operator, and raises ValueError for anything else.
    operator = params.get("search_operator")
    if operator is not None and operator.lower() not in SEARCH_OPERATORS:
        raise BadRequestError(f"search_operator must be 'and' or 'or', got '{operator}'")
    try:
        too_far = int(params.get("offset", "0")) > MAX_OFFSET
    except ValueError:
        too_far = False  # Wagtail's pagination answers it: "offset must be a positive integer"
    if too_far:
        raise BadRequestError(f"offset must be at most {MAX_OFFSET}")


class StoryFilter(BaseFilterBackend):
    """``?unit=<unit slug>``, ``?field=<field slug>`` (stories only) and the publication-date range.

    ``published_after`` and ``published_before`` take a date (YYYY-MM-DD) in the site's time zone
    and are both inclusive; they work on every page type (first_published_at is Page's).
    """

    query_parameters = frozenset(["unit", "field", "published_after", "published_before"])

    def filter_queryset(self, request, queryset, view):
        params = request.GET
        for name in ("unit", "field"):
            if name in params and not issubclass(queryset.model, ExemplarPage):
                raise BadRequestError(f"filtering by {name} needs type={STORY_TYPE}")

        if "unit" in params:
            unit = Unit.objects.filter(slug=params["unit"]).first() if SLUG.fullmatch(params["unit"]) else None
            if unit is None:
                raise BadRequestError(f"unit not found: '{params['unit']}'")
            queryset = queryset.filter(pk__in=ExemplarPage.objects.filter(unit=unit).values("pk"))

        if "field" in params:
            # One slug per field in every language (core/names.py).
            field = Field.objects.filter(slug=params["field"]).first() if SLUG.fullmatch(params["field"]) else None
            if field is None:
                raise BadRequestError(f"field not found: '{params['field']}'")
            stories = ExemplarPage.objects.filter(fields=field)
            queryset = queryset.filter(pk__in=stories.values("pk"))

        after = _date_parameter(params, "published_after")
        before = _date_parameter(params, "published_before")
        if after and before and after > before:
            raise BadRequestError("published_after must not be later than published_before")
        if after:
            queryset = queryset.filter(first_published_at__gte=_start_of(after))
        if before:
            queryset = queryset.filter(first_published_at__lt=_start_of(before + datetime.timedelta(days=1)))
        return queryset


def _date_parameter(params, name):
    if name not in params:
        return None
    value = params[name]
    try:
        # fromisoformat alone would also take "20200115" and "2020-W03-1".
        if not DATE.fullmatch(value):
            raise ValueError(value)
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise BadRequestError(f"{name} must be a date as YYYY-MM-DD, got '{value}'") from error


def _start_of(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time.min))


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's ``?<field>=<value>`` filter, answering 400 rather than 500 to a value of the wrong shape."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except (ValidationError, ValueError, TypeError) as error:
            message = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            raise BadRequestError(f"field filter error. {message}") from error


class _WithParams:
    """``request`` with other query parameters, for a filter backend that reads ``request.GET``."""

    def __init__(self, request, params):
        self._request = request
        self.GET = params

    def __getattr__(self, name):
        return getattr(self._request, name)


class PlainSearchFilter(SearchFilter):
    """Wagtail's ``?search=``, with double quotes read as spaces and the spaces tidied.

    The search backend breaks on two kinds of query that it does not expect from a person: the
    SQLite backend puts each word between double quotes in an FTS5 MATCH without escaping the
    quotes inside it (``?search="điển hình`` was an FTS5 syntax error, which the site answers as
    "database unavailable", 503), and a query of spaces only builds no condition at all (500).
    A double quote is not part of any indexed word on either backend, so reading it as a space
    changes no result; a query left empty finds nothing, as an empty ``?search=`` does.
    """

    def filter_queryset(self, request, queryset, view):
        query = request.GET.get("search")
        if query is not None:
            plain = " ".join(query.replace('"', " ").split())
            if plain != query:
                params = request.GET.copy()
                params["search"] = plain
                request = _WithParams(request, params)
        return super().filter_queryset(request, queryset, view)


class NewsroomPagesAPIViewSet(PagesAPIViewSet):
    # Everyone reads the same public pages: no sign-in, so no session is read and no response
    # varies by cookie.
    authentication_classes = []
    filter_backends = [
        CheckedFieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        StoryFilter,
        PlainSearchFilter,  # needs to be last, as SearchResults querysets cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(StoryFilter.query_parameters)

    # Fields a listing shows without ?fields=, besides Wagtail's (id, type, detail_url, html_url,
    # slug, first_published_at, locale, title): enough for a card.
    listing_defaults_by_type = {
        "exemplars.ExemplarPage": [
            "summary",
            "kind",
            "subject_kind",
            "subject_name",
            "unit",
            "fields",
            "main_image_thumbnail",
        ],
        "campaigns.CampaignPage": ["summary", "start_date", "end_date"],
        "columns.ColumnArticlePage": ["summary", "main_image_thumbnail"],
    }

    @classmethod
    def get_listing_default_fields(cls, model):
        fields = super().get_listing_default_fields(model)
        label = f"{model._meta.app_label}.{model.__name__}"
        return fields + cls.listing_defaults_by_type.get(label, [])

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only:
            # What ?<field>= and ?order= may use: plain columns. Relations to many objects and
            # rich content cannot be compared, and ?unit= takes a slug (StoryFilter), not an id.
            fields = [name for name in fields if _is_plain_column(model, name)]
        return fields

    def get_base_queryset(self):
        """Live pages that anyone may read: a signed-in editor or a password in the session does
        not add private pages, so every response can be cached publicly."""
        if not hasattr(self, "_public_pages"):
            # The same rule as every public listing (core/visibility.py), given as "id among the
            # visible pages", as the site's search does (search/query.py): the search backend
            # checks each condition of the queryset it searches against the indexed fields and
            # knows no Exists, so ?search= without ?type= was a 500. It knows an id subquery, and
            # the rule is still evaluated in the listing's one query.
            visible = Page.objects.filter(visible_q()).values("pk")
            self._public_pages = super().get_base_queryset().filter(pk__in=visible)
        return self._public_pages

    def initial(self, request, *args, **kwargs):
        # Before content negotiation (?format=) and every filter, for the listing, detail and find
        # views alike.
        check_parameters(request.GET)
        super().initial(request, *args, **kwargs)

    def handle_exception(self, exc):
        if isinstance(exc, DataError):
            # A value the database cannot take (a number out of its range, say): in this read-only
            # API it can only have come from the request, so it is the client's error, not ours.
            exc = BadRequestError("a parameter's value is out of range")
        return super().handle_exception(exc)

    def find_object(self, queryset, request):
        # Wagtail looks ?id= up as given, and a value that is not a number raised a ValueError (500).
        value = request.GET.get("id")
        if value is not None and not _is_page_id(value):
            raise BadRequestError(f"id must be a positive integer, got '{value}'")
        return super().find_object(queryset, request)

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        pages = list(self.paginate_queryset(queryset))
        serializer_class = self.get_serializer_class()
        self.prefetch_for(pages, serializer_class)
        serializer = serializer_class(pages, many=True, context=self.get_serializer_context())
        return self.get_paginated_response(serializer.data)

    def prefetch_for(self, pages, serializer_class):
        """Load in bulk what the listed fields read, so the listing's query count does not grow per page."""
        if not pages:
            return
        prefetch_related_objects(pages, "locale")
        declared = serializer_class._declared_fields
        for name in serializer_class.Meta.fields:
            prefetch = getattr(declared.get(name), "prefetch", None)
            if prefetch is not None:
                prefetch(pages, self)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        renderer = getattr(response, "accepted_renderer", None)
        if response.status_code == 200 and getattr(renderer, "format", None) == "json":
            patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
            patch_vary_headers(response, ["Accept"])
        return response


def _is_page_id(value):
    if not (value.isascii() and value.isdigit()):
        return False
    try:
        int(value)
    except ValueError:  # more digits than Python converts (4300)
        return False
    return True


def _is_plain_column(model, name):
    if name in StoryFilter.query_parameters:
        return False
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return True
    if field.many_to_many or field.one_to_many:
        return False
    return not isinstance(field, (StreamField, RichTextField))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", NewsroomPagesAPIViewSet)
