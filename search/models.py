"""The public search index: one row per live searchable page, in folded and exact forms.

Matching runs on word-padded text (" dang bo xa ") with plain LIKE, which behaves the same on
SQLite and PostgreSQL, so both databases give the same results for the same query.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ContentKind(models.TextChoices):
    STORY = "story", _("Exemplar stories")
    CAMPAIGN = "campaign", _("Campaigns")
    ARTICLE = "article", _("Column articles")
    PAGE = "page", pgettext_lazy("search content kind", "Pages")


class SearchEntry(models.Model):
    page = models.OneToOneField("wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=ContentKind.choices, db_index=True)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, db_index=True)
    unit = models.ForeignKey("units.Unit", null=True, on_delete=models.SET_NULL, related_name="+")
    subject_kind = models.CharField(max_length=20, blank=True)
    fields = models.ManyToManyField("exemplars.Field", related_name="+", blank=True)
    # " word word " forms: folded (no diacritics) and exact (diacritics kept, normalized).
    title_folded = models.TextField()
    text_folded = models.TextField()
    text_exact = models.TextField()

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["locale", "kind", "published_at"])]

    def __str__(self):
        return self.title
