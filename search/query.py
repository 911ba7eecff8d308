"""Running a reader's query through Wagtail's search framework (modelsearch), ranked our way.

The query is folded and cut by core.text, as the index was (search/tokens.py), and the backend
named ``public`` in WAGTAILSEARCH_BACKENDS (``default`` when there is none) finds the entries
holding every word: PostgreSQL's full-text search over its GIN index, SQLite's FTS5, or
OpenSearch/Elasticsearch. Ranking adds points, the same on every backend: a word of the query in
the title, a word typed with the text's exact diacritics, the whole phrase as typed (folded, then
exact). The title's points are read from the matched rows; the others are the backend's own
phrase and word queries, so no text is scanned.
"""

import json

from django.db import connection
from django.db.models import BooleanField, Case, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import StrIndex
from django.db.models.lookups import GreaterThan
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from modelsearch.query import Phrase, PlainText
from wagtail.models import Page

from core.text import fold, words
from core.visibility import visible_q
from search.models import SearchEntry
from search.tokens import exact_token, folded_token

MAX_QUERY_LENGTH = 200
# Every word of a query counts (a pasted title keeps the name at its end); the length bound above
# keeps their number small, and this one keeps a query of one-letter words from growing the SQL.
MAX_TERMS = 64
# Points for where a word matched: folded title, exact diacritics, the whole phrase.
TITLE_POINTS, EXACT_POINTS, PHRASE_POINTS = 3, 2, 4
# Backends that answer with objects rather than a query (OpenSearch/Elasticsearch) give at most these.
MAX_MATCHES = 10_000


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


def _matching(backend, search_query, locale):
    """The pks of ``locale``'s entries matching ``search_query``: a subquery on the database
    backends (the match runs inside the statement that uses it), a list on the others."""
    results = backend.search(search_query, SearchEntry.objects.filter(locale=locale), order_by_relevance=False)
    if hasattr(results, "get_queryset"):
        return results.get_queryset().order_by().values("pk")
    return [entry.pk for entry in results[:MAX_MATCHES]]


def _points_if(condition, points):
    return When(condition, then=Value(points))


def _score(backend, exact, folded, locale):
    """The ranking points of an entry matching every word, as one expression."""
    whens = [_points_if(GreaterThan(StrIndex("title_folded", Value(f" {term} ")), 0), TITLE_POINTS) for term in folded]
    phrases = []
    if len(folded) > 1:
        phrases.append((Phrase(" ".join(map(folded_token, folded))), PHRASE_POINTS))
        phrases.append((Phrase(" ".join(map(exact_token, exact))), PHRASE_POINTS))
    phrases += [(PlainText(exact_token(word)), EXACT_POINTS) for word in exact]
    whens += [_points_if(Q(pk__in=_matching(backend, q, locale)), points) for q, points in phrases]
    score = Value(0, output_field=IntegerField())
    for when in whens:
        score = score + Case(when, default=Value(0), output_field=IntegerField())
    return score


def _among(ids):
    """A condition "the entry is one of ``ids``", as one parameter whatever the number of ids.

    A plain pk__in would pass one parameter per id, and a broad query matches tens of thousands
    of entries: more than PostgreSQL (65,535) or SQLite (32,766) accept in one statement.
    """
    column = f'"{SearchEntry._meta.db_table}"."page_id"'
    if connection.vendor == "postgresql":
        return RawSQL(f"{column} = ANY(%s)", (list(ids),), output_field=BooleanField())
    ids_json = json.dumps(list(ids))
    return RawSQL(f"{column} IN (SELECT value FROM json_each(%s))", (ids_json,), output_field=BooleanField())


def search_entries(query, locale):
    """Live public entries in ``locale`` matching every word of ``query`` (folded), best first.

    An empty query gives everything, newest first.
    """
    entries = SearchEntry.objects.filter(
        locale=locale, page__in=Page.objects.filter(visible_q(), locale=locale).values("pk")
    )
    exact, folded = query_terms(query)
    if not folded:
        return entries.order_by("-published_at", "-page_id"), folded
    backend = search_backend()
    matched = _matching(backend, PlainText(" ".join(map(folded_token, folded)), operator="and"), locale)
    # One statement finds the matches and scores them; the count, the page of results and every
    # facet then work on the matched ids, without matching again.
    scores = dict(
        entries.filter(pk__in=matched).annotate(score=_score(backend, exact, folded, locale)).values_list("pk", "score")
    )
    if not scores:
        return SearchEntry.objects.none().annotate(score=Value(0, output_field=IntegerField())), folded
    by_points = {}
    for page_id, points in scores.items():
        by_points.setdefault(points, []).append(page_id)
    ranked = Case(
        *(When(_among(ids), then=Value(points)) for points, ids in sorted(by_points.items())),
        default=Value(0),
        output_field=IntegerField(),
    )
    entries = SearchEntry.objects.filter(_among(scores)).annotate(score=ranked)
    return entries.order_by("-score", "-published_at", "-page_id"), folded
