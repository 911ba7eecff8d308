"""The Board's page for requests about personal data, its menu item, and the privacy entries of
Wagtail's audit log."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from privacy import actions, urls
from units.roles import acts_as_board


class BoardOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return acts_as_board(request.user)


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return [path("du-lieu-ca-nhan/", include(urls, namespace="privacy"))]


@hooks.register("register_admin_menu_item")
def register_privacy_menu_item():
    return BoardOnlyMenuItem(_("Personal data requests"), reverse("privacy:requests"), icon_name="user", order=260)


@hooks.register("register_log_actions")
def register_privacy_actions(actions_registry):
    class RequestFormatter(LogFormatter):
        def format_message(self, log_entry):
            return actions.describe(log_entry)

    for action, label in (
        (actions.EXPORTED, _("Export personal data")),
        (actions.ERASED, _("Erase personal data")),
        (actions.CORRECTED, _("Correct personal data")),
    ):
        actions_registry.register_action(action)(type("Formatter", (RequestFormatter,), {"label": label}))

    @actions_registry.register_action(actions.RETENTION)
    class RetentionFormatter(LogFormatter):
        label = _("Apply the retention period")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            count, months = data.get("count", 0), data.get("months", 0)
            return ngettext(
                "%(count)d submission anonymised: closed more than %(months)d months ago",
                "%(count)d submissions anonymised: closed more than %(months)d months ago",
                count,
            ) % {"count": count, "months": months}
