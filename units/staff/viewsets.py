"""The Board's staff admin as one Wagtail ModelViewSet over ``StaffMember``.

Its permission policy is the proxy's own (``units.add_staffmember``...), registered for that exact
class: Wagtail registers one for the user model that would otherwise apply to the proxy too. The
policy never allows "delete": people are deactivated, never deleted, so their revisions and log
entries keep their name.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from units.models import StaffMember
from units.staff.filters import StaffFilterSet
from units.staff.forms import StaffForm
from units.staff.views import StaffCreateView, StaffImportView, StaffIndexView


class StaffPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action != "delete"])


register_permission_policy(StaffMember, StaffPermissionPolicy(StaffMember), exact_class=True)


class StaffViewSet(ModelViewSet):
    model = StaffMember
    name = "staff"
    icon = "user"
    menu_label = _("Staff")
    index_view_class = StaffIndexView
    add_view_class = StaffCreateView
    import_view_class = StaffImportView
    # A copy of a person is nobody; the reference index has nothing to track in a user.
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = [
        "__str__",
        "username",
        "email",
        "units_display",
        "roles_display",
        BooleanColumn("is_active", label=pgettext_lazy("staff account", "Active")),
    ]
    list_export = ["get_full_name", "username", "email", "units_display", "roles_display", "is_active"]
    export_headings = {
        "get_full_name": _("Full name"),
        "units_display": _("Unit"),
        "roles_display": _("Role"),
        "is_active": pgettext_lazy("staff account", "Active"),
    }
    export_filename = "can-bo"
    filterset_class = StaffFilterSet
    search_fields = ["first_name", "last_name", "username", "email"]
    list_per_page = 50
    ordering = ["first_name", "username"]

    def get_form_class(self, for_update=False):
        return StaffForm

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(import_url_name=self.get_url_name("import"), **kwargs)

    @property
    def import_view(self):
        return self.construct_view(
            self.import_view_class,
            index_url_name=self.get_url_name("index"),
            import_url_name=self.get_url_name("import"),
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("import/", self.import_view, name="import")]
