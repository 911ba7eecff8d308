"""The GIN index PostgreSQL's full-text search needs, and the trigram indexes it replaces.

modelsearch's PostgreSQL backend matches ``title || body`` of Wagtail's index table (one
tsvector per indexed object): without an index on that very expression, every query reads every
entry's vectors (seconds at 30,000 stories). Wagtail's migrations index the two columns apart,
so the expression index is made here, on PostgreSQL only; the admin's searches use it too. The
backend joins its matches to SearchEntry on the entry's id as text (IndexEntry.object_id is a
string): an index on that expression makes the join a few lookups instead of a scan of the table.
The public search no longer scans SearchEntry's text (search/query.py), so the pg_trgm indexes
of 0002 and 0003 only slowed writes; they go.
"""

from django.db import migrations

from cms.migration_operations import postgresql_only

INDEX = "search_indexentry_title_body_gin"
PAGE_ID_TEXT = "search_entry_page_id_text"


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_searchentry_text_exact_trigram"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        postgresql_only(
            [
                f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))",
                f"CREATE INDEX IF NOT EXISTS {PAGE_ID_TEXT} ON search_searchentry (((page_id)::varchar(50)))",
                "DROP INDEX IF EXISTS search_entry_text_folded_trgm",
                "DROP INDEX IF EXISTS search_entry_text_exact_trgm",
            ],
            [
                f"DROP INDEX IF EXISTS {INDEX}",
                f"DROP INDEX IF EXISTS {PAGE_ID_TEXT}",
                "CREATE INDEX IF NOT EXISTS search_entry_text_folded_trgm ON search_searchentry"
                " USING gin (text_folded gin_trgm_ops)",
                "CREATE INDEX IF NOT EXISTS search_entry_text_exact_trgm ON search_searchentry"
                " USING gin (text_exact gin_trgm_ops)",
            ],
        )
    ]
