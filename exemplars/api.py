"""How stories appear in the read-only JSON API (docs/api.md): their unit, fields, awards,
campaign and replication records. The fields every page type shares (links, translations, images, body) are in
core/api_fields.py, which explains how a listing loads them at a fixed cost.

This module is imported by the models, so it must not import them: a field finds the model it
needs through the page's relations.
"""

from collections import defaultdict

from django.db.models import F, Prefetch, prefetch_related_objects
from wagtail.api.utils import get_full_url

from core.api_fields import PageField, page_link


class UnitField(PageField):
    """The unit that introduced the story: ``{"slug", "name", "kind"}``."""

    lookups = ("unit",)

    def to_representation(self, page):
        if not page.unit_id:
            return None
        unit = page.unit
        return {"slug": unit.slug, "name": unit.name_in(page.locale.language_code), "kind": unit.kind}

    def prefetch(self, pages, view):
        prefetch_related_objects(pages, "unit", "locale")


class FieldsField(PageField):
    """The sectors the story belongs to, named in the page's language: ``[{"slug", "name"}]``."""

    lookups = ("fields", "locale")

    def to_representation(self, page):
        language = page.locale.language_code
        return [{"slug": field.slug, "name": field.name_in(language)} for field in page.fields.all()]


class AwardsField(PageField):
    """The honours the story's subject received, in the editor's order, named in the page's language."""

    def prefetch(self, pages, view):
        if not pages:
            return
        # ExemplarAward, through the reverse relation: the models import this module.
        awards = pages[0]._meta.get_field("awards").related_model.objects.select_related("award_type")
        prefetch_related_objects(pages, Prefetch("awards", queryset=awards), "locale")

    def to_representation(self, page):
        if "awards" not in getattr(page, "_prefetched_objects_cache", {}):
            self.prefetch([page], None)
        language = page.locale.language_code
        return [
            {
                "award_type": award.award_type.name_in(language),
                "category": award.award_type.category,
                "level": award.award_type.level,
                "year": award.year,
                "awarded_by": award.awarded_by,
                "decision_number": award.decision_number,
            }
            for award in page.awards.all()
        ]


class CampaignField(PageField):
    """The emulation campaign the story belongs to, while the public may read it (live, not
    private: core/visibility.py); else ``null``."""

    def prefetch(self, pages, view):
        # Prefetching a foreign key through a filtered queryset leaves it None where the filter
        # refused the campaign: one query for the whole page of results. The campaign model comes
        # through the relation, as exemplars never imports campaigns (campaigns builds on stories).
        if pages:
            campaigns = pages[0]._meta.get_field("campaign").related_model.objects.visible_to_public()
            prefetch_related_objects(pages, Prefetch("campaign", queryset=campaigns))

    def to_representation(self, page):
        if page.campaign_id and "campaign" not in page._state.fields_cache:
            self.prefetch([page], None)
        campaign = page.campaign if page.campaign_id else None
        return page_link(campaign, self.context) if campaign is not None else None


class ReplicationsField(PageField):
    """Where the story was taken up (exemplars/models/replication.py): its live, public records in
    the page's language, newest adoption first, each ``{"title", "place", "commune", "district",
    "unit", "adopted_on", "scale_value", "scale_unit", "scale", "source_story", "source_document",
    "note"}``. Two queries for a whole listing."""

    def prefetch(self, pages, view):
        if not pages:
            return
        # ReplicationPage, through the reverse relation: the models import this module.
        model = pages[0]._meta.get_field("replications").related_model
        keys = {page.translation_key for page in pages}
        records = (
            model.objects.visible_to_public()
            .filter(story__translation_key__in=keys, locale_id__in={page.locale_id for page in pages})
            .annotate(story_key=F("story__translation_key"))
            .select_related("unit", "source_document")
            .order_by("-adopted_on", "-pk")
        )
        by_story = defaultdict(list)
        for record in records:
            by_story[(record.story_key, record.locale_id)].append(record)
        source_ids = {record.source_story_id for found in by_story.values() for record in found}
        sources = {}
        if source_ids - {None}:
            story_model = type(pages[0])
            sources = {story.pk: story for story in story_model.objects.visible_to_public().filter(pk__in=source_ids)}
        for page in pages:
            page._api_replications = [
                (record, sources.get(record.source_story_id))
                for record in by_story.get((page.translation_key, page.locale_id), [])
            ]

    def to_representation(self, page):
        if not hasattr(page, "_api_replications"):
            self.prefetch([page], None)
        request = self.context.get("request")
        return [
            {
                "title": record.title,
                "place": record.place,
                "commune": record.commune,
                "district": record.district,
                "unit": {"slug": record.unit.slug, "name": record.unit.name_in(page.locale.language_code)}
                if record.unit_id
                else None,
                "adopted_on": record.adopted_on.isoformat(),
                "scale_value": str(record.scale_value) if record.scale_value is not None else None,
                "scale_unit": record.scale_unit_other if record.scale_unit == "other" else record.scale_unit,
                "scale": record.scale,
                "source_story": page_link(source, self.context) if source is not None else None,
                "source_document": get_full_url(request, record.source_document.url)
                if record.source_document_id
                else None,
                "note": record.note,
            }
            for record, source in page._api_replications
        ]
