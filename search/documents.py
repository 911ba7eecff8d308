"""Keeping the index in step with publishing: each page type's ``search_document()`` (a
core.search_documents.SearchDocument) written as its SearchEntry row."""

from modelsearch.backends import get_search_backends
from wagtail.models import Page

from core.text import folded_words, words
from core.visibility import visible_q_in_statement
from search.models import SearchEntry


def padded(word_list):
    return f" {' '.join(word_list)} "


def entry_values(page, document):
    """The SearchEntry columns (besides its page and its fields' rows) for ``page`` with ``document``."""
    everything = " ".join([document.title, document.summary, document.text])
    return {
        "locale_id": page.locale_id,
        "kind": document.kind,
        "title": document.title,
        "summary": document.summary,
        "published_at": page.first_published_at,
        "unit_id": document.unit_id,
        "subject_kind": document.subject_kind,
        "field_list": ",".join(str(pk) for pk in sorted(set(document.field_ids))),
        "title_folded": padded(folded_words(document.title)),
        "text_folded": padded(folded_words(everything)),
        "text_exact": padded(words(everything)),
    }


def index_page(page):
    """Write ``page``'s entry from its live content (call after it is published)."""
    page = page.specific
    if not hasattr(page, "search_document"):
        return None
    document = page.search_document()
    public = Page.objects.filter(visible_q_in_statement(), pk=page.pk).exists()
    values = {**entry_values(page, document), "public": public}
    entry, _ = SearchEntry.objects.update_or_create(page_id=page.pk, defaults=values)
    entry.fields.set(document.field_ids)
    for backend in get_search_backends(with_auto_update=True):
        backend.add(entry)
    return entry


def write_entries(entries, entry_fields, batch_size=1000):
    """Insert new ``entries`` (and their fields' through rows) and index them, in bulk: for loaders
    that write many pages at once (bench/seed.py, demo/bulk.py)."""
    for start in range(0, len(entries), batch_size):
        batch = entries[start : start + batch_size]
        pages = Page.objects.filter(visible_q_in_statement(), pk__in=[entry.page_id for entry in batch])
        public = set(pages.values_list("pk", flat=True))
        for entry in batch:
            entry.public = entry.page_id in public
    SearchEntry.objects.bulk_create(entries, batch_size=batch_size)
    SearchEntry.fields.through.objects.bulk_create(entry_fields, batch_size=batch_size)
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(SearchEntry, entries)
