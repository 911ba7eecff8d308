"""Running a reader's query against the search index, the same way on SQLite and PostgreSQL."""

import json
import operator
from functools import reduce

from django.db import connection
from django.db.models import BooleanField, Case, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import StrIndex
from django.db.models.lookups import GreaterThan
from wagtail.models import Page

from core.text import fold, words
from core.visibility import visible_q
from search.models import SearchEntry

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
# Points for where a word matched: folded title, exact diacritics, the whole phrase.
TITLE_POINTS, EXACT_POINTS, PHRASE_POINTS = 3, 2, 4


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


def _points(text_field, needle, points):
    # strpos()/instr() rather than LIKE: the same answer on these lower-case, wildcard-free
    # strings, and PostgreSQL's LIKE is about twice as slow on the accented text_exact.
    found = GreaterThan(StrIndex(text_field, Value(needle)), 0)
    return Case(When(found, then=Value(points)), default=Value(0), output_field=IntegerField())


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
    for term in folded:
        entries = entries.filter(text_folded__contains=f" {term} ")
    # The word match (LIKE over the whole text) is the costly part: run it once, here, and let the
    # count, the page of results and every facet work on the matched ids. Points from the folded
    # title and the folded phrase come with it, read from rows the match reads anyway.
    cheap = Value(0, output_field=IntegerField())
    for term in folded:
        cheap = cheap + _points("title_folded", f" {term} ", TITLE_POINTS)
    if len(folded) > 1:
        cheap = cheap + _points("text_folded", f" {' '.join(folded)} ", PHRASE_POINTS)
    scores = dict(entries.annotate(score=cheap).values_list("pk", "score"))
    if not scores:
        return SearchEntry.objects.none().annotate(score=Value(0, output_field=IntegerField())), folded
    # Exact-diacritics points only where some exact word occurs at all (the exact phrase implies
    # its words): the trigram index on text_exact (migration 0003) finds those among the matches
    # without reading every match, and a query typed without diacritics usually finds none.
    bonus = Value(0, output_field=IntegerField())
    for exact_word in exact:
        bonus = bonus + _points("text_exact", f" {exact_word} ", EXACT_POINTS)
    if len(folded) > 1:
        bonus = bonus + _points("text_exact", f" {' '.join(exact)} ", PHRASE_POINTS)
    has_exact_word = reduce(operator.or_, (Q(text_exact__contains=f" {exact_word} ") for exact_word in exact))
    with_exact = SearchEntry.objects.filter(_among(scores), has_exact_word).annotate(bonus=bonus)
    for page_id, points in with_exact.values_list("pk", "bonus"):
        scores[page_id] += points
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
