"""A proposal's steps: proposed → sent to the council → decided or declined, who and when at each, in
Wagtail's audit log; a decision adds the award to the story as a new published revision."""

import pytest
from wagtail.models import ModelLogEntry, PageLogEntry

from commendations.models import CommendationProposal, ProposalStatus
from commendations.proposals import Decision, TransitionRefused, decide, decline, fill_from_source, send_to_council
from exemplars.models import ExemplarPage
from tests.commendations.conftest import DECISION_DATE

DECISION = Decision("1234/QĐ-UBND", DECISION_DATE, "Chủ tịch UBND tỉnh Trần Văn Lâu", "Chủ tịch UBND tỉnh Sóc Trăng")


def proposal_for(story=None, nomination=None, *, award_type, unit, user=None, **kwargs):
    proposal = CommendationProposal(
        story=story,
        nomination=nomination,
        award_type=award_type,
        proposing_unit=unit,
        reason="Gương mẫu trong phong trào chung sức xây dựng nông thôn mới.",
        proposed_by=user,
        **kwargs,
    )
    fill_from_source(proposal)
    proposal.save()
    return proposal


@pytest.fixture
def proposal(story, merit, ke_sach_unit, staff):
    return proposal_for(story, award_type=merit, unit=ke_sach_unit, user=staff["ks-approver"])


def actions_of(instance):
    return list(ModelLogEntry.objects.for_instance(instance).order_by("timestamp", "pk").values_list("action", "user"))


def test_a_new_proposal_copies_its_story_and_takes_the_award_types_level(proposal, story, merit):
    assert proposal.status == ProposalStatus.PROPOSED
    assert proposal.subject_name == "Ông Lý Văn Bảy"
    assert proposal.unit_id == story.unit_id
    assert proposal.level == merit.level


def test_sending_records_who_and_when_in_the_audit_log(proposal, staff):
    board = staff["board"]
    send_to_council(proposal, board)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SENT
    assert proposal.sent_by == board and proposal.sent_at is not None
    assert ("commendations.send", board.pk) in actions_of(proposal)


def test_sending_twice_is_refused(proposal, staff):
    send_to_council(proposal, staff["board"])
    with pytest.raises(TransitionRefused):
        send_to_council(proposal, staff["board"])


def test_only_the_board_takes_the_steps(proposal, staff):
    for role in ("ks-approver", "ks-contributor", "bst-editor"):
        with pytest.raises(TransitionRefused):
            send_to_council(proposal, staff[role])
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PROPOSED


def test_a_proposal_not_sent_cannot_be_decided(proposal, staff):
    with pytest.raises(TransitionRefused):
        decide(proposal, staff["board"], DECISION)


def test_declining_records_the_reason_and_a_declined_proposal_cannot_be_decided(proposal, staff):
    board = staff["board"]
    decline(proposal, board, "Chưa đủ thời gian công tác theo quy định.")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED
    assert proposal.closed_by == board and proposal.decline_reason.startswith("Chưa đủ")
    assert ("commendations.decline", board.pk) in actions_of(proposal)
    with pytest.raises(TransitionRefused):
        decide(proposal, board, DECISION)
    with pytest.raises(TransitionRefused):
        decline(proposal, board, "Lần nữa")


def test_a_decision_adds_the_award_to_the_story_as_a_new_published_revision(proposal, story, merit, staff):
    board = staff["board"]
    revisions_before = story.revisions.count()
    send_to_council(proposal, board)
    decide(proposal, board, DECISION)

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECIDED
    assert (proposal.decision_number, proposal.decision_date) == ("1234/QĐ-UBND", DECISION_DATE)
    assert proposal.closed_by == board
    story = ExemplarPage.objects.get(pk=story.pk)
    award = story.awards.get()
    assert (award.award_type, award.year, award.decision_number) == (merit, 2026, "1234/QĐ-UBND")
    assert award.awarded_by == "Chủ tịch UBND tỉnh Sóc Trăng"
    assert story.revisions.count() == revisions_before + 1
    assert story.live_revision == proposal.award_revision == story.latest_revision
    assert story.live_revision.user == board
    assert not story.has_unpublished_changes
    page_actions = set(PageLogEntry.objects.filter(page=story).values_list("action", "user"))
    assert {("commendations.award", board.pk), ("wagtail.publish", board.pk)} <= page_actions
    assert ("commendations.decide", board.pk) in actions_of(proposal)


def test_the_award_is_built_on_the_live_content_and_kept_on_the_pending_draft(proposal, story, staff):
    # The unit edits the live story: a newer draft, not yet approved.
    draft = ExemplarPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    draft.title = "Bản nháp chưa duyệt"
    draft_revision = draft.save_revision(user=staff["ks-contributor"])
    send_to_council(proposal, staff["board"])
    decide(proposal, staff["board"], DECISION)

    story = ExemplarPage.objects.get(pk=story.pk)
    assert story.title == "Ông Lý Văn Bảy làm giàu từ mô hình lúa - tôm"  # the draft was not published
    assert story.awards.count() == 1
    assert story.has_unpublished_changes
    latest = story.get_latest_revision()
    assert latest.pk not in (draft_revision.pk, story.live_revision_id)
    newer = latest.as_object()
    assert newer.title == "Bản nháp chưa duyệt"
    assert [award.decision_number for award in newer.awards.all()] == ["1234/QĐ-UBND"]
    # Approving the draft later publishes the latest revision, as the workflow does: the award stays.
    latest.publish()
    assert ExemplarPage.objects.get(pk=story.pk).awards.count() == 1


def test_a_decision_on_a_nomination_without_story_records_the_decision_only(nomination, merit, staff):
    board = staff["board"]
    proposal = proposal_for(nomination=nomination, award_type=merit, unit=nomination.unit, user=board)
    assert proposal.subject_name == "Ông Thạch Sang"
    send_to_council(proposal, board)
    decide(proposal, board, DECISION)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECIDED
    assert proposal.award_revision is None


def test_a_failed_award_rolls_the_decision_back(proposal, staff, monkeypatch):
    send_to_council(proposal, staff["board"])

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("commendations.proposals.add_award", broken)
    with pytest.raises(RuntimeError):
        decide(proposal, staff["board"], DECISION)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SENT
    assert "commendations.decide" not in [action for action, _user in actions_of(proposal)]


def test_readers_see_the_award_at_once_and_the_units_moderation_goes_on(
    client, settings, proposal, story, merit, staff
):
    settings.PAGE_CACHE_SECONDS, settings.PAGE_CACHE_MAX_AGE = 300, 60
    assert merit.name not in client.get(story.url).content.decode()  # now in the page cache
    draft = ExemplarPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    draft.summary = "Bản tóm tắt mới đang chờ lãnh đạo đơn vị duyệt."
    draft.save_revision(user=staff["ks-contributor"])
    moderation = story.get_workflow().start(story, staff["ks-contributor"])
    send_to_council(proposal, staff["board"])
    decide(proposal, staff["board"], DECISION)

    html = client.get(story.url).content.decode()
    assert merit.name in html and "1234/QĐ-UBND" in html
    assert "Bản tóm tắt mới" not in html
    moderation.refresh_from_db()
    assert moderation.status == moderation.STATUS_IN_PROGRESS
