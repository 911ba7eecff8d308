"""Stories in moderation: where each waits (at its unit's step, at the Board's step, or sent back for
changes), for the standings beside what counts (reports.contributions) and the Board's backlog
(reports.panels). Each function here is one query, whatever the number of units or stories.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db.models import Case, CharField, Exists, F, OuterRef, Value, When
from django.db.models.functions import Cast, Coalesce, ExtractMonth
from django.utils.translation import pgettext_lazy
from wagtail.models import GroupApprovalTask, WorkflowState

from exemplars.models import ExemplarPage
from units.models import Role, UnitApprovalTask

UNIT_STEP, BOARD_STEP, SENT_BACK = "unit_step", "board_step", "sent_back"
STAGES = (UNIT_STEP, BOARD_STEP, SENT_BACK)
STAGE_LABELS = {
    UNIT_STEP: pgettext_lazy("quota", "Awaiting the unit's approval"),
    BOARD_STEP: pgettext_lazy("quota", "Awaiting the Board's approval"),
    SENT_BACK: pgettext_lazy("quota", "Sent back for changes"),
}


def _stage():
    """Where a story's workflow waits, as an expression: SENT_BACK, UNIT_STEP, BOARD_STEP or None.

    The unit's step is the "approval by the page's unit" task; the Board's step is a group
    approval task of the Board's group (units.workflows). A workflow waiting elsewhere says None.
    """
    states = WorkflowState.objects.filter(
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
        object_id=Cast(OuterRef("pk"), CharField()),
    )
    in_progress = states.filter(status=WorkflowState.STATUS_IN_PROGRESS)
    board_tasks = GroupApprovalTask.objects.filter(groups__newsroom_role__role=Role.BOARD).values("pk")
    return Case(
        When(Exists(states.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)), then=Value(SENT_BACK)),
        When(Exists(in_progress.filter(current_task_state__task__in=board_tasks)), then=Value(BOARD_STEP)),
        When(
            Exists(in_progress.filter(current_task_state__task__in=UnitApprovalTask.objects.values("pk"))),
            then=Value(UNIT_STEP),
        ),
        default=Value(None),
        output_field=CharField(),
    )


def stories_in_moderation(unit_ids=None):
    """Source-language stories not live whose workflow waits somewhere, annotated with ``stage``
    (UNIT_STEP, BOARD_STEP, SENT_BACK) and ``counted_at`` (the date they will count at, if published).

    A live story with changes in moderation already counts, so it is not here."""
    stories = ExemplarPage.objects.filter(
        live=False, locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True, unit__isnull=False
    )
    if unit_ids is not None:
        stories = stories.filter(unit_id__in=unit_ids)
    return stories.annotate(
        stage=_stage(), counted_at=Coalesce(F("first_submitted_at"), F("first_published_at"))
    ).filter(stage__isnull=False, counted_at__isnull=False)


def year_bounds(year, tz):
    """[start, end) of ``year`` in ``tz``. Filtering on an ExtractYear annotation instead would not
    do: Django turns ``year=`` into a range computed in the *reader's* time zone, not the
    expression's, and a reader set to UTC would lose the stories of 1 January before 07:00."""
    return datetime.datetime(year, 1, 1, tzinfo=tz), datetime.datetime(year + 1, 1, 1, tzinfo=tz)


def moderation_counts(year, unit_ids, tzinfo):
    """{(unit_id, month): {stage: stories}} of the stories in moderation dated in ``year``, in one query."""
    start, end = year_bounds(year, tzinfo)
    rows = (
        stories_in_moderation(unit_ids)
        .filter(counted_at__gte=start, counted_at__lt=end)
        .annotate(counted_month=ExtractMonth("counted_at", tzinfo=tzinfo))
        .values_list("unit_id", "counted_month", "stage")
    )
    # Counted here rather than grouped in SQL: the stories in moderation are few, and grouping by
    # the stage expression would repeat its subqueries in GROUP BY on some databases.
    counts = defaultdict(lambda: dict.fromkeys(STAGES, 0))
    for unit_id, month, stage in rows:
        counts[(unit_id, month)][stage] += 1
    return dict(counts)


def board_backlog():
    """The new stories waiting at the Board's step, with their unit, oldest first (one query).

    Changes to a live story waiting there are left out: the story already counts, and its first
    submission says nothing about how long the changes have waited."""
    return stories_in_moderation().filter(stage=BOARD_STEP).select_related("unit").order_by("counted_at", "pk")
