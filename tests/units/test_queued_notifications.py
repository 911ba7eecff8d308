"""Wagtail's workflow emails leave the request too: submitting a story queues its approvers'
email, the worker sends it, and a mail server that is down never stops the submission."""

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from exemplars.models import ExemplarPage
from tests.helpers import run_task_worker
from tests.units.moderation import submit_story

TITLE = "Chị Thạch Thị Sa Quênh vươn lên thoát nghèo từ nghề đan đát"


@pytest.fixture
def queue(settings):
    settings.EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return settings


@pytest.mark.django_db
def test_submitting_a_story_queues_the_approvers_email_and_the_worker_sends_it(queue, staff, ke_sach, client):
    client.force_login(staff["ks-contributor"])
    assert submit_story(client, ke_sach, TITLE).status_code == 302
    assert ExemplarPage.objects.get(title=TITLE).workflow_in_progress
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(task_path="core.mail.deliver_email").count() == 1

    run_task_worker()
    [sent] = mail.outbox
    assert sent.to == ["kesach-approver@example.invalid"]
    assert TITLE in sent.subject


@pytest.mark.django_db
def test_a_mail_server_that_is_down_does_not_stop_a_submission(queue, staff, ke_sach, client):
    queue.EMAIL_DELIVERY_BACKEND = "tests.core.test_mail.DeadSMTP"  # refuses every connection
    client.force_login(staff["ks-contributor"])
    assert submit_story(client, ke_sach, TITLE).status_code == 302
    run_task_worker()
    story = ExemplarPage.objects.get(title=TITLE)
    assert story.workflow_in_progress and story.current_workflow_task.name
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(task_path="core.mail.deliver_email", status="READY").count() == 1  # a retry
