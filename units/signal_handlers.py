"""Tell the approvers of a page's unit when the page is submitted to them."""

from wagtail.models import TaskState
from wagtail.signals import task_submitted

from units.notifications import unit_approval_submission_notifier


def register_signal_handlers():
    # Wagtail's own notifier for group approval tasks does not know a unit's approvers.
    task_submitted.connect(
        unit_approval_submission_notifier,
        sender=TaskState,
        dispatch_uid="unit_approval_task_submitted_email_notification",
    )
