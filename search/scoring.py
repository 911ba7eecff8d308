"""Ranking points of the entries a query matched, the same rules on every backend.

Points: 3 for each word of the query in the title (read from the matched rows), 4 for the whole
phrase (folded), 4 for the exact phrase, 2 for each word typed with the text's exact diacritics.

On PostgreSQL the phrase and word tests run on each matched entry's own vector, the row the match
has just read from Wagtail's index table (migration search/0005 keeps it in that row), so a broad
query costs one pass over its matches. Elsewhere (SQLite FTS5, OpenSearch) they are the backend's
own phrase and word queries, each a set of entries the score tests membership in.
"""

from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import StrIndex
from django.db.models.lookups import GreaterThan
from modelsearch.query import Phrase, PlainText

from search.tokens import exact_token, folded_token

TITLE_POINTS, EXACT_POINTS, PHRASE_POINTS = 3, 2, 4


def boost_queries(exact, folded):
    """[(backend query, points)] of the phrase and exact-word rules."""
    queries = []
    if len(folded) > 1:
        queries.append((Phrase(" ".join(map(folded_token, folded))), PHRASE_POINTS))
        queries.append((Phrase(" ".join(map(exact_token, exact))), PHRASE_POINTS))
    queries += [(PlainText(exact_token(word)), EXACT_POINTS) for word in exact]
    return queries


def on_own_vectors(results):
    """Whether ``results`` (a backend's search results) is modelsearch's PostgreSQL query, whose
    rows carry their vector (``index_entries__body``) for the boosts to test."""
    compiler = getattr(results, "query_compiler", None)
    return compiler is not None and type(compiler).__name__ == "PostgresSearchQueryCompiler"


def vector_conditions(results, queries):
    """[(condition, points)] testing each rule on the matched row's own vector (PostgreSQL).

    SearchEntry indexes no field named "title", so its vector is all in ``body``: the backend
    matches ``title || body``, and ``body`` alone holds the same words at the same positions."""
    from django.contrib.postgres.search import SearchVectorExact

    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    body = F("index_entries__body")
    tsqueries = [(compiler.build_tsquery(query, config=config), points) for query, points in queries]
    return [(SearchVectorExact(body, tsquery), points) for tsquery, points in tsqueries]


def score(title_terms, conditions):
    """The points of a row: the title's words plus each (condition, points) that holds."""
    parts = [(GreaterThan(StrIndex("title_folded", Value(f" {term} ")), 0), TITLE_POINTS) for term in title_terms]
    parts += conditions
    total = Value(0, output_field=IntegerField())
    for condition, points in parts:
        total = total + Case(When(condition, then=Value(points)), default=Value(0), output_field=IntegerField())
    return total


def membership_conditions(matching, queries):
    """[(condition, points)] where ``matching(query)`` gives the entries a backend query matches."""
    return [(Q(pk__in=matching(query)), points) for query, points in queries]
