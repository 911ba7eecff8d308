"""How stories, campaigns and column articles appear in the read-only JSON API (docs/api.md).

The fields here take the whole page (``source="*"``) so that they can shape nested data the way a
portal needs it (slugs and names rather than database ids) and, in a listing, load what they need
for every page of the listing at once: the pages API (cms/api.py) calls ``prefetch(pages, view)``
on each field it is about to serialise, so a listing costs the same number of queries for 5 stories
as for 20.

This module is imported by the models, so it must not import them, nor wagtail.api.v2 (which
loads the Page model when imported), at module level.
"""

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from rest_framework.fields import Field
from wagtail.api.utils import get_full_url
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.models import SourceImageIOError

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
        from wagtail.api.v2.utils import get_object_detail_url

        data["detail_url"] = get_object_detail_url(router, context.get("request"), type(page), page.pk)
    return data


class UnitField(PageField):
    """The unit that introduced the story: ``{"slug", "name", "kind"}``."""

    lookups = ("unit",)

    def to_representation(self, page):
        if not page.unit_id:
            return None
        unit = page.unit
        name_in = getattr(unit, "name_in", None)
        name = name_in(page.locale.language_code) if name_in else unit.name
        return {"slug": unit.slug, "name": name, "kind": unit.kind}

    def prefetch(self, pages, view):
        prefetch_related_objects(pages, "unit", "locale")


def in_page_locales(objects, pages):
    """Translatable snippets (fields, award types) as readers of each page's language see them.

    Returns ``get(obj, page)``: the translation of ``obj`` in ``page``'s locale where there is one,
    else ``obj`` itself. One query at most, none when every object is already in its page's locale.
    """
    found = {(obj.translation_key, obj.locale_id): obj for obj in objects}
    wanted = {(obj.translation_key, page.locale_id) for obj in objects for page in pages}
    if objects and not wanted <= found.keys():
        model = type(objects[0])
        keys = {key for key, _locale in wanted}
        locales = {locale for _key, locale in wanted}
        for other in model.objects.filter(translation_key__in=keys, locale_id__in=locales):
            found[(other.translation_key, other.locale_id)] = other

    def get(obj, page):
        return found.get((obj.translation_key, page.locale_id), obj)

    return get


class FieldsField(PageField):
    """The sectors the story belongs to, named in the page's language: ``[{"slug", "name"}]``."""

    def prefetch(self, pages, view):
        prefetch_related_objects(pages, "fields")
        fields = [field for page in pages for field in page.fields.all()]
        localize = in_page_locales(fields, pages)
        for page in pages:
            page._api_fields = [localize(field, page) for field in page.fields.all()]

    def to_representation(self, page):
        if not hasattr(page, "_api_fields"):
            self.prefetch([page], None)
        return [{"slug": field.slug, "name": field.name} for field in page._api_fields]


class AwardsField(PageField):
    """The honours the story's subject received, in the editor's order, named in the page's language."""

    def prefetch(self, pages, view):
        from exemplars.models import ExemplarAward

        prefetch_related_objects(pages, Prefetch("awards", queryset=ExemplarAward.objects.select_related("award_type")))
        awards = [award for page in pages for award in page.awards.all()]
        localize = in_page_locales([award.award_type for award in awards], pages)
        for page in pages:
            page._api_awards = [(award, localize(award.award_type, page)) for award in page.awards.all()]

    def to_representation(self, page):
        if not hasattr(page, "_api_awards"):
            self.prefetch([page], None)
        return [
            {
                "award_type": award_type.name,
                "category": award_type.category,
                "level": award_type.level,
                "year": award.year,
                "awarded_by": award.awarded_by,
                "decision_number": award.decision_number,
            }
            for award, award_type in page._api_awards
        ]


class CampaignField(PageField):
    """The emulation campaign the story belongs to, while the public may read it (live, not
    private: home/visibility.py); else ``null``."""

    def prefetch(self, pages, view):
        # Prefetching a foreign key through a filtered queryset leaves it None where the filter
        # refused the campaign: one query for the whole page of results.
        if pages:
            campaigns = pages[0]._meta.get_field("campaign").related_model.objects.visible_to_public()
            prefetch_related_objects(pages, Prefetch("campaign", queryset=campaigns))

    def to_representation(self, page):
        if page.campaign_id and "campaign" not in page._state.fields_cache:
            self.prefetch([page], None)
        campaign = page.campaign if page.campaign_id else None
        return page_link(campaign, self.context) if campaign is not None else None


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


class MediaFileField(PageField):
    """An article's audio or video: ``{"id", "title", "type", "url", "duration", "width", "height", "thumbnail"}``."""

    lookups = ("media",)

    def to_representation(self, page):
        media = page.media if page.media_id else None
        if media is None:
            return None
        return {
            "id": media.pk,
            "title": media.title,
            "type": media.type,
            "url": get_full_url(self.request, media.url),
            "duration": media.duration,
            "width": media.width,
            "height": media.height,
            "thumbnail": get_full_url(self.request, media.thumbnail.url) if media.thumbnail else None,
        }


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
    video in media blocks gain ``"audio_url"`` / ``"video_url"`` (absolute).
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
        return data


def _rendition(image, spec, alt=None):
    try:
        rendition = image.get_rendition(spec)
    except SourceImageIOError:
        return {"error": "SourceImageIOError"}
    return {
        "url": rendition.url,
        "full_url": rendition.full_url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt or getattr(image, "contextual_alt_text", None) or rendition.alt,
    }
