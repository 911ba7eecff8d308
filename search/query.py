"""Running a reader's query through Wagtail's search framework (modelsearch), ranked our way.

The query is folded and cut by core.text, as the index was (search/tokens.py), and the backend
named ``public`` in WAGTAILSEARCH_BACKENDS (``default`` when there is none) finds the public
entries holding every word: PostgreSQL's full-text search over its GIN index, SQLite's FTS5, or
OpenSearch/Elasticsearch. One statement reads every match, ordered by its ranking points
(search/scoring.py), with what the facets count (kind, unit, subject, year, fields); the view then
filters, counts and pages those rows itself, and reads only the page's twenty entries.
"""

import functools
from collections import namedtuple

from django.db.models import F
from django.db.models.functions import ExtractYear
from django.utils import timezone
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from modelsearch.query import PlainText

from core.text import fold, words
from search import scoring
from search.models import SearchEntry
from search.tokens import folded_token

MAX_QUERY_LENGTH = 200
# Every word of a query counts (a pasted title keeps the name at its end); the length bound above
# keeps their number small, and this one keeps a query of one-letter words from growing the SQL.
MAX_TERMS = 64
# Backends that answer with objects rather than a query (OpenSearch/Elasticsearch) give at most these.
MAX_MATCHES = 10_000
# What the facets and the filters read of an entry (its points and date only order the rows).
FACET_COLUMNS = ("kind", "unit_id", "subject_kind", "year", "field_ids")
Match = namedtuple("Match", ("pk", *FACET_COLUMNS))


def clean_query(raw):
    """The query as typed, made safe: no NUL bytes (PostgreSQL refuses them), bounded length."""
    return (raw or "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]


def query_terms(query):
    """(exact words, folded words) of the query, at most MAX_TERMS, without repeats."""
    exact, folded = [], []
    for word in words(query):
        folded_word = fold(word)
        if folded_word and folded_word not in folded:
            exact.append(word)
            folded.append(folded_word)
        if len(folded) == MAX_TERMS:
            break
    return exact, folded


def search_backend():
    """The backend of the public search: the ``public`` alias, else ``default``."""
    aliases = get_app_config().get_search_backend_config()
    return get_search_backend("public" if "public" in aliases else "default")


def public_entries(locale):
    """The entries of ``locale`` whose pages the public may see (SearchEntry.public)."""
    return SearchEntry.objects.filter(locale=locale, public=True)


class _Year(ExtractYear):
    """The year as an integer in SQL: PostgreSQL's EXTRACT gives a numeric, which psycopg2 reads as
    a Decimal and Django then converts row by row; over a broad query's 3,000 matches that was 4 ms
    of the page's Python time. Cast, it is read as an int and needs no converter."""

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = self.as_sql(compiler, connection, **extra)
        return f"({sql})::integer", params

    def get_db_converters(self, connection):
        return []


def with_facet_columns(entries):
    """``entries`` annotated with the year of publication (the reader's time zone, as the year
    filter reads it) and the ids of its fields (SearchEntry.field_list)."""
    return entries.annotate(
        year=_Year("published_at", tzinfo=timezone.get_current_timezone()), field_ids=F("field_list")
    )


@functools.lru_cache(maxsize=4096)
def parse_ids(value):
    """The ids of a ``field_list`` ("3,7"), as a tuple; empty for an entry without fields. Kept: a
    broad query's thousands of matches hold a few dozen distinct lists."""
    return tuple(map(int, value.split(","))) if value else ()


def _matching(backend, search_query, locale):
    """The pks of ``locale``'s entries matching ``search_query``: a subquery on the database
    backends (the match runs inside the statement that uses it), a list on the others."""
    results = backend.search(search_query, SearchEntry.objects.filter(locale=locale), order_by_relevance=False)
    if hasattr(results, "get_queryset"):
        return results.get_queryset().order_by().values("pk")
    return [entry.pk for entry in results[:MAX_MATCHES]]


def _scored(backend, exact, folded, locale):
    """The matching public entries of ``locale``, annotated with their points."""
    match = PlainText(" ".join(map(folded_token, folded)), operator="and")
    boosts = scoring.boost_queries(exact, folded)
    results = backend.search(match, public_entries(locale), order_by_relevance=False)
    if scoring.on_own_vectors(results):
        return (
            results.get_queryset()
            .order_by()
            .annotate(score=scoring.score(folded, scoring.vector_conditions(results, boosts)))
        )
    matched = public_entries(locale).filter(pk__in=_matching(backend, match, locale))
    conditions = scoring.membership_conditions(lambda query: _matching(backend, query, locale), boosts)
    return matched.annotate(score=scoring.score(folded, conditions))


def search_matches(query, locale):
    """(every public entry of ``locale`` matching every word of ``query`` as a Match, best first;
    the folded words). None for a query without words: the caller lists everything instead."""
    exact, folded = query_terms(query)
    if not folded:
        return None, folded
    # Best first; ties go to the newest (an entry without a date last among equals), then the page id.
    # Sorted by the database: thousands of rows sort there in a millisecond, in Python in several.
    order = ("-score", F("published_at").desc(nulls_last=True), "-pk")
    scored = with_facet_columns(_scored(search_backend(), exact, folded, locale)).order_by(*order)
    matches = [Match(*row[:-1], parse_ids(row[-1])) for row in scored.values_list(*Match._fields)]
    return matches, folded
