"""Build and store every document of every site's sitemap (cms/sitemap_store.py), now.

The store is filled by the task worker after a publish; a database that nothing has been published
to since it was loaded (a restored dump, a new deploy whose code writes the sitemaps differently,
the benchmark's seeded copy) has none, and the first crawler would have each page built on its
request. Run in the deploy steps (docs/deploy.md) and by the benchmark's preparation.
"""

import time

from django.core.management.base import BaseCommand
from wagtail.models import Site

from cms.sitemap_store import rebuild_site


class Command(BaseCommand):
    help = "Build every page of every site's sitemap and store them, so that no crawler waits for a build."

    def handle(self, *args, **options):
        for site in Site.objects.select_related("root_page").order_by("pk"):
            started = time.monotonic()
            written = rebuild_site(site)
            elapsed = time.monotonic() - started
            self.stdout.write(f"{site.hostname}: {written} sitemap documents stored ({elapsed:.1f} s).")
