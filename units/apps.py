from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    name = "units"
    verbose_name = _("Units")

    def ready(self):
        from wagtail.models import TaskState
        from wagtail.signals import task_submitted

        from units.notifications import unit_approval_submission_notifier

        task_submitted.connect(
            unit_approval_submission_notifier,
            sender=TaskState,
            dispatch_uid="unit_approval_task_submitted_email_notification",
        )
