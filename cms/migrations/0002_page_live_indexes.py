"""Two partial indexes on Wagtail's page table over its live pages, on PostgreSQL only (the table is
Wagtail's, so the indexes are ours, by SQL, as in exemplars/migrations/0003_page_depth_path_index.py).

``newsroom_page_live_newest``: ``core.fragments.newest_live_id`` asks on every listing and home page
for the newest live page of one type in one language. Without it PostgreSQL walks the primary
key backwards and filters each row, which is quick only while the newest page of the table happens
to be of that type and language (a batch of translations or drafts after the newest story makes it
read all of them); with it the answer is the last entry of one (locale, type) range, read from the
index alone.

``newsroom_page_live_path``: a sitemap page (cms/sitemaps.py) is the live pages in tree order cut
into pages of 1,000, so page 17 reads the first 17,000 in path order; the sitemap index reads every
live page's last-modified time. From the unique path index each row cost a visit to the table (52–67
ms for page 17 at 30,000 stories, on a busy machine); with the columns they read included, both
are index-only scans (11–15 ms). Plans in docs/benchmarks.md.
"""

from django.db import migrations

from cms.migration_operations import postgresql_only

NEWEST = "newsroom_page_live_newest"
SITEMAP = "newsroom_page_live_path"


class Migration(migrations.Migration):
    dependencies = [("cms", "0001_stored_sitemap")]

    operations = [
        postgresql_only(
            [
                f"CREATE INDEX IF NOT EXISTS {NEWEST} ON wagtailcore_page (locale_id, content_type_id, id) WHERE live",
                f"CREATE INDEX IF NOT EXISTS {SITEMAP} ON wagtailcore_page (path) "
                "INCLUDE (id, last_published_at, latest_revision_created_at) WHERE live",
            ],
            [f"DROP INDEX IF EXISTS {NEWEST}", f"DROP INDEX IF EXISTS {SITEMAP}"],
        )
    ]
