from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from search.admin_search import FoldedSearchIndexView

# Besides report_views, these modules are imported for the hooks they register: the page chooser's
# filter, the document serve check and wagtail-localize's entry points.
from units import page_visibility, private_documents, report_views, translation_admin  # noqa: F401
from units.filters import UnitFilterSet
from units.models import EmulationBloc, Unit
from units.panels import add_quota_panels, add_unit_work_panel


class UnitViewSet(SnippetViewSet):
    model = Unit
    index_view_class = FoldedSearchIndexView
    icon = "group"
    menu_label = _("Units")
    list_display = ["name", "short_name", "kind", "bloc", "is_active"]
    list_per_page = 50
    filterset_class = UnitFilterSet
    search_fields = ["name", "short_name", "slug"]
    list_export = [
        "name",
        "short_name",
        "slug",
        "kind",
        "bloc",
        "contact_emails",
        "active_from",
        "active_until",
        "successor",
    ]
    export_filename = "don-vi"
    ordering = ["name"]

    def get_queryset(self, request):
        return Unit.objects.select_related("bloc", "successor")


class EmulationBlocViewSet(SnippetViewSet):
    model = EmulationBloc
    index_view_class = FoldedSearchIndexView
    icon = "table"
    menu_label = _("Emulation blocs")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    list_export = ["name", "slug", "description"]


class UnitsGroup(SnippetViewSetGroup):
    menu_label = _("Units")
    menu_icon = "group"
    menu_order = 200
    items = (UnitViewSet, EmulationBlocViewSet)


register_snippet(UnitsGroup)


hooks.register("construct_homepage_panels", add_unit_work_panel)
hooks.register("construct_homepage_panels", add_quota_panels)


# The contribution reports (units.report_views): the report and its results-only variant, as
# Wagtail's own reports register them, a cell's stories, and the yearly scoring.
@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("contributions/", report_views.ContributionReportView.as_view(), name="contributions"),
        path(
            "contributions/results/",
            report_views.ContributionReportView.as_view(results_only=True),
            name="contributions_results",
        ),
        path(
            "contributions/<slug:unit_slug>/<str:period_key>/",
            report_views.ContributionStoriesView.as_view(),
            name="contribution_stories",
        ),
        path("scoring/", report_views.YearlyScoringView.as_view(), name="scoring"),
        path("scoring/results/", report_views.YearlyScoringView.as_view(results_only=True), name="scoring_results"),
    ]
    return [path("reports/", include((urls, "units_reports"), namespace="units_reports"))]


@hooks.register("register_reports_menu_item")
def register_contribution_report_menu_item():
    return report_views.ContributionReportMenuItem(
        _("Unit contributions"),
        reverse("units_reports:contributions"),
        name="unit-contributions",
        icon_name="table",
        order=300,
    )


@hooks.register("register_reports_menu_item")
def register_scoring_menu_item():
    return report_views.ScoringMenuItem(
        _("Yearly scoring"),
        reverse("units_reports:scoring"),
        name="yearly-scoring",
        icon_name="order",
        order=310,
    )
