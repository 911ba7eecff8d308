"""Running a reader's query against the search index, the same way on SQLite and PostgreSQL."""

from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce
from wagtail.models import Page

from search.folding import fold, words
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


def _points(condition, points):
    return Case(When(condition, then=Value(points)), default=Value(0), output_field=IntegerField())


def search_entries(query, locale):
    """Live public entries in ``locale`` matching every word of ``query`` (folded), best first.

    An empty query gives everything, newest first.
    """
    entries = SearchEntry.objects.filter(
        locale=locale, page__in=Page.objects.live().public().filter(locale=locale).values("pk")
    )
    exact, folded = query_terms(query)
    if not folded:
        return entries.order_by("-published_at", "-page_id"), folded
    for term in folded:
        entries = entries.filter(text_folded__contains=f" {term} ")
    score = Value(0, output_field=IntegerField())
    for exact_word, term in zip(exact, folded, strict=True):
        score = score + _points(Q(title_folded__contains=f" {term} "), TITLE_POINTS)
        score = score + _points(Q(text_exact__contains=f" {exact_word} "), EXACT_POINTS)
    if len(folded) > 1:
        score = score + _points(Q(text_folded__contains=f" {' '.join(folded)} "), PHRASE_POINTS)
        score = score + _points(Q(text_exact__contains=f" {' '.join(exact)} "), PHRASE_POINTS)
    entries = entries.annotate(score=Coalesce(score, 0)).order_by("-score", "-published_at", "-page_id")
    return entries, folded
