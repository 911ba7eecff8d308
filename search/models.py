"""The public search index: one row per live searchable page, in folded and exact forms.

The row keeps word-padded text (" dang bo xa ") for ranking and highlighting, and is indexed
through Wagtail's search framework (modelsearch) as tokens (search/tokens.py): the folded words,
and the exact words for the exact-diacritics points. The tokens are plain ASCII words that every
backend's tokenizer keeps whole and unchanged (PostgreSQL's "simple" configuration, SQLite FTS5,
OpenSearch's whitespace analyzer), so all of them match exactly what core.text.fold matches.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelsearch import index

from search.tokens import TOKEN_ANALYZER, exact_tokens, folded_tokens


class ContentKind(models.TextChoices):
    STORY = "story", _("Exemplar stories")
    CAMPAIGN = "campaign", _("Campaigns")
    ARTICLE = "article", _("Column articles")
    PAGE = "page", pgettext_lazy("search content kind", "Pages")


class SearchEntry(index.Indexed, models.Model):
    page = models.OneToOneField("wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=ContentKind.choices, db_index=True)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, db_index=True)
    unit = models.ForeignKey("units.Unit", null=True, on_delete=models.SET_NULL, related_name="+")
    subject_kind = models.CharField(max_length=20, blank=True)
    fields = models.ManyToManyField("exemplars.Field", related_name="+", blank=True)
    # The same fields' ids, comma-separated: the public search reads them with each of a broad
    # query's thousands of matches, where one column costs nothing and a subquery per row ~7 ms.
    field_list = models.TextField(blank=True, default="")
    # " word word " forms: folded (no diacritics) and exact (diacritics kept, normalized).
    title_folded = models.TextField()
    text_folded = models.TextField()
    text_exact = models.TextField()
    # Whether the public may see the page (core/visibility.py: live, no view restriction on it or an
    # ancestor), kept by search.visibility on every change of that: the public search filters on it
    # inside the backend's own query rather than joining every page of the site.
    public = models.BooleanField(default=False)

    # search.documents writes the index row itself once the entry is complete (fields set).
    search_auto_update = False
    search_fields = [
        index.SearchField("folded_tokens", es_extra={"analyzer": TOKEN_ANALYZER}),
        index.SearchField("exact_tokens", es_extra={"analyzer": TOKEN_ANALYZER}),
        index.FilterField("locale"),
        index.FilterField("public"),
    ]

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["locale", "kind", "published_at"])]

    def __str__(self):
        return self.title

    def folded_tokens(self):
        return folded_tokens(self.text_folded.split())

    def exact_tokens(self):
        return exact_tokens(self.text_exact.split())
