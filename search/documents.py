"""What each page type gives the search index, and keeping the index in step with publishing."""

from dataclasses import dataclass, field

from django.utils.html import strip_tags
from wagtail.blocks import StreamValue, StructValue
from wagtail.rich_text import RichText

from core.text import folded_words, words


@dataclass
class SearchDocument:
    """A page's searchable content. Page types that define ``search_document()`` are indexed."""

    kind: str
    title: str
    summary: str = ""
    text: str = ""
    unit_id: int | None = None
    subject_kind: str = ""
    field_ids: list = field(default_factory=list)


def stream_text(value):
    """The readable text of a StreamField value (or any block value), without rendering it."""
    if value is None:
        return ""
    if isinstance(value, RichText):
        return strip_tags(value.source)
    if isinstance(value, str):
        return strip_tags(value)
    if isinstance(value, StreamValue):
        return " ".join(stream_text(child.value) for child in value)
    if isinstance(value, StructValue | dict):
        return " ".join(stream_text(v) for v in value.values())
    if isinstance(value, list | tuple):
        return " ".join(stream_text(v) for v in value)
    return ""


def padded(word_list):
    return f" {' '.join(word_list)} "


def entry_values(page, document):
    """The SearchEntry columns (besides its page and fields) for ``page`` with ``document``."""
    everything = " ".join([document.title, document.summary, document.text])
    return {
        "locale_id": page.locale_id,
        "kind": document.kind,
        "title": document.title,
        "summary": document.summary,
        "published_at": page.first_published_at,
        "unit_id": document.unit_id,
        "subject_kind": document.subject_kind,
        "title_folded": padded(folded_words(document.title)),
        "text_folded": padded(folded_words(everything)),
        "text_exact": padded(words(everything)),
    }


def index_page(page):
    """Write ``page``'s entry from its live content (call after it is published)."""
    from search.models import SearchEntry

    page = page.specific
    if not hasattr(page, "search_document"):
        return None
    document = page.search_document()
    entry, _ = SearchEntry.objects.update_or_create(page_id=page.pk, defaults=entry_values(page, document))
    entry.fields.set(document.field_ids)
    return entry
