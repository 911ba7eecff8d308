"""A pg_trgm GIN index on SearchEntry.text_folded, on PostgreSQL only.

Search matches words with LIKE '% word %' (search/query.py), which a B-tree cannot serve; at
30,000 stories a trigram index turns the sequential scan into a bitmap index scan (plans in
docs/benchmarks.md). SQLite has no such index and keeps scanning, which is fine at its scale. The
index is not in the model's Meta because Django would then try to build it on SQLite too.
"""

from django.db import migrations

INDEX = "search_entry_text_folded_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_searchentry USING gin (text_folded gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
