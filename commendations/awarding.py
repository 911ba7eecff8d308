"""The award a commendation decision adds to its story.

The award is appended to the story's LIVE content, never to a unit's unpublished draft, and that
revision is published as the Board member who recorded the decision (the Board holds "publish" on
stories). If the story has a newer draft, possibly waiting in moderation, a new latest revision
is saved too: that draft plus the award. Wagtail's workflow publishes the latest revision when it
finishes (wagtail/workflows.py ``publish_workflow_state``), so approving the draft later keeps the
award. Publishing here leaves the moderation running (``AwardPublishAction``): the unit's
submission is theirs to finish. A story that is not live gets the award on its latest draft only.

The caller holds the transaction (commendations.proposals.decide).
"""

from dataclasses import dataclass

from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import COMMENTS_RELATION_NAME
from wagtail.signals import page_published, published

from exemplars.models import ExemplarAward, ExemplarPage

AWARD_ADDED = "commendations.award"


class AwardRefused(Exception):
    """The decision's user may not publish the story."""


@dataclass(frozen=True)
class AwardResult:
    published_revision: object  # the revision published with the award, or None
    draft_revision: object  # the newer draft saved with the award, or None


class AwardPublishAction(PublishPageRevisionAction):
    """Wagtail's publication of a page revision, without cancelling the story's moderation in
    progress: the draft under review carries the award too, and its workflow publishes it when it
    finishes. What Wagtail 8's ``_after_publish`` does otherwise is kept, in its order: comment
    positions, ``page_published`` (the search entry, the page cache, the CDN and the renditions
    listen to it), ``published``, and the aliases."""

    def _after_publish(self):
        for comment in getattr(self.object, COMMENTS_RELATION_NAME).all().only("position"):
            comment.save(update_fields=["position"])
        page_published.send(sender=self.object.specific_class, instance=self.object.specific, revision=self.revision)
        published.send(sender=type(self.object), instance=self.object, revision=self.revision)
        self.object.update_aliases(revision=self.revision, _content=self.revision.content)


def new_award(proposal):
    return ExemplarAward(
        award_type_id=proposal.award_type_id,
        year=proposal.decision_date.year,
        awarded_by=proposal.awarded_by or proposal.decision_signer,
        decision_number=proposal.decision_number,
    )


def _pending_draft(page):
    """The story's revision newer than its live one, if any."""
    if not page.has_unpublished_changes or page.latest_revision_id in (None, page.live_revision_id):
        return None
    return page.latest_revision


def add_award(story, proposal, user):
    """Append the decided award to ``story`` (see the module's docstring); an ``AwardResult``."""
    page = ExemplarPage.objects.select_for_update().get(pk=story.pk)
    if not page.permissions_for_user(user).can_publish():
        raise AwardRefused
    draft = _pending_draft(page)
    if not page.live:
        latest = page.get_latest_revision_as_object()
        latest.awards.add(new_award(proposal))
        return AwardResult(None, latest.save_revision(user=user, clean=False, log_action=AWARD_ADDED))
    # The page's row is what readers see: the live content, whatever drafts wait.
    page.awards.add(new_award(proposal))
    revision = page.save_revision(user=user, clean=False, log_action=AWARD_ADDED)
    AwardPublishAction(revision, user=user).execute(skip_permission_checks=True)
    if draft is None:
        return AwardResult(revision, None)
    fresh = ExemplarPage.objects.get(pk=page.pk)
    newer = fresh.with_content_json(draft.content)
    newer.awards.add(new_award(proposal))
    return AwardResult(revision, newer.save_revision(user=user, clean=False, log_action=AWARD_ADDED))
