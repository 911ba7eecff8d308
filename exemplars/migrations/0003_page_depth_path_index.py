"""An index on Wagtail's page table by (depth, path), on PostgreSQL only.

The site navigation (home/templatetags/newsroom_tags.py) asks on every page for the live pages
at depths 2 and 3 under the site root. ``path LIKE '00010001%'`` matches every page of the site,
so the existing path index does not narrow it and PostgreSQL scanned all 30,000 pages (5–12 ms
per request); with (depth, path) it reads the handful of pages at those depths. The operator
class lets the same index serve the path prefix. Plans in docs/benchmarks.md.
"""

from django.db import migrations

from cms.migration_operations import postgresql_only

INDEX = "newsroom_page_depth_path"


class Migration(migrations.Migration):
    dependencies = [("exemplars", "0002_exemplarpage_first_submitted_at")]

    operations = [
        postgresql_only(
            [
                f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path varchar_pattern_ops)",
            ],
            [f"DROP INDEX IF EXISTS {INDEX}"],
        )
    ]
