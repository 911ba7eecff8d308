"""The commendations' admin: the proposals' menu and views, the audit log's actions, and the
"Propose for commendation" entry points on a live story and on the Board's nominations."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from commendations import awarding, proposals
from commendations.admin.viewsets import proposal_viewset
from commendations.permissions import approved_unit_ids, is_board, proposal_policy
from exemplars.models import ExemplarPage
from submissions.models import Nomination


@hooks.register("register_admin_viewset")
def register_proposal_viewset():
    return proposal_viewset


@hooks.register("register_log_actions")
def register_commendation_actions(actions):
    actions.register_action(proposals.SEND, _("Send to the council"), _("Sent to the council"))
    actions.register_action(proposals.DECIDE, _("Record the decision"), _("Decision recorded"))
    actions.register_action(proposals.DECLINE, _("Decline the proposal"), _("Proposal declined"))
    actions.register_action(awarding.AWARD_ADDED, _("Add an award"), _("Award added from a commendation decision"))


def _add_url(**params):
    return f"{reverse('commendation_proposals:add')}?{urlencode(params)}"


def may_propose_story(page, user):
    """The Board, or an approver of the story's unit, for a live story."""
    if not isinstance(page, ExemplarPage) or not page.live or page.alias_of_id:
        return False
    if not proposal_policy.user_has_permission(user, "add"):
        return False
    return is_board(user) or page.unit_id in approved_unit_ids(user)


def _propose_story_buttons(page, user):
    page = page.specific_deferred
    if may_propose_story(page, user):
        yield Button(_("Propose for commendation"), url=_add_url(story=page.pk), icon_name="pick", priority=40)


@hooks.register("register_page_header_buttons")
def propose_story_header_button(page, user, view_name, next_url=None):
    yield from _propose_story_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def propose_story_listing_button(page, user, next_url=None):
    yield from _propose_story_buttons(page, user)


@hooks.register("register_snippet_listing_buttons")
def propose_nomination_button(instance, user, next_url=None):
    if isinstance(instance, Nomination) and is_board(user):
        yield Button(_("Propose for commendation"), url=_add_url(nomination=instance.pk), icon_name="pick", priority=40)
