"""A reader's submission is never lost to the mail server: stored, listed for the Board at once, and
the Board's email sent by the queue once the server is back."""

import logging

from django.core import mail
from django.urls import reverse
from django_tasks import TaskResultStatus

from submissions.models import Nomination
from tests.core.test_mail import FlakySMTP, email_tasks, queue, time_passes  # noqa: F401  queue: a fixture
from tests.helpers import run_task_worker


def test_a_nomination_whose_email_fails_is_stored_listed_and_its_email_sent_on_a_retry(
    client,
    queue,  # noqa: F811
    caplog,
    nomination_page,
    nomination_data,
    board_member,  # noqa: F811
):
    queue.EMAIL_DELIVERY_BACKEND = "tests.core.test_mail.FlakySMTP"
    FlakySMTP.failures = 1  # the mail server is down for the first attempt

    response = client.post(nomination_page.url, nomination_data)

    assert response.status_code == 302
    assert Nomination.objects.filter(nominee_name="Chị Thạch Thị Sa Rươl").count() == 1
    with caplog.at_level(logging.WARNING, logger="core.mail"):
        run_task_worker()
    assert mail.outbox == []
    assert email_tasks().filter(status=TaskResultStatus.READY).count() == 1  # the retry, waiting

    client.force_login(board_member)
    listing = client.get(reverse("wagtailsnippets_submissions_nomination:list"))
    assert "Chị Thạch Thị Sa Rươl" in listing.content.decode()

    time_passes()
    run_task_worker()
    [sent] = mail.outbox
    assert "Chị Thạch Thị Sa Rươl" in sent.subject
    assert board_member.email in sent.to
