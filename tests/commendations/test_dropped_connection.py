"""The Board records a council's decision while the database connection drops: the decision, the
award on the story and its new revision are saved together or not at all, and the Board is told
to try again."""

from django.urls import reverse
from wagtail.models import ModelLogEntry, Revision

from commendations.models import CommendationProposal, ProposalStatus
from tests.commendations.test_admin import make
from tests.connection_drops import browser_for, connection_drops_before, told_to_retry


def test_a_decision_cut_off_before_its_audit_entry_adds_no_award_and_keeps_the_proposal_sent(
    staff, story, merit, ke_sach_unit
):
    proposal = make(story, merit, ke_sach_unit, status=ProposalStatus.SENT)
    revisions = Revision.objects.for_instance(story).count()
    browser = browser_for(staff["board"])
    decision = {"number": "15/QĐ-UBND", "date": "2026-02-03", "signer": "Chủ tịch UBND tỉnh"}

    # The award, the story's new revision and its publication are written before the decision's
    # own entry in the audit log, which is where the connection drops.
    with connection_drops_before(f'INSERT INTO "{ModelLogEntry._meta.db_table}"'):
        response = browser.post(reverse("commendation_proposals:decide", args=(proposal.pk,)), decision)

    assert told_to_retry(response)
    assert CommendationProposal.objects.get(pk=proposal.pk).status == ProposalStatus.SENT
    assert not story.awards.model.objects.filter(page=story, decision_number="15/QĐ-UBND").exists()
    assert Revision.objects.for_instance(story).count() == revisions
