"""Facet counts of the search page without a query: grouped queries over the whole index.

A query's matches are counted in Python from the rows already read (search/facets.py); listing
everything, the index itself is counted, one grouped query per facet under every *other* chosen
facet (grouping every entry by all five at once gives thousands of groups to count in Python).
At 30,000 entries those queries take 20-50 ms each, and their answer depends only on the chosen
facets and the language: kept under the content generation, which publishing and the search
index's own updates (search/tasks.py) move.
"""

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import get_language

from core.fragments import cached
from core.names import name_column
from exemplars.models import SubjectKind
from search.models import ContentKind


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


def facet_values(queryset, facet):
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


def counted_in_index(data, entries, filter_class, request):
    """``values_for(facet)`` over ``entries`` under every other chosen facet of ``data``."""

    def values_for(facet):
        others = data.copy()
        others.pop(facet, None)
        others.pop("page", None)
        others.pop("q", None)

        def count():
            return facet_values(filter_class(others, queryset=entries, request=request).qs, facet)

        return cached("search-index-facet", (get_language(), facet, others.urlencode()), count, request)

    return values_for
