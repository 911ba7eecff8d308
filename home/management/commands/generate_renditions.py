"""Make the renditions every live page shows (for images uploaded before pre-generation, or after
the rendition table was emptied). Safe to run again: existing renditions are kept."""

from django.core.management.base import BaseCommand
from wagtail.models import Page

from home.images import generate_for_page


class Command(BaseCommand):
    help = "Generate the image renditions every live page shows, ahead of its readers."

    def handle(self, *args, **options):
        pages = images = 0
        for page in Page.objects.live().filter(depth__gt=1).specific().iterator(chunk_size=200):
            pages += 1
            images += generate_for_page(page)
        self.stdout.write(f"{pages} pages, {images} images with their renditions.")
