"""What may happen to a commendation proposal: where it may come from, and its steps.

proposed → sent to the council → decided, or declined (before or after it was sent). Each step is
the Board's, is taken on the proposal's row locked in a transaction (two clicks cannot both send),
records who and when on the proposal and in Wagtail's audit log. A step the proposal's status does
not allow is refused with ``TransitionRefused``, whose message the admin shows. A decision adds
the award to the story (commendations.awarding) in the same transaction; a proposal from a
nomination that has no story yet records the decision only.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from commendations.awarding import AwardRefused, add_award
from commendations.models import CommendationProposal, ProposalStatus
from commendations.permissions import approved_unit_ids, is_board
from exemplars.models import ExemplarPage
from submissions.models import Nomination
from units.models import Unit, UnitKind

SEND, DECIDE, DECLINE = "commendations.send", "commendations.decide", "commendations.decline"
# The statuses each step may start from.
ALLOWED_FROM = {
    SEND: {ProposalStatus.PROPOSED},
    DECIDE: {ProposalStatus.SENT},
    DECLINE: {ProposalStatus.PROPOSED, ProposalStatus.SENT},
}
REFUSALS = {
    SEND: _("This proposal is “%(status)s”: only a proposal just made can be sent to the council."),
    DECIDE: _("This proposal is “%(status)s”: only a proposal sent to the council can be decided."),
    DECLINE: _("This proposal is “%(status)s”: it can no longer be declined."),
}


class TransitionRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Decision:
    number: str
    date: datetime.date
    signer: str
    awarded_by: str


def proposable_stories(user):
    """The stories ``user`` may propose: live ones, of their own units unless they are the Board."""
    stories = ExemplarPage.objects.live().filter(alias_of__isnull=True)
    return stories if is_board(user) else stories.filter(unit_id__in=approved_unit_ids(user))


def proposable_nominations(user):
    """Only the Board proposes from a nomination."""
    return Nomination.objects.all() if is_board(user) else Nomination.objects.none()


def board_unit():
    """The Board's own unit, the proposing unit of the Board's proposals unless it chooses another."""
    return Unit.objects.filter(kind=UnitKind.BOARD).first()


def fill_from_source(proposal):
    """The name and unit of the proposed person, copied from the story or the nomination."""
    if proposal.story_id:
        proposal.subject_name = proposal.story.subject_name
        proposal.unit_id = proposal.story.unit_id
    elif proposal.nomination_id:
        proposal.subject_name = proposal.nomination.nominee_name
        proposal.unit_id = proposal.nomination.unit_id


def story_of(proposal):
    """The story a decision adds its award to: the proposal's, or the one its nomination became."""
    if proposal.story_id:
        return proposal.story
    nomination = proposal.nomination
    return nomination.story if nomination is not None else None


def _locked(proposal, user, step):
    if not is_board(user):
        raise TransitionRefused(_("Only the Emulation and Commendation Board may do this."))
    locked = CommendationProposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.status not in ALLOWED_FROM[step]:
        raise TransitionRefused(REFUSALS[step] % {"status": locked.get_status_display()})
    return locked


def send_to_council(proposal, user):
    with transaction.atomic():
        proposal = _locked(proposal, user, SEND)
        proposal.status, proposal.sent_by, proposal.sent_at = ProposalStatus.SENT, user, timezone.now()
        proposal.save(update_fields=["status", "sent_by", "sent_at"])
        log(instance=proposal, action=SEND, user=user)
    return proposal


def decline(proposal, user, reason):
    with transaction.atomic():
        proposal = _locked(proposal, user, DECLINE)
        proposal.status, proposal.decline_reason = ProposalStatus.DECLINED, reason
        proposal.closed_by, proposal.closed_at = user, timezone.now()
        proposal.save(update_fields=["status", "decline_reason", "closed_by", "closed_at"])
        log(instance=proposal, action=DECLINE, user=user, data={"reason": reason})
    return proposal


def decide(proposal, user, decision):
    """Record ``decision`` and add its award to the story; the proposal, its award revision set."""
    with transaction.atomic():
        proposal = _locked(proposal, user, DECIDE)
        proposal.status, proposal.closed_by, proposal.closed_at = ProposalStatus.DECIDED, user, timezone.now()
        proposal.decision_number, proposal.decision_date = decision.number, decision.date
        proposal.decision_signer, proposal.awarded_by = decision.signer, decision.awarded_by
        story = story_of(proposal)
        if story is not None:
            try:
                result = add_award(story, proposal, user)
            except AwardRefused:
                raise TransitionRefused(_("You may not publish this story, so you cannot record its award.")) from None
            proposal.award_revision = result.published_revision or result.draft_revision
        proposal.save()
        data = {"number": decision.number, "date": decision.date.isoformat(), "story": story.pk if story else None}
        log(instance=proposal, action=DECIDE, user=user, data=data)
    return proposal
