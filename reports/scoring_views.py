"""The yearly scoring in the admin (Board only): units ranked within their emulation bloc, with the
points of the year's weights, the Board's adjustments and their notes (reports.scoring).

A year without weights shows and exports what it always did (rank, compliance, stories); a year
with weights adds points, adjustments and notes, and links to the weights and the adjustments.
"""

from itertools import groupby

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import HeaderButton

from reports.filters import ScoringFilterSet
from reports.models import ScoreAdjustment, ScoringWeights
from reports.scoring import weigh_results
from reports.views import YearReportView, report_for

BASE_EXPORT = ["bloc", "rank", "unit", "kind", "total", "periods_met", "periods_required", "compliance"]
WEIGHTED_EXPORT = ["points", "adjustments", "notes"]


def may_change(user, model):
    """Whether ``user`` may add or change ``model`` in the admin (the Board, through its group)."""
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.add_{opts.model_name}") or user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )


class YearlyScoringView(YearReportView):
    """Units ranked within their emulation bloc by the year's points (or, without weights, by how well
    they kept the quota), with the Board's adjustments and notes (Board only)."""

    page_title = _("Yearly scoring")
    header_icon = "order"
    template_name = "reports/scoring.html"
    results_template_name = "reports/scoring_results.html"
    filterset_class = ScoringFilterSet
    index_url_name = "units_reports:scoring"
    index_results_url_name = "units_reports:scoring_results"

    export_headings = {
        "bloc": _("Emulation bloc"),
        "rank": _("Rank"),
        "unit": _("Unit"),
        "kind": _("Kind"),
        "total": _("Total"),
        "periods_met": _("Periods met"),
        "periods_required": _("Periods required"),
        "compliance": _("Compliance (%)"),
        "points": _("Points"),
        "adjustments": _("Adjustments"),
        "notes": _("Notes"),
    }
    xlsx_freeze_panes = "A2"
    xlsx_widths = {
        "bloc": 32,
        "rank": 8,
        "unit": 40,
        "kind": 24,
        "periods_met": 12,
        "periods_required": 12,
        "points": 10,
        "adjustments": 12,
        "notes": 60,
    }

    def may_view(self):
        return self.scope.everything

    @cached_property
    def weights(self):
        return ScoringWeights.objects.filter(year=self.year).first() if self.filters_valid else None

    @property
    def list_export(self):
        return BASE_EXPORT + (WEIGHTED_EXPORT if self.weights is not None else [])

    def results(self, units):
        return weigh_results(self.year, report_for(self.year, units), weights=self.weights)

    def get_filename(self):
        return f"cham-diem-thi-dua-{self.year}"

    def to_row_dict(self, row):
        result = row.result
        values = {
            "bloc": row.bloc.name if row.bloc else gettext("No emulation bloc"),
            "rank": row.rank,
            "unit": result.unit.name,
            "kind": result.unit.get_kind_display(),
            "total": result.total,
            "periods_met": result.periods_met,
            "periods_required": result.periods_required,
            "compliance": result.compliance,
        }
        if row.weighted:
            values.update(points=row.points, adjustments=row.adjustments, notes=row.notes_text())
        return values

    def get_header_buttons(self):
        buttons = super().get_header_buttons()
        url = reverse("units_reports:contributions") + f"?year={self.year}"
        buttons.insert(0, HeaderButton(_("Unit contributions"), url=url, icon_name="table"))
        if may_change(self.request.user, ScoringWeights):
            buttons.append(
                HeaderButton(
                    _("Scoring weights"),
                    url=reverse(ScoringWeights.snippet_viewset.get_url_name("list")),
                    icon_name="sliders",
                )
            )
        return buttons

    def adjust_url(self):
        """The add form of an adjustment, for the Board when the year is open to adjustments."""
        weights = self.weights
        if weights is None or weights.is_closed or not may_change(self.request.user, ScoreAdjustment):
            return None
        return reverse(ScoreAdjustment.snippet_viewset.get_url_name("add"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = context["object_list"]
        context.update(
            weights=self.weights,
            adjust_url=self.adjust_url(),
            blocs=[{"bloc": bloc, "rows": list(members)} for bloc, members in groupby(rows, key=lambda r: r.bloc)],
        )
        return context
