"""Staff as the Board manages them: the user accounts of units and site roles, never others.

``StaffMember`` is a proxy of the user model, so the Board's permissions on it (add, change,
view) are its own and grant nothing on Django's or Wagtail's user admin. Its default manager only
reaches accounts the Board may manage: members of a role group (a unit's or a site role's), not
superusers, not in any group outside the role groups, without permissions of their own. Anything
else (a superuser, an account with powers given by hand) could be taken over by changing its email
address and asking for a password reset, so the Board's views cannot even find it.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, UserManager
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch
from django.utils.translation import gettext_lazy as _

from units.models.roles import RoleGroup

User = get_user_model()


class StaffMemberQuerySet(models.QuerySet):
    def with_roles(self):
        """Each person's role groups and their units, in two queries for the whole page."""
        role_groups = Group.objects.filter(newsroom_role__isnull=False).select_related("newsroom_role__unit")
        return self.prefetch_related(Prefetch("groups", queryset=role_groups, to_attr="role_group_list"))


class StaffMemberManager(UserManager.from_queryset(StaffMemberQuerySet)):
    # Migrations need no copy of this filter (it only narrows what the admin's views can reach).
    use_in_migrations = False

    def get_queryset(self):
        memberships = User.groups.through.objects.filter(user_id=OuterRef("pk"))
        in_role_group = memberships.filter(group__newsroom_role__isnull=False)
        in_other_group = memberships.filter(group__newsroom_role__isnull=True)
        own_permissions = User.user_permissions.through.objects.filter(user_id=OuterRef("pk"))
        return (
            super()
            .get_queryset()
            .filter(is_superuser=False, is_staff=False)
            .filter(Exists(in_role_group))
            .exclude(Exists(in_other_group))
            .exclude(Exists(own_permissions))
        )


class StaffMember(User):
    objects = StaffMemberManager()
    # Every account, for the import command (run by the site's operators, not through the admin).
    all_accounts = UserManager()

    class Meta:
        proxy = True
        verbose_name = _("staff member")
        verbose_name_plural = _("staff")

    def __str__(self):
        return self.get_full_name() or self.username

    def role_groups(self):
        """This person's role groups (the staff listing prefetches them, see ``with_roles``)."""
        groups = getattr(self, "role_group_list", None)
        if groups is None:
            return list(RoleGroup.objects.filter(group__user=self).select_related("unit"))
        return [group.newsroom_role for group in groups]

    def units_display(self):
        return ", ".join(sorted({str(link.unit) for link in self.role_groups() if link.unit}))

    units_display.short_description = _("unit")

    def roles_display(self):
        return ", ".join(sorted({str(link.get_role_display()) for link in self.role_groups()}))

    roles_display.short_description = _("role")
