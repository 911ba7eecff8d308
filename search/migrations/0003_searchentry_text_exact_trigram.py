"""A pg_trgm GIN index on SearchEntry.text_exact, on PostgreSQL only.

Ranking gives points when a word appears with the reader's exact diacritics (search/query.py).
Reading text_exact for every match was a large part of a broad query's time; with this index the
entries holding some exact word are found among the matches without reading the others, and a
query typed without diacritics (most of them) usually has none. Like 0002, not in the model's
Meta, so SQLite never tries to build it.
"""

from django.db import migrations

from cms.migration_operations import postgresql_only

INDEX = "search_entry_text_exact_trgm"


class Migration(migrations.Migration):
    dependencies = [("search", "0002_searchentry_text_folded_trigram")]

    operations = [
        postgresql_only(
            [
                "CREATE EXTENSION IF NOT EXISTS pg_trgm",
                f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_searchentry USING gin (text_exact gin_trgm_ops)",
            ],
            [f"DROP INDEX IF EXISTS {INDEX}"],
        )
    ]
