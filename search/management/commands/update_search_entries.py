from django.core.management.base import BaseCommand
from wagtail.models import Page

from search.documents import index_page
from search.models import SearchEntry


class Command(BaseCommand):
    help = "Rebuild the public search index from the live content of every searchable page."

    def handle(self, *args, **options):
        indexed = 0
        live_ids = []
        for page in Page.objects.live().specific().iterator(chunk_size=500):
            if index_page(page) is not None:
                indexed += 1
                live_ids.append(page.pk)
        removed, _ = SearchEntry.objects.exclude(page_id__in=live_ids).delete()
        self.stdout.write(f"{indexed} page(s) indexed, {removed} stale entr(y/ies) removed.")
