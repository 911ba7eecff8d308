from django.contrib.auth import get_user_model
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState

from units.roles import approver_group_for_page, boundary_paths_approved_by


class UnitApprovalTask(Task):
    """Approval by the page's unit: the approvers of the unit whose section holds the page, or the
    editors of the outlet whose page holds the column. One task serves every unit."""

    class Meta:
        verbose_name = _("Approval by the page's unit")
        verbose_name_plural = _("Approvals by the page's unit")

    @classmethod
    def get_description(cls):
        return _("The approvers of the unit (or the editors of the outlet) that owns the page approve it")

    def approver_group(self, obj):
        """The group that approves ``obj`` at this step, or None outside any unit's boundary."""
        cache = self.__dict__.setdefault("_approver_groups", {})
        if obj.pk not in cache:
            cache[obj.pk] = approver_group_for_page(obj)
        return cache[obj.pk]

    def approvers(self, obj):
        group = self.approver_group(obj)
        if group is None:
            return get_user_model().objects.none()
        return group.user_set.filter(is_active=True)

    def user_can_approve(self, obj, user):
        if user.is_superuser:
            return True
        group = self.approver_group(obj)
        return group is not None and user.groups.filter(pk=group.pk).exists()

    def user_can_access_editor(self, obj, user):
        return self.user_can_approve(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_can_approve(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_can_approve(obj, user) and not user.is_superuser

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if self.user_can_approve(obj, user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve"), False),
                ("approve", _("Approve with comment"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return in_progress
        paths = boundary_paths_approved_by(user)
        if not paths:
            return TaskState.objects.none()
        under = Q()
        for path in paths:
            under |= Q(path__startswith=path)
        page_ids = Page.objects.filter(under).annotate(pk_text=Cast("pk", CharField())).values("pk_text")
        return in_progress.filter(workflow_state__object_id__in=page_ids)
