"""Email leaves the request: queued with the action, sent by the worker, retried, never lost."""

import datetime
import io
import logging
import smtplib

import pytest
from django.core import mail
from django.core.mail import BadHeaderError, EmailMultiAlternatives, get_connection, send_mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.helpers import run_task_worker

SUBJECT = "Bài mới chờ duyệt: Bà Lâm Thị Sa Rươl nuôi bò sinh sản"
BODY = "Kính gửi lãnh đạo Huyện Trần Đề: bài viết đang chờ anh/chị duyệt."


class FlakySMTP(LocmemBackend):
    """A mail server that drops the connection the first ``failures`` times, then takes the mail."""

    failures = 0

    def send_messages(self, messages):
        if FlakySMTP.failures > 0:
            FlakySMTP.failures -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


class DeadSMTP(LocmemBackend):
    def open(self):
        raise ConnectionRefusedError(111, "Connection refused")


@pytest.fixture
def queue(settings, db):
    """Production's arrangement: the queued backend, the database queue, a delivery backend that
    keeps messages in mail.outbox."""
    settings.EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_RETRY_SECONDS = 120
    settings.EMAIL_DELIVERY_ATTEMPTS = 3
    FlakySMTP.failures = 0
    return settings


def email_tasks():
    return DBTaskResult.objects.filter(task_path="core.mail.deliver_email")


def time_passes():
    """The retry's hour comes: what waits for a later time is due now."""
    email_tasks().filter(status=TaskResultStatus.READY).update(run_after=timezone.now())


def test_a_message_is_sent_by_the_worker_whole_not_by_the_request(queue):
    message = EmailMultiAlternatives(
        SUBJECT,
        BODY,
        "Ban Thi đua - Khen thưởng <btdkt@example.invalid>",
        ["tran-de-approver@example.invalid"],
        bcc=["luu-tru@example.invalid"],
        cc=["van-thu@example.invalid"],
        reply_to=["btdkt@example.invalid"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative("<p>Kính gửi lãnh đạo Huyện Trần Đề</p>", "text/html")
    message.attach("ke-hoach-123.pdf", b"%PDF-1.4 \x00\xff", "application/pdf")
    message.attach("danh-sach.csv", "Họ tên,Đơn vị\nLâm Thị Sa Rươl,Huyện Trần Đề\n", "text/csv")
    assert message.send() == 1

    assert mail.outbox == []
    assert email_tasks().get().status == TaskResultStatus.READY
    run_task_worker()

    [sent] = mail.outbox
    assert (sent.subject, sent.body, sent.from_email) == (SUBJECT, BODY, message.from_email)
    assert (sent.to, sent.cc, sent.bcc, sent.reply_to) == (message.to, message.cc, message.bcc, message.reply_to)
    assert sent.alternatives == [("<p>Kính gửi lãnh đạo Huyện Trần Đề</p>", "text/html")]
    assert [tuple(attachment) for attachment in sent.attachments] == [
        ("ke-hoach-123.pdf", b"%PDF-1.4 \x00\xff", "application/pdf"),
        ("danh-sach.csv", "Họ tên,Đơn vị\nLâm Thị Sa Rươl,Huyện Trần Đề\n", "text/csv"),
    ]
    assert sent.extra_headers["Auto-Submitted"] == "auto-generated"
    assert sent.message()["Message-ID"]
    assert email_tasks().get().status == TaskResultStatus.SUCCESSFUL


def test_an_action_rolled_back_sends_no_email(queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        send_mail(SUBJECT, BODY, None, ["tran-de-approver@example.invalid"])
        raise RuntimeError("the editor's save failed")
    send_mail("Bài khác", BODY, None, ["my-xuyen-approver@example.invalid"])

    assert email_tasks().count() == 1
    run_task_worker()
    assert [sent.subject for sent in mail.outbox] == ["Bài khác"]


def test_a_subject_carrying_a_header_is_refused_at_once(queue):
    with pytest.raises(BadHeaderError):
        send_mail("Góp ý\nBcc: everyone@example.invalid", BODY, None, ["tran-de-approver@example.invalid"])
    assert not email_tasks().exists()


def test_a_failed_send_is_tried_again_later_and_logged(queue, caplog):
    queue.EMAIL_DELIVERY_BACKEND = "tests.core.test_mail.FlakySMTP"
    FlakySMTP.failures = 2
    caplog.set_level(logging.WARNING, logger="core.mail")

    # The editor's action: the mail server is down, and sending still succeeds (it only queues).
    assert send_mail(SUBJECT, BODY, None, ["tran-de-approver@example.invalid", "board@example.invalid"]) == 1
    before = timezone.now()
    run_task_worker()
    assert mail.outbox == []
    retry = email_tasks().get(status=TaskResultStatus.READY)
    assert before + datetime.timedelta(seconds=119) < retry.run_after < timezone.now() + datetime.timedelta(seconds=121)
    run_task_worker()  # not yet due: nothing happens
    assert email_tasks().filter(status=TaskResultStatus.READY).count() == 1

    time_passes()
    run_task_worker()
    retry = email_tasks().get(status=TaskResultStatus.READY)
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=230)  # twice as long: 240 s
    time_passes()
    run_task_worker()

    [sent] = mail.outbox
    assert sent.subject == SUBJECT and sent.body == BODY
    assert not email_tasks().filter(status=TaskResultStatus.FAILED).exists()
    warnings = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == 2
    assert all(SUBJECT in warning and "2 recipients" in warning for warning in warnings)
    assert "attempt 1 of 3" in warnings[0] and "SMTPServerDisconnected" in warnings[0]
    assert not any(BODY in record.getMessage() for record in caplog.records)


def test_a_message_that_never_goes_stays_failed_with_its_text_and_can_be_sent_again(queue, caplog):
    queue.EMAIL_DELIVERY_BACKEND = "tests.core.test_mail.DeadSMTP"
    caplog.set_level(logging.WARNING, logger="core.mail")
    send_mail(SUBJECT, BODY, None, ["tran-de-approver@example.invalid"])
    for _ in range(3):
        run_task_worker()
        time_passes()

    assert mail.outbox == []
    failed = email_tasks().get(status=TaskResultStatus.FAILED)
    assert failed.args_kwargs["args"][0]["body"] == BODY
    assert failed.exception_class_path == "builtins.ConnectionRefusedError"
    assert not email_tasks().filter(status=TaskResultStatus.READY).exists()
    [error] = [record.getMessage() for record in caplog.records if record.levelno == logging.ERROR]
    assert "Gave up" in error and SUBJECT in error and "3 attempt" in error and BODY not in error

    with pytest.raises(CommandError, match="1 email"):
        call_command("email_queue", "--check", stdout=io.StringIO())
    listing = io.StringIO()
    call_command("email_queue", stdout=listing)
    assert f"FAILED {failed.id}" in listing.getvalue() and SUBJECT in listing.getvalue()
    assert "ConnectionRefusedError" in listing.getvalue() and BODY not in listing.getvalue()
    queue.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    call_command("email_queue", "--requeue", stdout=io.StringIO())
    call_command("email_queue", "--requeue", stdout=io.StringIO())  # twice: still one message
    run_task_worker()
    assert [sent.body for sent in mail.outbox] == [BODY]
    assert not email_tasks().filter(status=TaskResultStatus.FAILED).exists()
    call_command("email_queue", "--check", stdout=io.StringIO())


def test_an_email_not_to_be_sent_any_more_can_be_discarded(queue):
    queue.EMAIL_DELIVERY_BACKEND = "tests.core.test_mail.DeadSMTP"
    queue.EMAIL_DELIVERY_ATTEMPTS = 1
    send_mail(SUBJECT, BODY, None, ["tran-de-approver@example.invalid"])
    send_mail("Nhắc việc", BODY, None, ["my-xuyen-approver@example.invalid"])
    run_task_worker()
    first = email_tasks().failed().get(args_kwargs__args__0__subject=SUBJECT)

    call_command("email_queue", "--discard", "--id", str(first.id), stdout=io.StringIO())
    queue.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("email_queue", "--requeue", stdout=io.StringIO())
    run_task_worker()
    assert [sent.subject for sent in mail.outbox] == ["Nhắc việc"]


def test_the_check_notices_a_worker_that_is_not_running(queue):
    send_mail(SUBJECT, BODY, None, ["tran-de-approver@example.invalid"])
    call_command("email_queue", "--check", stdout=io.StringIO())
    email_tasks().update(enqueued_at=timezone.now() - datetime.timedelta(minutes=20))
    with pytest.raises(CommandError, match="db_worker"):
        call_command("email_queue", "--check", stdout=io.StringIO())


def test_without_a_worker_the_message_is_sent_after_the_commit(queue, django_capture_on_commit_callbacks):
    # make run's arrangement: the immediate task backend, in the process, once the action commits.
    queue.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        send_mail(SUBJECT, BODY, None, ["tran-de-approver@example.invalid"])
        assert mail.outbox == []
    assert [sent.subject for sent in mail.outbox] == [SUBJECT]
    assert not email_tasks().exists()


def test_make_run_prints_one_line_per_email_not_its_text():
    console = io.StringIO()
    get_connection("core.mail.SummaryConsoleBackend", stream=console).send_messages(
        [
            EmailMultiAlternatives(SUBJECT, BODY, None, ["a@example.invalid", "b@example.invalid"], cc=["c@x.invalid"]),
            EmailMultiAlternatives("Nhắc việc", BODY, None, ["a@example.invalid"]),
        ]
    )
    assert console.getvalue() == f"email: 3 recipients — {SUBJECT}\nemail: 1 recipient — Nhắc việc\n"
