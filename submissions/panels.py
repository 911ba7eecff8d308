"""The nomination's story in its edit form: the story it became, or the Board's two ways to give it one.

A panel of its own, not a field: the link is set only by the actions of submissions/admin_views.py,
which check the Board's rights, log the action and tell the unit (submissions/story_drafts.py).
This module imports no model of the app, so that submissions/models.py can list the panel.
"""

from django.urls import reverse
from wagtail.admin.panels import Panel

# The nomination viewset's namespace (wagtailsnippets_<app>_<model>): its extra views are named there.
NOMINATION_URL_NAMESPACE = "wagtailsnippets_submissions_nomination"


def nomination_url(name, nomination):
    return reverse(f"{NOMINATION_URL_NAMESPACE}:{name}", args=[nomination.pk])


class StoryPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "submissions/admin/story_panel.html"

        def is_shown(self):
            # A nomination being added by hand has nothing to link yet.
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            story = self.instance.story
            context["story"] = story
            if story is not None:
                context["story_edit_url"] = reverse("wagtailadmin_pages:edit", args=[story.pk])
            else:
                context["draft_url"] = nomination_url("draft_story", self.instance)
                context["link_url"] = nomination_url("link_story", self.instance)
            return context
