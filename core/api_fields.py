"""The fields every page type of the read-only JSON API shares (docs/api.md).

The fields here take the whole page (``source="*"``) so that they can shape nested data the way a
portal needs it (slugs and names rather than database ids) and, in a listing, load what they need
for every page of the listing at once: the pages API (cms/api.py) calls ``prefetch(pages, view)``
on each field it is about to serialise, so a listing costs the same number of queries for 5 pages
as for 20. Each app keeps the fields of its own page types in ``<app>/api.py``.

The models of the apps import this module to declare their ``api_fields``, so it must not import
them, nor wagtail.api.v2 (which loads the Page model when imported), at module level.
"""

from django.conf import settings
from django.db.models import prefetch_related_objects
from rest_framework.fields import Field
from wagtail.api.utils import get_full_url
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.models import SourceImageIOError

from core import renditions

BODY_IMAGE_SPEC = "max-1200x1200"


class PageField(Field):
    """A read-only field computed from the whole page; ``lookups`` are prefetched for listings."""

    lookups = ()

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def prefetch(self, pages, view):
        if self.lookups:
            prefetch_related_objects(pages, *self.lookups)

    @property
    def request(self):
        return self.context.get("request")


def page_link(page, context, **extra):
    """``{id, title, url, detail_url}`` for a page another page points to."""
    data = {"id": page.pk, "title": page.title}
    data.update(extra)
    data["url"] = page.get_full_url(context.get("request"))
    router = context.get("router")
    if router is not None:
        # Lazy for another reason than a cycle: wagtail.api.v2.utils loads the Page model through
        # the app registry when imported, and the models import this module while they load.
        from wagtail.api.v2.utils import get_object_detail_url

        data["detail_url"] = get_object_detail_url(router, context.get("request"), type(page), page.pk)
    return data


class MainImageRenditionField(ImageRenditionField):
    """A rendition of the page's main image, with the page's own alt text; ``null`` without an image."""

    def __init__(self, filter_spec, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs["read_only"] = True
        super().__init__(filter_spec, **kwargs)

    def prefetch(self, pages, view):
        prefetch_related_objects(pages, "main_image__renditions")

    def to_representation(self, page):
        image = page.main_image if page.main_image_id else None
        if image is None:
            return None
        data = dict(super().to_representation(image))
        if "alt" in data:
            data["alt"] = getattr(page, "image_alt", None) or data["alt"]
        return data


def _language_order():
    return {code: position for position, (code, _name) in enumerate(settings.WAGTAIL_CONTENT_LANGUAGES)}


def load_translations(pages, view):
    """Attach each page's live, public translations (other than itself) as ``_api_translations``."""
    keys = {page.translation_key for page in pages}
    found = {}
    if keys:
        candidates = view.get_base_queryset().filter(translation_key__in=keys).select_related("locale")
        for other in candidates.order_by("pk"):
            found.setdefault(other.translation_key, []).append(other)
    order = _language_order()
    for page in pages:
        others = [other for other in found.get(page.translation_key, []) if other.pk != page.pk]
        others.sort(key=lambda other: (order.get(other.locale.language_code, len(order)), other.pk))
        page._api_translations = others


class TranslationsField(PageField):
    """The page in the other languages: ``[{"id", "locale", "title", "url", "detail_url"}]``, live ones only."""

    def prefetch(self, pages, view):
        load_translations(pages, view)

    def to_representation(self, page):
        if not hasattr(page, "_api_translations"):
            load_translations([page], self.context["view"])
        return [page_link(other, self.context, locale=other.locale.language_code) for other in page._api_translations]


class StoryBodyField(Field):
    """The StreamField JSON, with what a portal needs to show images and media without more calls.

    Images gain ``"rendition"`` (``max-1200x1200``: url, full_url, width, height, alt); audio and
    video in media blocks gain ``"audio_url"`` / ``"video_url"`` (absolute); each document of a
    documents block is ``official_document_data`` (its file's absolute address instead of an id).
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        # As wagtail.api.v2.serializers.StreamField, then the additions.
        data = value.stream_block.get_api_representation(value, self.context)
        request = self.context.get("request")
        for item, child in zip(data, value, strict=False):
            if child.block_type == "image" and isinstance(item.get("value"), dict):
                image = child.value.get("image")
                image_data = item["value"].get("image")
                if image is not None and isinstance(image_data, dict):
                    image_data["rendition"] = _rendition(image, BODY_IMAGE_SPEC, alt=image_data.get("alt_text"))
            elif child.block_type == "media" and isinstance(item.get("value"), dict):
                for kind in ("audio", "video"):
                    media = child.value.get(kind)
                    if media is not None:
                        item["value"][f"{kind}_url"] = get_full_url(request, media.url)
            elif child.block_type == "documents" and isinstance(item.get("value"), dict):
                item["value"]["documents"] = [
                    official_document_data(document, request) for document in child.value.get("documents") or []
                ]
        return data


def official_document_data(value, request):
    """An official document (core.blocks.OfficialDocumentBlock) as a portal needs it: its details
    and its file's absolute address (the API has no documents endpoint)."""
    document = value.get("document")
    issued_on = value.get("issued_on")
    return {
        "title": value.get("title"),
        "number": value.get("number"),
        "issued_on": issued_on.isoformat() if issued_on else None,
        "kind": value.get("kind"),
        "url": get_full_url(request, document.url) if document is not None else None,
        "file_type": document.file_extension if document is not None else None,
    }


class OfficialDocumentsField(Field):
    """A StreamField of official documents as a list of ``official_document_data``."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [official_document_data(child.value, self.context.get("request")) for child in value]


def _rendition(image, spec, alt=None):
    try:
        rendition = renditions.rendition(image, spec)
    except SourceImageIOError:
        return {"error": "SourceImageIOError"}
    return {
        "url": rendition.url,
        "full_url": rendition.full_url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt or getattr(image, "contextual_alt_text", None) or rendition.alt,
    }
