"""The fact-check links in the admin: their views, a "Fact-check links" button in a story's header
for whoever may see them, and their entries in the story's History."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from factcheck import admin_urls, history
from factcheck.permissions import may_see_links


@hooks.register("register_admin_urls")
def register_fact_check_urls():
    return [path("factcheck/", include(admin_urls, namespace="factcheck_admin"))]


@hooks.register("register_page_header_buttons")
def fact_check_links_button(page, user, view_name, next_url=None):
    page = page.specific_deferred
    if may_see_links(user, page):
        url = reverse("factcheck_admin:links", args=(page.pk,))
        yield Button(_("Fact-check links"), url=url, icon_name="link", priority=45)


@hooks.register("register_log_actions")
def register_fact_check_actions(actions):
    for action, formatter in history.FORMATTERS.items():
        actions.register_action(action)(formatter)
