"""SearchEntry.field_list: its fields' ids in one column (search/query.py reads it with every
match), filled for the existing entries from their fields' rows."""

from django.db import migrations, models

BACKFILL = {
    "postgresql": """
        UPDATE search_searchentry SET field_list = COALESCE((
            SELECT string_agg(f.field_id::text, ',' ORDER BY f.field_id) FROM search_searchentry_fields f
            WHERE f.searchentry_id = search_searchentry.page_id
        ), '')
    """,
    # SQLite's group_concat takes no ORDER BY before 3.44: the ids are ordered in a subquery.
    "sqlite": """
        UPDATE search_searchentry SET field_list = COALESCE((
            SELECT group_concat(field_id, ',') FROM (
                SELECT f.field_id FROM search_searchentry_fields f
                WHERE f.searchentry_id = search_searchentry.page_id ORDER BY f.field_id
            )
        ), '')
    """,
}


def backfill(apps, schema_editor):
    schema_editor.execute(BACKFILL[schema_editor.connection.vendor])


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_searchentry_public"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry", name="field_list", field=models.TextField(blank=True, default="")
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=False),
    ]
