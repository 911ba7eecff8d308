"""The editorial calendar's place in the admin: its menu item and views, and the planned stories'
snippet views."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from planning import views
from planning.viewsets import PlannedStoryViewSet
from units.roles import acts_as_board, cached_roles_of


class CalendarMenuItem(MenuItem):
    def is_shown(self, request):
        # Everyone with a role in the newsroom sees at least the anniversaries.
        user = request.user
        return acts_as_board(user) or bool(cached_roles_of(user))


@hooks.register("register_admin_urls")
def register_calendar_urls():
    urls = [
        path("", views.CalendarView.as_view(), name="calendar"),
        path("ke-hoach/<int:pk>/tao-ban-nhap/", views.MakeDraftView.as_view(), name="make_draft"),
        path("dia-chi-lich/doi/", views.FeedAddressView.as_view(), name="rotate_feed"),
        path("dia-chi-lich/thu-hoi/", views.FeedAddressView.as_view(revoke=True), name="revoke_feed"),
    ]
    return [path("lich-bien-tap/", include((urls, "planning"), namespace="planning"))]


@hooks.register("register_admin_menu_item")
def register_calendar_menu_item():
    return CalendarMenuItem(_("Editorial calendar"), reverse("planning:calendar"), icon_name="date", order=240)


register_snippet(PlannedStoryViewSet)
