"""Dashboard panels: for unit staff, their unit's drafts, what was sent back for changes and where the
unit stands against this period's quota; for the Board, the units behind in the current period and
its own backlog (the stories waiting at its step)."""

from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from reports.moderation import board_backlog
from reports.reminders import not_met, standings
from units.models import Role, Unit
from units.roles import boundary_page, roles_of, units_of

UNIT_STAFF_ROLES = {Role.CONTRIBUTOR, Role.APPROVER, Role.OUTLET_REPORTER, Role.OUTLET_EDITOR}
LIMIT = 10


def unit_work(user):
    """(drafts, sent_back) for the user's units: pages not yet live or with unpublished changes and
    no workflow running; and pages whose workflow is waiting for changes."""
    paths = [page.path for unit in units_of(user) if (page := boundary_page(unit)) is not None]
    if not paths:
        return [], []
    under = Q()
    for path in paths:
        under |= Q(path__startswith=path)
    pages = Page.objects.filter(under).exclude(path__in=paths)
    states = WorkflowState.objects.filter(object_id=Cast(OuterRef("pk"), CharField()))
    in_progress = Exists(states.filter(status=WorkflowState.STATUS_IN_PROGRESS))
    needs_changes = Exists(states.filter(status=WorkflowState.STATUS_NEEDS_CHANGES))
    drafts = (
        pages.filter(Q(live=False) | Q(has_unpublished_changes=True))
        .annotate(in_progress=in_progress, needs_changes=needs_changes)
        .filter(in_progress=False, needs_changes=False)
        .select_related("latest_revision__user")
        .order_by("-latest_revision_created_at")[:LIMIT]
    )
    sent_back = (
        WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .filter(object_id__in=pages.annotate(pk_text=Cast("pk", CharField())).values("pk_text"))
        .select_related("current_task_state__finished_by", "current_task_state__task")
        .order_by("-current_task_state__finished_at")[:LIMIT]
    )
    sent_back = list(sent_back)
    titles = Page.objects.in_bulk([int(state.object_id) for state in sent_back])
    for state in sent_back:
        state.target = titles.get(int(state.object_id))
        state.comment = state.current_task_state.get_comment() if state.current_task_state else ""
    return list(drafts), sent_back


class UnitWorkPanel(Component):
    name = "unit_work"
    template_name = "reports/panels/unit_work.html"
    order = 205

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["drafts"], context["sent_back"] = unit_work(user)
        context["units"] = units_of(user)
        return context


def add_unit_work_panel(request, panels):
    if roles_of(request.user) & UNIT_STAFF_ROLES:
        panels.append(UnitWorkPanel())


class QuotaPanel(Component):
    """A panel about the quota, as of ``today`` (default: the current date when rendered)."""

    def __init__(self, today=None):
        self.today = today

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["today"] = self.today or timezone.localdate()
        return context


class UnitQuotaPanel(QuotaPanel):
    """For unit staff: each of their units' count against what the current period requires, and its deadline."""

    name = "unit_quota"
    template_name = "reports/panels/unit_quota.html"
    order = 200

    def __init__(self, units, today=None):
        super().__init__(today)
        self.units = units

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["standings"] = standings(context["today"], units=self.units)
        return context


class UnitsBehindPanel(QuotaPanel):
    """For the Board: the units that have not yet met the current period's quota, closest deadline first."""

    name = "units_behind"
    template_name = "reports/panels/units_behind.html"
    order = 200

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        owing = standings(context["today"])
        context["behind"] = not_met(owing)
        context["owing"] = len(owing)
        context["awaiting_board"] = sum(1 for standing in context["behind"] if standing.awaiting_board)
        return context


class BoardBacklogPanel(QuotaPanel):
    """For the Board: the new stories waiting at its step, per unit (the unit with the oldest first),
    oldest first, with the days since each was first submitted. One query, however many units."""

    name = "board_backlog"
    template_name = "reports/panels/board_backlog.html"
    order = 195
    limit = 100

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        stories = list(board_backlog()[: self.limit + 1])
        context["more"] = len(stories) > self.limit
        by_unit = {}
        for story in stories[: self.limit]:
            story.days_waiting = (context["today"] - timezone.localdate(story.counted_at)).days
            by_unit.setdefault(story.unit_id, {"unit": story.unit, "stories": []})["stories"].append(story)
        context["units"] = list(by_unit.values())
        context["total"] = min(len(stories), self.limit)
        return context


def quota_units_of(user):
    """The units whose staff ``user`` is (contributors, approvers, an outlet's reporters and editors)."""
    return Unit.objects.filter(role_groups__group__user=user, role_groups__role__in=UNIT_STAFF_ROLES).distinct()


def add_quota_panels(request, panels, today=None):
    """The Board's "units behind" panel (the Board and superusers) and unit staff's "your quota" panel."""
    user = request.user
    roles = roles_of(user)
    if user.is_superuser or Role.BOARD in roles:
        panels.append(UnitsBehindPanel(today=today))
    if roles & UNIT_STAFF_ROLES:
        panels.append(UnitQuotaPanel(quota_units_of(user), today=today))


def add_board_backlog_panel(request, panels, today=None):
    """The Board's backlog, for the Board and superusers."""
    user = request.user
    if user.is_superuser or Role.BOARD in roles_of(user):
        panels.append(BoardBacklogPanel(today=today))
