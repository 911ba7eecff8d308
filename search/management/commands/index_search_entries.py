"""Write every search entry into the search backends' index, in batches.

For a database loaded without the index (a restored dump, the benchmark's seeded copy) or a new
search engine (OpenSearch after `manage.py update_index` has made its indexes): quicker than
Wagtail's update_index, which also reindexes every page for the admin.
"""

from django.core.management.base import BaseCommand
from django.db import connection
from modelsearch.backends import get_search_backends

from search.models import SearchEntry

BATCH = 1000


class Command(BaseCommand):
    help = "Index every search entry of the public search in the search backends."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Do nothing when the database index already holds an entry for every search entry.",
        )

    def handle(self, *args, **options):
        if options["if_missing"] and self._indexed() >= SearchEntry.objects.count():
            self.stdout.write("Every search entry is indexed already.")
            return
        backends = list(get_search_backends(with_auto_update=True))
        pks = list(SearchEntry.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), BATCH):
            entries = list(SearchEntry.objects.filter(pk__in=pks[start : start + BATCH]))
            for backend in backends:
                backend.add_bulk(SearchEntry, entries)
        if connection.vendor == "postgresql":
            # Fresh statistics, or the planner still thinks the index table empty and scans it.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE wagtailsearch_indexentry")
        self.stdout.write(f"Indexed {len(pks)} search entries.")

    @staticmethod
    def _indexed():
        from django.contrib.contenttypes.models import ContentType
        from wagtail.search.models import IndexEntry

        return IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(SearchEntry)).count()
