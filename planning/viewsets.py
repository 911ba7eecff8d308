"""The planned stories in the admin: one SnippetViewSet (list, add, edit, delete, history), each view
asking planning.permissions about the very planned story it shows."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.snippets.views import snippets
from wagtail.snippets.views.snippets import SnippetViewSet

from planning.forms import PlannedStoryForm
from planning.models import PlannedStory
from planning.permissions import planned_story_policy, visible_planned_stories


class InstanceAccessMixin:
    """A view of one planned story, open only to whom the policy allows ``access_action`` on it."""

    access_action = "change"

    def get_object(self, *args, **kwargs):
        planned = super().get_object(*args, **kwargs)
        if not planned_story_policy.user_has_permission_for_instance(self.request.user, self.access_action, planned):
            raise PermissionDenied
        return planned


class PlannedStoryEditView(InstanceAccessMixin, snippets.EditView):
    pass


class PlannedStoryDeleteView(InstanceAccessMixin, snippets.DeleteView):
    access_action = "delete"


class PlannedStoryHistoryView(InstanceAccessMixin, snippets.HistoryView):
    access_action = "view"


class PlannedStoryUsageView(InstanceAccessMixin, snippets.UsageView):
    access_action = "view"


class PlannedStoryViewSet(SnippetViewSet):
    model = PlannedStory
    icon = "date"
    menu_label = _("Planned stories")
    menu_order = 250
    add_to_admin_menu = False
    edit_view_class = PlannedStoryEditView
    delete_view_class = PlannedStoryDeleteView
    history_view_class = PlannedStoryHistoryView
    usage_view_class = PlannedStoryUsageView
    copy_view_enabled = False
    list_display = ["title_idea", "unit", "due_date", "assignee", "converted_page"]
    list_filter = ["unit", "due_date"]
    search_fields = ["title_idea", "notes"]
    ordering = ["due_date", "pk"]
    edit_handler = ObjectList(
        [
            FieldPanel("unit"),
            FieldPanel("title_idea"),
            FieldRowPanel([FieldPanel("due_date"), FieldPanel("assignee")]),
            FieldPanel("column"),
            FieldPanel("notes"),
        ],
        base_form_class=PlannedStoryForm,
    )

    def get_queryset(self, request):
        return visible_planned_stories(request.user).select_related("unit", "assignee", "converted_page")

    def register_chooser_viewset(self):
        # No field chooses a planned story, and Wagtail's snippet chooser is open to every admin user.
        pass
