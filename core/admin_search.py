"""Accent-insensitive search in the admin: staff type "ke sach" and find Kế Sách."""

from wagtail.search import index
from wagtail.snippets.views.snippets import IndexView

from core.spreadsheets import SafeSpreadsheetExportMixin
from core.text import fold


class FoldedTitle:
    """For page types: lets Wagtail's own search (the admin's) match titles typed without diacritics."""

    def folded_title(self):
        return fold(self.title)


FOLDED_TITLE_FIELDS = [index.SearchField("folded_title"), index.AutocompleteField("folded_title")]


class FoldedSearchMixin:
    """For an admin listing (Wagtail's generic ``IndexView``): a search that folds both the query and
    the text of ``search_fields``.

    The tables listed this way are small (tens to a few hundred rows), so folding in Python is
    cheap and behaves the same on every database.
    """

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        terms = fold(self.search_query).split()
        names = self.search_fields or []
        matching = [
            obj.pk
            for obj in queryset
            if all(term in fold(" ".join(str(getattr(obj, name, "") or "") for name in names)) for term in terms)
        ]
        return queryset.filter(pk__in=matching)


class FoldedSearchIndexView(FoldedSearchMixin, SafeSpreadsheetExportMixin, IndexView):
    """A snippet listing with the folded search, whose CSV/XLSX exports survive whatever was typed
    (formulas, control characters)."""
