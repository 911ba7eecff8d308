"""The search page's facets, counted in Python from what one query read of the matches.

Each facet's values are counted under the query and every *other* chosen facet, so a reader sees
what each choice would give. The rows are the matches themselves (search.query.Match): each entry
is counted once per value it has (once per field among its fields). The page without a query
counts the whole index instead, one grouped query per facet (search/facets_sql.py).
"""

from collections import Counter
from itertools import chain
from operator import attrgetter
from urllib.parse import urlencode

from django.utils.translation import get_language

from core.fragments import cached
from core.names import shown_name
from exemplars.models import Field, SubjectKind
from search.models import ContentKind
from units.models import Unit

FACETS = ["kind", "field", "unit", "year", "subject_kind"]
# The column of search.query.Match each facet other than "field" (a set of ids) reads.
COLUMNS = {"kind": "kind", "unit": "unit_id", "subject_kind": "subject_kind", "year": "year"}


def names(request=None):
    """{"unit"|"field": {id: (slug, name in the reader's language)}}, kept for the content generation."""

    def build():
        return {
            "unit": {unit.pk: (unit.slug, shown_name(unit)) for unit in Unit.objects.all()},
            "field": {field.pk: (field.slug, shown_name(field)) for field in Field.objects.all()},
        }

    return cached("search-facet-names", (get_language(),), build, request)


def chosen_values(cleaned_data):
    """{facet: value as the rows hold it} for each chosen facet (a unit or field by its id)."""
    chosen = {}
    for facet in FACETS:
        value = cleaned_data.get(facet)
        if value in (None, ""):
            continue
        chosen[facet] = int(value) if facet == "year" else value
    return chosen


def values_of(row, facet):
    """The values ``row`` counts for in ``facet`` (none for an empty unit, subject or date)."""
    if facet == "field":
        return row.field_ids
    value = getattr(row, COLUMNS[facet])
    return () if value in (None, "") else (value,)


def admits(row, chosen):
    """Whether ``row`` has every chosen value."""
    return all(value in values_of(row, facet) for facet, value in chosen.items())


def _counts(rows, chosen):
    """{facet: Counter(value: entries)} of the rows admitted by every chosen facet but its own."""
    counts = {}
    for facet in FACETS:
        others = {other: value for other, value in chosen.items() if other != facet}
        kept = [row for row in rows if admits(row, others)] if others else rows
        if facet == "field":
            counter = Counter(chain.from_iterable(row.field_ids for row in kept))
        else:
            counter = Counter(map(attrgetter(COLUMNS[facet]), kept))
            counter.pop(None, None)
            counter.pop("", None)
        counts[facet] = counter
    return counts


def _labelled(facet, counter, named):
    """[(URL value, label, count)] of one facet, in the order readers see it."""
    if facet in ("unit", "field"):
        shown = [(*named[facet][pk], n) for pk, n in counter.items() if pk in named[facet]]
        return sorted(shown, key=lambda value: (-value[2], value[1]))
    if facet == "year":
        return [(str(year), str(year), counter[year]) for year in sorted(counter, reverse=True)]
    labels = dict(ContentKind.choices if facet == "kind" else SubjectKind.choices)
    return [(value, labels.get(value, value), counter[value]) for value in sorted(counter)]


def counted_in_rows(rows, chosen, request=None):
    """``values_for(facet)``: [(URL value, label, count)] counted from ``rows`` (see the module)."""
    counts = _counts(rows, chosen)
    named = names(request)
    return lambda facet: _labelled(facet, counts[facet], named)


def facet_counts(data, values_for, labels):
    """For each facet, its values (``values_for(facet)``: [(URL value, label, count)] under the
    query and every *other* chosen facet), with the link that chooses (or drops) each."""
    facets = []
    for facet in FACETS:
        selected = data.get(facet, "")
        # The query string of every other choice, once per facet: a facet has up to ~60 values,
        # and copying the QueryDict for each (a deep copy) was a good part of rendering them.
        others = data.copy()
        others.pop("page", None)
        others.pop(facet, None)
        rest = others.urlencode()
        values = []
        for value, label, n in values_for(facet):
            link = rest if value == selected else "&".join(filter(None, (rest, urlencode({facet: value}))))
            values.append({"value": value, "label": label, "count": n, "selected": value == selected, "query": link})
        facets.append({"name": facet, "label": labels[facet], "values": values})
    return facets
