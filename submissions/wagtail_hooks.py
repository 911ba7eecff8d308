"""The Board's lists of nominations and difficulty reports: filters, search and export.

Only the Board sees them: units.roles grants the Board their model permissions, nobody else has any.
A nomination also has its story: the listing's column, the buttons that draft or link one
(submissions/admin_views.py) and their entries in Wagtail's audit log.
"""

from django.urls import path, reverse
from django.utils.translation import gettext as __
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_search import FoldedSearchIndexView
from submissions.admin_views import DraftStoryView, LinkStoryView, StoryColumn
from submissions.filters import DifficultyReportFilterSet, NominationFilterSet
from submissions.models import DifficultyReport, Nomination
from submissions.story_drafts import DRAFTED, LINKED


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
    list_display = [
        "nominee_name",
        "nominee_kind",
        "unit",
        "field",
        "status",
        StoryColumn("story", label=_("Story")),
        "created_at",
    ]
    filterset_class = NominationFilterSet
    search_fields = ["nominee_name", "address", "achievements", "nominator_name"]
    list_export = [
        "created_at",
        "status",
        "story",
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
        return Nomination.objects.select_related("unit", "field", "story")

    def get_urlpatterns(self):
        names = {"index_url_name": self.get_url_name("list"), "edit_url_name": self.get_url_name("edit")}
        return super().get_urlpatterns() + [
            path(
                "draft-story/<int:pk>/",
                DraftStoryView.as_view(action_url_name=self.get_url_name("draft_story"), **names),
                name="draft_story",
            ),
            path(
                "link-story/<int:pk>/",
                LinkStoryView.as_view(action_url_name=self.get_url_name("link_story"), **names),
                name="link_story",
            ),
        ]


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


@hooks.register("register_snippet_listing_buttons")
def nomination_story_buttons(snippet, user, next_url=None):
    """A nomination without a story offers the Board its two ways to get one; other rows are left alone."""
    if not isinstance(snippet, Nomination) or snippet.story_id is not None:
        return []
    if not policy_registry.get_by_type(Nomination).user_has_permission(user, "change"):
        return []
    viewset = Nomination.snippet_viewset
    return [
        Button(
            _("Create a draft story"),
            url=reverse(viewset.get_url_name("draft_story"), args=[snippet.pk]),
            icon_name="doc-empty-inverse",
            priority=30,
        ),
        Button(
            _("Link to an existing story"),
            url=reverse(viewset.get_url_name("link_story"), args=[snippet.pk]),
            icon_name="link",
            priority=31,
        ),
    ]


@hooks.register("register_log_actions")
def register_nomination_story_actions(actions):
    @actions.register_action(DRAFTED)
    class DraftedFormatter(LogFormatter):
        label = _("Create a draft story")

        def format_message(self, log_entry):
            try:
                return __("Draft story “%(title)s” created in %(section)s") % {
                    "title": log_entry.data["story"]["title"],
                    "section": log_entry.data["section"]["title"],
                }
            except (KeyError, TypeError):
                return __("Draft story created")

    @actions.register_action(LINKED)
    class LinkedFormatter(LogFormatter):
        label = _("Link to an existing story")

        def format_message(self, log_entry):
            try:
                return __("Linked to the story “%(title)s”") % {"title": log_entry.data["story"]["title"]}
            except (KeyError, TypeError):
                return __("Linked to a story")
