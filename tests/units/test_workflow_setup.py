"""`setup_newsroom` gives each kind of page its moderation workflow: active, with its steps in order,
and puts one back when its steps were changed by hand (units/workflows.py)."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Workflow, WorkflowTask

from columns.models import ColumnIndexPage
from exemplars.models import ExemplarIndexPage
from units.workflows import (
    BOARD_TASK_NAME,
    BOARD_WORKFLOW,
    COLUMN_WORKFLOW,
    EXEMPLAR_WORKFLOW,
    OUTLET_TASK_NAME,
    UNIT_TASK_NAME,
)

EXPECTED = {
    EXEMPLAR_WORKFLOW: [UNIT_TASK_NAME, BOARD_TASK_NAME],
    COLUMN_WORKFLOW: [OUTLET_TASK_NAME],
    BOARD_WORKFLOW: [BOARD_TASK_NAME],
}


def run_setup():
    out = io.StringIO()
    call_command("setup_newsroom", stdout=out)
    return out.getvalue()


def steps(name):
    workflow = Workflow.objects.get(name=name)
    numbered = workflow.workflow_tasks.order_by("sort_order").values_list("sort_order", "task__name")
    return workflow.active, list(numbered)


def workflow_of(page):
    return page.get_workflow().name


@pytest.mark.django_db
def test_a_first_setup_gives_each_workflow_its_steps_in_order():
    Workflow.objects.filter(name__in=EXPECTED).delete()

    output = run_setup()

    assert "workflows: 3 created" in output
    expected = {name: (True, list(enumerate(tasks))) for name, tasks in EXPECTED.items()}
    assert {name: steps(name) for name in EXPECTED} == expected
    # Attached again from scratch: Vietnamese stories to their unit, their translations to the Board.
    indexes = {page.locale.language_code: page for page in ExemplarIndexPage.objects.select_related("locale")}
    assert workflow_of(indexes["vi"]) == EXEMPLAR_WORKFLOW
    assert workflow_of(indexes["km"]) == BOARD_WORKFLOW


@pytest.mark.django_db
def test_a_workflow_whose_steps_were_changed_by_hand_is_put_back(newsroom):
    exemplars = Workflow.objects.get(name=EXEMPLAR_WORKFLOW)
    WorkflowTask.objects.filter(workflow=exemplars).delete()

    output = run_setup()

    assert "workflows: 0 created, 1 updated, 2 unchanged" in output
    assert steps(EXEMPLAR_WORKFLOW) == (True, list(enumerate(EXPECTED[EXEMPLAR_WORKFLOW])))


@pytest.mark.django_db
def test_stories_go_to_their_unit_then_the_board_and_translations_to_the_board(newsroom):
    indexes = {page.locale.language_code: page for page in ExemplarIndexPage.objects.select_related("locale")}
    assert workflow_of(indexes["vi"]) == EXEMPLAR_WORKFLOW
    assert workflow_of(indexes["km"]) == workflow_of(indexes["en"]) == BOARD_WORKFLOW
    column_index = ColumnIndexPage.objects.get(locale__language_code="vi")
    assert workflow_of(column_index) == COLUMN_WORKFLOW
    home = Page.objects.get(depth=2, locale__language_code="vi")
    assert workflow_of(home) == BOARD_WORKFLOW
