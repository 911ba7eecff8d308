"""The Board's lists of nominations and difficulty reports: filters, search and export.

Only the Board sees them: units.roles grants the Board their model permissions, nobody else has any.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from search.admin_search import FoldedSearchIndexView
from submissions.filters import DifficultyReportFilterSet, NominationFilterSet
from submissions.models import DifficultyReport, Nomination


class NominationViewSet(SnippetViewSet):
    model = Nomination
    index_view_class = FoldedSearchIndexView
    icon = "user"
    menu_label = _("Nominations")
    list_display = ["nominee_name", "nominee_kind", "unit", "field", "status", "created_at"]
    list_per_page = 50
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
    export_headings = {
        "created_at": _("Received"),
        "status": _("Status"),
        "nominee_name": _("Nominee"),
        "nominee_kind": _("The nominee is"),
        "unit": _("Unit"),
        "address": _("Commune or address"),
        "field": _("Field"),
        "achievements": _("Achievements"),
        "nominator_name": _("Nominator"),
        "nominator_phone": _("Nominator's phone"),
        "nominator_email": _("Nominator's email"),
        "language_code": _("Language"),
        "board_notes": _("Board's notes"),
    }
    export_filename = "gioi-thieu-guong-dien-hinh"
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return Nomination.objects.select_related("unit", "field")


class DifficultyReportViewSet(SnippetViewSet):
    model = DifficultyReport
    index_view_class = FoldedSearchIndexView
    icon = "warning"
    menu_label = _("Difficulty reports")
    list_display = ["subject", "unit", "reporter_name", "status", "created_at"]
    list_per_page = 50
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
        "created_at": _("Received"),
        "status": _("Status"),
        "unit": _("Unit"),
        "subject": _("Subject of the report"),
        "description": _("The difficulty"),
        "reporter_name": _("Reporter"),
        "position": _("Position"),
        "email": _("Email"),
        "phone": _("Phone"),
        "language_code": _("Language"),
        "board_notes": _("Board's notes"),
    }
    export_filename = "phan-anh-kho-khan"
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return DifficultyReport.objects.select_related("unit")


class SubmissionsGroup(SnippetViewSetGroup):
    menu_label = _("Public submissions")
    menu_icon = "mail"
    menu_order = 250
    items = (NominationViewSet, DifficultyReportViewSet)


register_snippet(SubmissionsGroup)
