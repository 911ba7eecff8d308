"""A pg_trgm GIN index on SearchEntry.text_folded, on PostgreSQL only.

Search matches words with LIKE '% word %' (search/query.py), which a B-tree cannot serve; at
30,000 stories a trigram index turns the sequential scan into a bitmap index scan (plans in
docs/benchmarks.md). SQLite has no such index and keeps scanning, which is fine at its scale. The
index is not in the model's Meta because Django would then try to build it on SQLite too.
"""

from django.db import migrations

from cms.migration_operations import postgresql_only

INDEX = "search_entry_text_folded_trgm"


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        postgresql_only(
            [
                "CREATE EXTENSION IF NOT EXISTS pg_trgm",
                f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_searchentry USING gin (text_folded gin_trgm_ops)",
            ],
            [f"DROP INDEX IF EXISTS {INDEX}"],
        )
    ]
