"""Moderation emails go to the people of the page's own unit, never to every moderator."""

from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier
from wagtail.models import TaskState

from units.models import UnitApprovalTask


class UnitApprovalSubmissionNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    """Tells the approvers of the page's unit (or outlet) that a page awaits them."""

    notification = "submitted"

    def can_handle(self, instance, **kwargs):
        return isinstance(instance, TaskState) and isinstance(instance.task.specific, UnitApprovalTask)

    def get_recipient_users(self, task_state, **kwargs):
        task = task_state.task.specific
        recipients = task.approvers(task_state.workflow_state.content_object)
        triggering_user = kwargs.get("user")
        if triggering_user is not None:
            recipients = recipients.exclude(pk=triggering_user.pk)
        return recipients


unit_approval_submission_notifier = UnitApprovalSubmissionNotifier()
