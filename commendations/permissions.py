"""Who may do what with commendation proposals, as one Wagtail permission policy.

- The Board (the model permissions units.roles grants it) lists, proposes, edits a proposal until it
  is decided or declined, sends it to the council, records the decision or declines it. Nobody
  deletes one: a proposal is a record, declined ones included.
- A unit's approvers propose for the live stories of their own unit(s), see the proposals their
  units made or that concern their units' people, and edit their own unit's proposal while it is
  still "proposed".
- Everyone else (contributors, outlets' staff, translators) has nothing: no menu, 403 everywhere.

Wagtail's generic views ask the policy for the model only; the views of commendations/admin ask it
for each proposal (``user_has_permission_for_instance``) and list ``visible_proposals``.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from commendations.models import CommendationProposal, ProposalStatus
from units.models import Role
from units.roles import unit_ids_in_roles

OPEN_TO_THE_BOARD = frozenset({ProposalStatus.PROPOSED, ProposalStatus.SENT})
APPROVER_ACTIONS = frozenset({"add", "change", "view"})


def approved_unit_ids(user):
    """The units ``user`` approves stories for."""
    return unit_ids_in_roles(user, {Role.APPROVER})


def is_board(user):
    """Whether ``user`` acts as the Board on proposals: its model permission (or a superuser)."""
    return user.is_active and user.has_perm("commendations.change_commendationproposal")


class ProposalPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        if super().user_has_permission(user, action):
            return True
        return action in APPROVER_ACTIONS and bool(approved_unit_ids(user))

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "delete"]
        users = super().users_with_any_permission(actions)
        if set(actions) & APPROVER_ACTIONS:
            approvers = get_user_model().objects.filter(is_active=True, groups__newsroom_role__role=Role.APPROVER)
            users = (users | approvers).distinct()
        return users

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" or not user.is_active:
            return False
        if is_board(user):
            return action == "view" or (action in ("add", "change") and instance.status in OPEN_TO_THE_BOARD)
        units = approved_unit_ids(user)
        if action == "view":
            return instance.proposing_unit_id in units or instance.unit_id in units
        if action == "change":
            return instance.status == ProposalStatus.PROPOSED and instance.proposing_unit_id in units
        return False

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not user.is_active or not set(actions) & APPROVER_ACTIONS:
            return CommendationProposal.objects.none()
        if is_board(user):
            if "view" in actions:
                return CommendationProposal.objects.all()
            return CommendationProposal.objects.filter(status__in=OPEN_TO_THE_BOARD)
        units = approved_unit_ids(user)
        own = Q(proposing_unit__in=units)
        if "view" in actions:
            return CommendationProposal.objects.filter(own | Q(unit__in=units))
        return CommendationProposal.objects.filter(own, status=ProposalStatus.PROPOSED)


def visible_proposals(user):
    """The proposals ``user`` may see."""
    return proposal_policy.instances_user_has_permission_for(user, "view")


def may_decide(user):
    """Only the Board sends to the council, records decisions and declines."""
    return is_board(user)


proposal_policy = ProposalPermissionPolicy(CommendationProposal)
register_permission_policy(CommendationProposal, proposal_policy, exact_class=True)
