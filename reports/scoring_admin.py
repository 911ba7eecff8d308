"""The Board's scoring weights and score adjustments in the admin, under the Reports menu.

Both are snippets, so Wagtail's views give them permissions (the Board's, units/roles.py), the
audit log and its history. What the form must not decide is decided here: who recorded an
adjustment and when come from the request, whatever a forged POST carries; and nothing of a
closed year is deleted (``refuse_deleting_closed_years``, which the single and the bulk delete
both run), as the models refuse to change it.
"""

import re

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from core.admin_search import FoldedSearchIndexView
from reports.models import ScoreAdjustment, ScoringWeights, closed_years
from units.models import Unit

# The add form's prefill: a unit's slug and a year, nothing else.
_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}", re.ASCII)
_YEAR = re.compile(r"[0-9]{4}", re.ASCII)


class ScoringWeightsIndexView(FoldedSearchIndexView):
    """A closed year's weights cannot be deleted: the listing offers no delete for them."""

    default_ordering = "-year"

    def get_delete_url(self, instance):
        if instance.is_closed:
            return None
        return super().get_delete_url(instance)


class ScoreAdjustmentIndexView(FoldedSearchIndexView):
    default_ordering = "-recorded_at"

    def get_delete_url(self, instance):
        if getattr(instance, "year_closed", False):
            return None
        return super().get_delete_url(instance)


class RecordedByRequestMixin:
    """Who recorded an adjustment and when: the user of the request, now. The form has neither field,
    so a forged POST cannot set them."""

    def save_instance(self):
        self.form.instance.recorded_by = self.request.user
        self.form.instance.recorded_at = timezone.now()
        return super().save_instance()


class ScoreAdjustmentCreateView(RecordedByRequestMixin, CreateView):
    """The add form; ``?unit=<slug>&year=<year>`` (the scoring view's "Adjust" links) prefills it."""

    def get_initial(self):
        initial = super().get_initial()
        slug, year = self.request.GET.get("unit", ""), self.request.GET.get("year", "")
        if _SLUG.fullmatch(slug):
            unit = Unit.objects.contributing().filter(slug=slug).first()
            if unit is not None:
                initial["unit"] = unit.pk
        if _YEAR.fullmatch(year):
            initial["year"] = int(year)
        return initial


class ScoreAdjustmentEditView(RecordedByRequestMixin, EditView):
    pass


class ScoringWeightsViewSet(SnippetViewSet):
    """The Board's weights, one per year; a closed year's are read, never changed."""

    model = ScoringWeights
    index_view_class = ScoringWeightsIndexView
    icon = "sliders"
    menu_label = _("Scoring weights")
    menu_name = "scoring-weights"
    menu_order = 330
    menu_hook = "register_reports_menu_item"
    list_display = [
        "year",
        "per_period_met",
        "per_story_beyond_quota",
        "per_story_featured",
        "per_story_replicated",
        "per_period_missed",
        "status",
    ]
    search_fields = ["year", "basis"]
    list_export = [
        "year",
        "per_period_met",
        "per_story_beyond_quota",
        "per_story_featured",
        "per_story_replicated",
        "per_period_missed",
        "basis",
        "closed_on",
    ]
    export_filename = "trong-so-cham-diem"
    # A copy would carry the year, which is unique: a new year's weights are added.
    copy_view_enabled = False

    def register_chooser_viewset(self):
        # No field chooses weights, and the snippet chooser is open to every admin user.
        pass


class ScoreAdjustmentViewSet(SnippetViewSet):
    """The Board's adjustments of a unit's points in a year, each with its reason, who and when."""

    model = ScoreAdjustment
    index_view_class = ScoreAdjustmentIndexView
    add_view_class = ScoreAdjustmentCreateView
    edit_view_class = ScoreAdjustmentEditView
    icon = "edit"
    menu_label = _("Score adjustments")
    menu_name = "score-adjustments"
    menu_order = 340
    menu_hook = "register_reports_menu_item"
    list_display = ["unit", "year", "points", "reason", "recorded_by", "recorded_at"]
    list_per_page = 50
    search_fields = ["unit", "reason"]
    list_export = ["unit", "year", "points", "reason", "recorded_by", "recorded_at"]
    export_filename = "dieu-chinh-diem"
    # A copy would be recorded as its copier's, from another's reason: an adjustment is added anew.
    copy_view_enabled = False

    def get_queryset(self, request):
        # Whether each adjustment's year is closed, in the listing's one query: closed ones offer no delete.
        closed = ScoringWeights.objects.filter(year=OuterRef("year"), closed_on__isnull=False)
        return ScoreAdjustment.objects.select_related("unit", "recorded_by").annotate(year_closed=Exists(closed))

    def register_chooser_viewset(self):
        pass


def refuse_deleting_closed_years(request, instances):
    """The ``before_delete_snippet`` hook: nothing of a closed year is deleted, alone or in bulk."""
    weights = [item for item in instances if isinstance(item, ScoringWeights)]
    adjustments = [item for item in instances if isinstance(item, ScoreAdjustment)]
    if not weights and not adjustments:
        return None
    closed = {item.year for item in weights if item.is_closed} | closed_years({item.year for item in adjustments})
    if not closed:
        return None
    messages.error(
        request,
        _("The scoring of %(years)s is closed: nothing of it can be deleted.")
        % {"years": ", ".join(str(year) for year in sorted(closed))},
    )
    model = ScoringWeights if weights else ScoreAdjustment
    return redirect(reverse(model.snippet_viewset.get_url_name("list")))
