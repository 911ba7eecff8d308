"""The public search page: /tim-kiem/?q=…, with facets.

With a query, one statement reads every match, best first, with its facet values (search.query);
the filters, the count and the page are then worked out from those rows, and only the page's
twenty entries are read. Without one, the latest entries are listed by the database, and the count
and each facet (one grouped query, search/facets_sql.py) are kept under the content generation.
Either way the number of queries does not depend on the data.
"""

from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from core.fragments import cached
from core.locales import active_locale
from core.pages import in_given_order
from core.pagination import paginate
from core.visibility import visible_q
from search import facets
from search.facets_sql import counted_in_index
from search.filters import SearchFilter
from search.models import SearchEntry
from search.query import clean_query, public_entries, search_matches

# The page of results needs none of the word strings.
TEXT_COLUMNS = ("title_folded", "text_folded", "text_exact")


def promoted_pages(query, locale):
    """The Board's pinned results for this exact query (search promotions), live pages only."""
    if not query:
        return []
    pinned = Query.objects.filter(query_string=normalise_query_string(query)).first()
    if pinned is None:
        return []
    page_ids = list(pinned.editors_picks.exclude(page=None).order_by("sort_order").values_list("page_id", flat=True))
    return in_given_order(Page.objects.filter(visible_q(), locale=locale).specific(), page_ids)


def _entries(ids):
    return in_given_order(SearchEntry.objects.defer(*TEXT_COLUMNS).select_related("unit", "page"), ids)


def _matched_page(request, matches, chosen):
    """The requested page of the matches having every chosen facet value, best first."""
    kept = [match.pk for match in matches if not chosen or facets.admits(match, chosen)]
    results = paginate(request, kept)
    results.object_list = _entries(list(results.object_list))
    return results


def query_without_page(data):
    without = data.copy()
    without.pop("page", None)
    return without


def _clean_data(request):
    data = request.GET.copy()
    for name in list(data):
        if name not in facets.FACETS and name not in ("q", "page"):
            data.pop(name)
    return data


def search(request):
    query = clean_query(request.GET.get("q", ""))
    locale = active_locale(request)
    data = _clean_data(request)
    filterset = SearchFilter(data, queryset=public_entries(locale), request=request)
    context = {"query": query, "terms": [], "filterset": filterset, "page_title": _("Search")}
    if not filterset.is_valid():
        return HttpResponseBadRequest(render_to_string("search/search.html", {**context, "invalid": True}, request))
    matches, context["terms"] = search_matches(query, locale)
    chosen = facets.chosen_values(filterset.picked())
    if matches is not None:
        results = _matched_page(request, matches, chosen)
        values_for = facets.counted_in_rows(matches, chosen, request)
    else:
        latest = filterset.qs.order_by("-published_at", "-page_id").defer(*TEXT_COLUMNS)
        # Counting the whole index is most of this page's time; kept as the facets are.
        facets_chosen = query_without_page(data)
        facets_chosen.pop("q", None)  # words without a letter: the same list as no words
        count = cached("search-index-count", (locale.pk, facets_chosen.urlencode()), latest.count, request)
        results = paginate(request, latest.select_related("unit", "page"), count=count)
        values_for = counted_in_index(data, public_entries(locale), SearchFilter, request)
    labels = {name: filter_.label for name, filter_ in SearchFilter.base_filters.items()}
    context.update(
        {
            "results": results,
            "facets": facets.facet_counts(data, values_for, labels),
            "promoted": promoted_pages(query, locale),
            "filter_query": query_without_page(data).urlencode(),
        }
    )
    return render(request, "search/search.html", context)
