"""Wagtail's database search backend, with SQLite reading a query the way PostgreSQL does.

The admin searches pages through Wagtail's backend: full-text search on PostgreSQL in production,
SQLite's FTS5 in development. SQLite's backend quotes each word of the query and joins them with
AND, so a word with no letter or digit in it (the " - " of "Dạy tốt - học tốt", an ellipsis) is an
empty phrase that matches nothing, and a double quote breaks the query's syntax: a staff member
pasting a title found it on PostgreSQL and not on SQLite. Dropping those words, as PostgreSQL's
parser does, makes both databases answer alike. Set as ``WAGTAILSEARCH_BACKENDS["default"]``.
"""

import re

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import And, Or, PlainText

_HAS_WORD = re.compile(r"\w")


def words_sqlite_can_match(query_string):
    """The query's words without double quotes, leaving out those with no letter or digit."""
    return " ".join(word for word in query_string.replace('"', " ").split() if _HAS_WORD.search(word))


def matchable(query):
    """``query`` without the words SQLite cannot match, or None when nothing is left of it."""
    if isinstance(query, PlainText):
        words = words_sqlite_can_match(query.query_string)
        return PlainText(words, operator=query.operator, boost=query.boost) if words else None
    if isinstance(query, (And, Or)):
        parts = [part for part in map(matchable, query.subqueries) if part is not None]
        return type(query)(parts) if len(parts) > 1 else (parts[0] if parts else None)
    return query


class _MatchableWords:
    def build_search_query_content(self, query, config=None):
        return super().build_search_query_content(matchable(query) or PlainText(""), config=config)


class _QueryCompiler(_MatchableWords, SQLiteSearchQueryCompiler):
    pass


class _AutocompleteQueryCompiler(_MatchableWords, SQLiteAutocompleteQueryCompiler):
    pass


class _Results(SQLiteSearchResults):
    """No rows, and no query sent, when the query has no word to match (" - " alone)."""

    def _has_words(self):
        return matchable(self.query_compiler.query) is not None

    def get_queryset(self):
        return super().get_queryset() if self._has_words() else self.query_compiler.queryset.none()

    def facet(self, field_name):
        return super().facet(field_name) if self._has_words() else {}


class _SQLiteBackend(SQLiteSearchBackend):
    query_compiler_class = _QueryCompiler
    autocomplete_query_compiler_class = _AutocompleteQueryCompiler
    results_class = _Results


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    backend = database_backend(params)
    if isinstance(backend, SQLiteSearchBackend):
        return _SQLiteBackend(params)
    return backend
