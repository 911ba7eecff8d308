"""The documents page ("Văn bản"): the official documents behind the plan (the plan itself, the
Law on Emulation and Commendation, award decisions), newest first, filterable by year and kind.

The entries are official document blocks (core.blocks.OfficialDocumentBlock) in the page's own
StreamField, so the Board edits and publishes them with the page, through its workflow, and each
file becomes public once the page is live (units/private_documents.py reads the reference index).
The filters are read from the query string by a small Django form: a value the form does not offer
(a year or kind with no document, a mistyped address) is answered with a 400 and the form's errors.
"""

import datetime

from django import forms
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.admin_search import FOLDED_TITLE_FIELDS, FoldedTitle
from core.api_fields import OfficialDocumentsField, TranslationsField
from core.blocks import DocumentKind, OfficialDocumentBlock
from core.forms import NewsroomPageForm
from core.search_documents import SearchDocument
from core.visibility import NewsroomPageManager, ViewRestrictionsFromSnapshot
from units.page_permissions import NewsroomPagePermissions
from units.workflows import BOARD_WORKFLOW


def issued_year(entry):
    issued_on = entry.value.get("issued_on")
    return issued_on.year if issued_on else None


class DocumentFilterForm(forms.Form):
    """``?year=2019&kind=plan``: each list offers only the years and kinds the page has."""

    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, data, entries):
        super().__init__(data)
        years = sorted({issued_year(entry) for entry in entries} - {None}, reverse=True)
        kinds = {entry.value.get("kind") for entry in entries}
        self.fields["year"].choices = [("", _("All years"))] + [(str(year), str(year)) for year in years]
        self.fields["kind"].choices = [("", pgettext_lazy("document kind", "All kinds"))] + [
            (value, label) for value, label in DocumentKind.choices if value in kinds
        ]

    def filter(self, entries):
        """``entries`` that match the valid filters (all of them when the form is not valid)."""
        if not self.is_valid():
            return entries
        year, kind = self.cleaned_data.get("year"), self.cleaned_data.get("kind")
        if year:
            entries = [entry for entry in entries if issued_year(entry) == year]
        if kind:
            entries = [entry for entry in entries if entry.value.get("kind") == kind]
        return entries


def newest_first(entries):
    """By date of issue, newest first; on the same day by title."""
    by_title = sorted(entries, key=lambda entry: entry.value.get("title") or "")
    return sorted(by_title, key=lambda entry: entry.value.get("issued_on") or datetime.date.min, reverse=True)


class DocumentLibraryPage(NewsroomPagePermissions, ViewRestrictionsFromSnapshot, FoldedTitle, Page):
    """The official documents the Board publishes (văn bản), listed with their number and date."""

    base_form_class = NewsroomPageForm

    intro = models.TextField(_("introduction"), blank=True)
    documents = StreamField(
        [("document", OfficialDocumentBlock())], verbose_name=pgettext_lazy("page field", "documents"), blank=True
    )

    objects = NewsroomPageManager()

    search_fields = (
        Page.search_fields + FOLDED_TITLE_FIELDS + [index.SearchField("intro"), index.SearchField("documents")]
    )
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("documents")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    # The read-only JSON API (docs/api.md).
    api_fields = [
        APIField("intro"),
        APIField("documents", serializer=OfficialDocumentsField()),
        APIField("last_published_at"),
        APIField("translations", serializer=TranslationsField()),
    ]

    # The Board publishes the province's documents, through its own workflow (units.roles,
    # units.workflows); translations are drafted and published under the translated home pages.
    board_publishes_here = True
    moderation_workflow = BOARD_WORKFLOW

    class Meta:
        verbose_name = pgettext_lazy("page type", "documents")
        verbose_name_plural = pgettext_lazy("page type", "documents pages")

    def search_document(self):
        with translation.override(self.locale.language_code):
            cited = [
                [str(entry.value.kind_label), entry.value.get("number"), entry.value.get("title")]
                for entry in self.documents
            ]
        text = " ".join(" ".join(filter(None, parts)) for parts in cited)
        return SearchDocument(kind="page", title=self.title, summary=self.intro, text=text)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if not response.context_data["filter_form"].is_valid():
            # Filters nobody could have chosen from the form: say so, and keep the page out of caches.
            response.status_code = 400
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        entries = list(self.documents)
        form = DocumentFilterForm(request.GET, entries)
        context["filter_form"] = form
        context["entries"] = newest_first(form.filter(entries))
        # "Clear filters" is offered once anything was asked for, valid or not.
        context["show_clear"] = bool(form.errors) or (form.is_valid() and any(form.cleaned_data.values()))
        return context
