"""The Board's lists of nominations and difficulty reports: filters, search and export.

Only the Board sees them: units.roles grants the Board their model permissions, nobody else has any.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_search import FoldedSearchIndexView
from submissions.filters import DifficultyReportFilterSet, NominationFilterSet
from submissions.models import DifficultyReport, Nomination


class SubmissionViewSet(SnippetViewSet):
    """What both lists share; export headings come from the models' field names unless set here."""

    index_view_class = FoldedSearchIndexView
    list_per_page = 50
    ordering = ["-created_at"]
    export_headings = {"created_at": _("Received")}


class NominationViewSet(SubmissionViewSet):
    model = Nomination
    icon = "user"
    menu_label = _("Nominations")
    list_display = ["nominee_name", "nominee_kind", "unit", "field", "status", "created_at"]
    filterset_class = NominationFilterSet
    search_fields = ["nominee_name", "address", "achievements", "nominator_name"]
    list_export = [
        "created_at",
        "status",
        "nominee_name",
        "nominee_kind",
        "unit",
        "address",
        "field",
        "achievements",
        "nominator_name",
        "nominator_phone",
        "nominator_email",
        "language_code",
        "board_notes",
    ]
    export_filename = "gioi-thieu-guong-dien-hinh"

    def get_queryset(self, request):
        return Nomination.objects.select_related("unit", "field")


class DifficultyReportViewSet(SubmissionViewSet):
    model = DifficultyReport
    icon = "warning"
    menu_label = _("Difficulty reports")
    list_display = ["subject", "unit", "reporter_name", "status", "created_at"]
    filterset_class = DifficultyReportFilterSet
    search_fields = ["subject", "description", "reporter_name"]
    list_export = [
        "created_at",
        "status",
        "unit",
        "subject",
        "description",
        "reporter_name",
        "position",
        "email",
        "phone",
        "language_code",
        "board_notes",
    ]
    export_headings = {
        **SubmissionViewSet.export_headings,
        # "Subject" and "Description" alone would not say what a column of a report holds.
        "subject": _("Subject of the report"),
        "description": _("The difficulty"),
    }
    export_filename = "phan-anh-kho-khan"

    def get_queryset(self, request):
        return DifficultyReport.objects.select_related("unit")


class SubmissionsGroup(SnippetViewSetGroup):
    menu_label = _("Public submissions")
    menu_icon = "mail"
    menu_order = 250
    items = (NominationViewSet, DifficultyReportViewSet)


register_snippet(SubmissionsGroup)
