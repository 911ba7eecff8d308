"""The public search page: /tim-kiem/?q=…, with facets."""

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from core.names import name_column
from core.pages import in_given_order
from core.pagination import paginate
from core.visibility import visible_q
from exemplars.models import SubjectKind
from search.filters import SearchFilter
from search.models import ContentKind
from search.query import clean_query, search_entries

FACETS = ["kind", "field", "unit", "year", "subject_kind"]


def _named_facet(queryset, relation):
    """[(slug, name in the reader's language, count)] for the units or fields of ``queryset``,
    most entries first. An inner join (``isnull=False``) rather than ``exclude(...=None)``, whose
    anti-join scans the whole index: the same groups, since an entry without one belongs to none."""
    column = name_column()
    names = [f"{relation}__name"] + ([f"{relation}__{column}"] if column != "name" else [])
    rows = (
        queryset.filter(**{f"{relation}__isnull": False})
        .values(f"{relation}__slug", *names)
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    shown = [(row[f"{relation}__slug"], row[names[-1]] or row[names[0]], row["n"]) for row in rows]
    return sorted(shown, key=lambda value: (-value[2], value[1]))


def _facet_values(queryset, facet):
    """[(value, label, count)] for one facet over ``queryset``."""
    if facet == "kind":
        labels = dict(ContentKind.choices)
        rows = queryset.values("kind").annotate(n=Count("pk", distinct=True)).order_by("kind")
        return [(row["kind"], labels.get(row["kind"], row["kind"]), row["n"]) for row in rows]
    if facet == "subject_kind":
        labels = dict(SubjectKind.choices)
        rows = queryset.exclude(subject_kind="").values("subject_kind").annotate(n=Count("pk", distinct=True))
        return [
            (row["subject_kind"], labels.get(row["subject_kind"]), row["n"]) for row in rows.order_by("subject_kind")
        ]
    if facet in ("unit", "field"):
        return _named_facet(queryset, "unit" if facet == "unit" else "fields")
    tz = timezone.get_current_timezone()
    rows = (
        queryset.exclude(published_at=None)
        .annotate(published_year=ExtractYear("published_at", tzinfo=tz))
        .values("published_year")
        .annotate(n=Count("pk", distinct=True))
        .order_by("-published_year")
    )
    return [(str(row["published_year"]), str(row["published_year"]), row["n"]) for row in rows]


def facet_counts(data, entries, request):
    """For each facet, its values with counts under the query and every *other* chosen facet."""
    facets = []
    for facet in FACETS:
        others = data.copy()
        others.pop(facet, None)
        others.pop("page", None)
        queryset = SearchFilter(others, queryset=entries, request=request).qs
        selected = data.get(facet, "")
        values = []
        for value, label, count in _facet_values(queryset, facet):
            link = data.copy()
            link.pop("page", None)
            if value == selected:
                link.pop(facet, None)
            else:
                link[facet] = value
            values.append(
                {
                    "value": value,
                    "label": label,
                    "count": count,
                    "selected": value == selected,
                    "query": link.urlencode(),
                }
            )
        facets.append({"name": facet, "label": SearchFilter.base_filters[facet].label, "values": values})
    return facets


def promoted_pages(query, locale):
    """The Board's pinned results for this exact query (search promotions), live pages only."""
    if not query:
        return []
    pinned = Query.objects.filter(query_string=normalise_query_string(query)).first()
    if pinned is None:
        return []
    page_ids = list(pinned.editors_picks.exclude(page=None).order_by("sort_order").values_list("page_id", flat=True))
    return in_given_order(Page.objects.filter(visible_q(), locale=locale).specific(), page_ids)


def search(request):
    query = clean_query(request.GET.get("q", ""))
    locale = Locale.get_active()
    entries, terms = search_entries(query, locale)
    data = request.GET.copy()
    for name in list(data):
        if name not in FACETS and name not in ("q", "page"):
            data.pop(name)
    filterset = SearchFilter(data, queryset=entries, request=request)
    context = {"query": query, "terms": terms, "filterset": filterset, "page_title": _("Search")}
    if not filterset.is_valid():
        return HttpResponseBadRequest(render_to_string("search/search.html", {**context, "invalid": True}, request))
    # The page of results is sorted over every match: keep those rows narrow (no word strings,
    # no joins) and fetch the twenty pages and units afterwards.
    results = paginate(
        request, filterset.qs.defer("title_folded", "text_folded", "text_exact").prefetch_related("unit", "page")
    )
    query_without_page = data.copy()
    query_without_page.pop("page", None)
    context.update(
        {
            "results": results,
            "facets": facet_counts(data, entries, request),
            "promoted": promoted_pages(query, locale),
            "filter_query": query_without_page.urlencode(),
        }
    )
    return render(request, "search/search.html", context)
