"""SearchEntry.public (search/visibility.py keeps it), filled for the existing entries by the rule
of core/visibility.py; and, on PostgreSQL, the index table's vectors kept in their rows.

The public search scores the entries it matched with phrase and word tests on their own vectors
(search/scoring.py). PostgreSQL stores a vector too big for its row (an entry's is a few
kilobytes, and vectors do not compress) in a separate TOAST table, and reading it back from there
for each of thousands of matches was most of a broad query's time. Storage MAIN keeps a vector in
its row whenever it fits in a page, where the match already reads it; the UPDATE writes the
existing vectors again so that they move in.
"""

from django.db import migrations, models

from cms.migration_operations import postgresql_only

# The rule of core.visibility.visible_q in SQL (a migration cannot use the models' managers): live,
# and no view restriction on the page or an ancestor (a page whose path starts its path).
BACKFILL = """
UPDATE search_searchentry SET public = EXISTS (
    SELECT 1 FROM wagtailcore_page p
    WHERE p.id = search_searchentry.page_id AND p.live AND NOT EXISTS (
        SELECT 1 FROM wagtailcore_pageviewrestriction r
        INNER JOIN wagtailcore_page rp ON rp.id = r.page_id
        WHERE rp.path = substr(p.path, 1, rp.depth * 4)
    )
)
"""


def backfill(apps, schema_editor):
    schema_editor.execute(BACKFILL)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_indexentry_title_body_gin"),
    ]

    operations = [
        migrations.AddField(model_name="searchentry", name="public", field=models.BooleanField(default=False)),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=False),
        postgresql_only(
            [
                "ALTER TABLE wagtailsearch_indexentry ALTER COLUMN body SET STORAGE MAIN",
                "UPDATE wagtailsearch_indexentry SET body = body || ''::tsvector",
            ],
            ["ALTER TABLE wagtailsearch_indexentry ALTER COLUMN body SET STORAGE EXTENDED"],
        ),
    ]
