"""Who sees and plans what on the editorial calendar, as one Wagtail permission policy.

- The Board (and superusers) plan for every unit and see every planned story.
- A unit's staff (contributors, approvers) and an outlet's (reporters, editors) plan, change,
  delete and turn into drafts their own unit's planned stories, and see no other unit's.
- Everyone else (translators) has no planned stories; they still see the public anniversaries.

Wagtail's generic views ask the policy for the model only; planning/viewsets.py and
planning/views.py ask it for each planned story.
"""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from planning.models import PlannedStory
from units.models import Role
from units.roles import acts_as_board, unit_ids_in_roles

STAFF_ROLES = frozenset({Role.CONTRIBUTOR, Role.APPROVER, Role.OUTLET_REPORTER, Role.OUTLET_EDITOR})
ACTIONS = frozenset({"add", "change", "delete", "view"})


def planning_unit_ids(user):
    """The units ``user`` plans for as their staff."""
    return unit_ids_in_roles(user, STAFF_ROLES)


class PlannedStoryPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action in ACTIONS and (acts_as_board(user) or bool(planning_unit_ids(user)))

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not set(actions) & ACTIONS:
            return users.none()
        planners = users.filter(groups__newsroom_role__role__in=STAFF_ROLES | {Role.BOARD})
        return (planners | users.filter(is_superuser=True)).distinct()

    def user_has_permission_for_instance(self, user, action, instance):
        if action not in ACTIONS or not user.is_active:
            return False
        return acts_as_board(user) or instance.unit_id in planning_unit_ids(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not set(actions) & ACTIONS or not user.is_active:
            return PlannedStory.objects.none()
        if acts_as_board(user):
            return PlannedStory.objects.all()
        return PlannedStory.objects.filter(unit_id__in=planning_unit_ids(user))


def visible_planned_stories(user):
    return planned_story_policy.instances_user_has_permission_for(user, "view")


planned_story_policy = PlannedStoryPermissionPolicy(PlannedStory)
register_permission_policy(PlannedStory, planned_story_policy, exact_class=True)
