"""How stories appear in the read-only JSON API (docs/api.md): their unit, fields, awards and
campaign. The fields every page type shares (links, translations, images, body) are in
core/api_fields.py, which explains how a listing loads them at a fixed cost.

This module is imported by the models, so it must not import them: a field finds the model it
needs through the page's relations.
"""

from django.db.models import Prefetch, prefetch_related_objects

from core.api_fields import PageField, in_page_locales, page_link


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
        if not pages:
            return
        # ExemplarAward, through the reverse relation: the models import this module.
        awards = pages[0]._meta.get_field("awards").related_model.objects.select_related("award_type")
        prefetch_related_objects(pages, Prefetch("awards", queryset=awards))
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
