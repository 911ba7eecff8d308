"""What a page gives the site's search: each page type that defines ``search_document()`` returns a
``SearchDocument`` built from its own fields, and search/documents.py indexes it. Pure data, so the
page types can build one without importing the search app above them."""

from dataclasses import dataclass, field

from django.utils.html import strip_tags
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.rich_text import RichText


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
    # A ListBlock's value (an achievements list, a table's rows) is a ListValue, not a list.
    if isinstance(value, list | tuple | ListValue):
        return " ".join(stream_text(v) for v in value)
    return ""
