"""Wagtail's database search backend, with SQLite reading a query the way PostgreSQL does.

The admin searches pages through Wagtail's backend: full-text search on PostgreSQL in production,
SQLite's FTS5 in development. SQLite's backend quotes each word of the query and joins them with
AND, so a word with no letter or digit in it (the " - " of "Dạy tốt - học tốt", an ellipsis) is an
empty phrase that matches nothing, and a double quote breaks the query's syntax: a staff member
pasting a title found it on PostgreSQL and not on SQLite. Dropping those words, as PostgreSQL's
parser does, makes both databases answer alike. Set as ``WAGTAILSEARCH_BACKENDS["default"]``.
"""

from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    backend = database_backend(params)
    if backend.__class__.__name__ != "SQLiteSearchBackend":
        return backend
    # Only here: the module cannot be imported on PostgreSQL (see its docstring).
    from core.sqlite_search import MatchableWordsSQLiteBackend

    return MatchableWordsSQLiteBackend(params)
