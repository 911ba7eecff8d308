"""The reports in the admin: their URLs, their entries in the Reports menu, and the dashboard panels."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from reports import outlet_views, scoring_views, views
from reports.documents import views as document_views
from reports.panels import add_board_backlog_panel, add_quota_panels, add_unit_work_panel
from reports.scope import report_scope
from reports.scoring_admin import ScoreAdjustmentViewSet, ScoringWeightsViewSet, refuse_deleting_closed_years


class ContributionReportMenuItem(MenuItem):
    def is_shown(self, request):
        return report_scope(request).sees_anything


class ReportDocumentsMenuItem(MenuItem):
    # The Board gets its documents, unit staff their unit's summary; anyone else nothing.
    def is_shown(self, request):
        return report_scope(request).sees_anything


class ScoringMenuItem(MenuItem):
    def is_shown(self, request):
        return report_scope(request).everything


hooks.register("construct_homepage_panels", add_unit_work_panel)
hooks.register("construct_homepage_panels", add_quota_panels)
hooks.register("construct_homepage_panels", add_board_backlog_panel)
hooks.register("construct_homepage_panels", outlet_views.add_outlet_output_panel)
# The Board's scoring weights and adjustments: snippets listed in the Reports menu (scoring_admin).
register_snippet(ScoringWeightsViewSet)
register_snippet(ScoreAdjustmentViewSet)
hooks.register("before_delete_snippet", refuse_deleting_closed_years)


# The report and its results-only variant, as Wagtail's own reports register them, a cell's
# stories, and the yearly scoring. The namespace keeps its first name, "units_reports", which
# templates and bookmarks already use.
@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("contributions/", views.ContributionReportView.as_view(), name="contributions"),
        path(
            "contributions/results/",
            views.ContributionReportView.as_view(results_only=True),
            name="contributions_results",
        ),
        path(
            "contributions/<slug:unit_slug>/<str:period_key>/",
            views.ContributionStoriesView.as_view(),
            name="contribution_stories",
        ),
        path("scoring/", scoring_views.YearlyScoringView.as_view(), name="scoring"),
        path("scoring/results/", scoring_views.YearlyScoringView.as_view(results_only=True), name="scoring_results"),
        path("outlets/", outlet_views.OutletOutputView.as_view(), name="outlet_output"),
        path("documents/", document_views.ReportDocumentsView.as_view(), name="documents"),
        path("documents/unit/<int:unit_id>/", document_views.UnitDocumentView.as_view(), name="unit_document"),
    ]
    return [path("reports/", include((urls, "units_reports"), namespace="units_reports"))]


@hooks.register("register_reports_menu_item")
def register_contribution_report_menu_item():
    return ContributionReportMenuItem(
        _("Unit contributions"),
        reverse("units_reports:contributions"),
        name="unit-contributions",
        icon_name="table",
        order=300,
    )


@hooks.register("register_reports_menu_item")
def register_scoring_menu_item():
    return ScoringMenuItem(
        _("Yearly scoring"),
        reverse("units_reports:scoring"),
        name="yearly-scoring",
        icon_name="order",
        order=310,
    )


@hooks.register("register_reports_menu_item")
def register_report_documents_menu_item():
    return ReportDocumentsMenuItem(
        _("Report documents"),
        reverse("units_reports:documents"),
        name="report-documents",
        icon_name="doc-full",
        order=320,
    )


@hooks.register("register_reports_menu_item")
def register_outlet_output_menu_item():
    return ScoringMenuItem(  # the Board's, as the scoring is
        _("Outlets' output"),
        reverse("units_reports:outlet_output"),
        name="outlet-output",
        icon_name="doc-full-inverse",
        order=315,
    )
