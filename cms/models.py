"""The site's own records: the sitemaps as the last rebuild wrote them (cms/sitemaps.py)."""

from django.db import models
from django.utils.translation import pgettext_lazy


class StoredSitemap(models.Model):
    """One document of a site's sitemap: the index (number 0) or page ``number`` of the pages.

    Written only by the rebuild task, all of a site's documents in one transaction; emptied when
    a publish makes them stale. Kept in the database so every web process and machine reads the
    same copy the worker wrote."""

    INDEX = 0

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField()
    content = models.TextField()
    # When the rebuild that wrote it started reading the pages: a publish committed after this
    # time is not in it.
    built_at = models.DateTimeField()

    class Meta:
        verbose_name = pgettext_lazy("sitemap", "stored sitemap")
        verbose_name_plural = pgettext_lazy("sitemap", "stored sitemaps")
        constraints = [models.UniqueConstraint(fields=["site", "number"], name="cms_storedsitemap_site_number")]

    def __str__(self):
        return f"{self.site_id}:{self.number}"
