"""The moderation workflows of DESIGN.md, made from Wagtail's own workflow models.

A page type says which workflow moderates its pages by naming it in ``moderation_workflow`` (and
in ``translation_moderation_workflow`` when its translations go another way); the workflows are
attached to the pages of those types, found through the app registry.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from units.models import UnitApprovalTask
from units.page_types import page_types_declaring
from units.roles import board_group

UNIT_TASK_NAME = "Lãnh đạo đơn vị duyệt"
OUTLET_TASK_NAME = "Biên tập viên cơ quan báo chí duyệt"
BOARD_TASK_NAME = "Ban Thi đua - Khen thưởng duyệt và xuất bản"
EXEMPLAR_WORKFLOW = "Duyệt gương điển hình"
COLUMN_WORKFLOW = "Duyệt bài chuyên mục"
BOARD_WORKFLOW = "Ban Thi đua - Khen thưởng duyệt"
# Created by Wagtail's own migrations; replaced by the workflows above.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


def _workflow(name, tasks, tally):
    workflow, created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    current = list(workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True))
    if current != [task.pk for task in tasks]:
        workflow.workflow_tasks.all().delete()
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
        tally.record("workflows", "created" if created else "updated")
    else:
        tally.record("workflows", "unchanged")
    return workflow


def _attach(workflow, page):
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def _workflow_name(page_type, page):
    # Stories are written in Vietnamese; a page type may send its translations another way (the
    # exemplar index: its stories are approved by their unit, their translations by the Board).
    if page.locale.language_code != settings.LANGUAGE_CODE:
        return getattr(page_type, "translation_moderation_workflow", None) or page_type.moderation_workflow
    return page_type.moderation_workflow


@transaction.atomic
def ensure_workflows(tally):
    """Exemplars: the unit's approvers, then the Board (which publishes). Columns: the outlet's
    editors (who publish). Other pages under the home page: the Board."""
    unit_task = UnitApprovalTask.objects.get_or_create(name=UNIT_TASK_NAME)[0]
    outlet_task = UnitApprovalTask.objects.get_or_create(name=OUTLET_TASK_NAME)[0]
    board_task = GroupApprovalTask.objects.get_or_create(name=BOARD_TASK_NAME)[0]
    board_task.groups.add(board_group())

    workflows = {
        EXEMPLAR_WORKFLOW: _workflow(EXEMPLAR_WORKFLOW, [unit_task, board_task], tally),
        COLUMN_WORKFLOW: _workflow(COLUMN_WORKFLOW, [outlet_task], tally),
        BOARD_WORKFLOW: _workflow(BOARD_WORKFLOW, [board_task], tally),
    }
    for model in page_types_declaring("moderation_workflow"):
        for page in model.objects.all():
            _attach(workflows[_workflow_name(model, page)], page)

    # Wagtail's starter workflow and groups would give any member rights over the whole tree.
    default = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True).first()
    if default:
        default.deactivate()
        tally.record("workflows", "updated")
    WorkflowPage.objects.filter(page=Page.get_first_root_node()).delete()
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True, newsroom_role__isnull=True):
        group.delete()
        tally.record("role groups", "updated")
