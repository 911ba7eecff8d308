"""SQLite's full-text backend reading a query the way PostgreSQL does (see core/search_backend.py).

Imported only on SQLite: modelsearch's SQLite module needs the FTS table's model, which exists only
when the database is SQLite.
"""

import re

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


class MatchableWordsSQLiteBackend(SQLiteSearchBackend):
    query_compiler_class = _QueryCompiler
    autocomplete_query_compiler_class = _AutocompleteQueryCompiler
    results_class = _Results
