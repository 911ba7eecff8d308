"""Email leaves the request: every message is queued and a worker sends it (docs/deploy.md).

``EMAIL_BACKEND`` is ``QueuedEmailBackend``: Wagtail's workflow emails, quota reminders, the
public forms' emails and Django's own (password resets) are turned into JSON and enqueued as a
``deliver_email`` task. With django-tasks-db's ``DatabaseBackend`` (production) the task row is
written in the action's own transaction, so it commits with the action or vanishes with it (no
email for a rolled-back action, and no crash between commit and enqueue can lose one). Other task
backends (the immediate one of ``make run`` and the tests) run the task after the commit.

``manage.py db_worker`` runs the task: it sends through ``EMAIL_DELIVERY_BACKEND`` (SMTP). A
failed send is logged and enqueued again later (``EMAIL_RETRY_SECONDS``, doubling each time) up
to ``EMAIL_DELIVERY_ATTEMPTS`` attempts; the last failure stays FAILED in the task table with the
whole message, where ``manage.py email_queue --requeue`` finds it. The editor's request only ever
writes a row.
"""

import base64
import functools
import logging
from email.mime.base import MIMEBase
from email.utils import formatdate, make_msgid

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.console import EmailBackend as ConsoleEmailBackend
from django.core.mail.utils import DNS_NAME
from django.db import DatabaseError, transaction
from django.utils.module_loading import import_string
from django_tasks import task
from django_tasks_db import DatabaseBackend

from core.tasks import enqueue_retry, error_label

logger = logging.getLogger(__name__)


def unique_addresses(addresses):
    """``addresses`` in their order, each once whatever its letter case (one person, one email)."""
    seen, unique = set(), []
    for address in addresses:
        if address.lower() not in seen:
            seen.add(address.lower())
            unique.append(address)
    return unique


def _attachment(attachment):
    """One attachment as JSON: its bytes in base64, and whether Django held them as text."""
    if isinstance(attachment, MIMEBase):
        filename, content, mimetype = (
            attachment.get_filename(),
            attachment.get_payload(decode=True),
            attachment.get_content_type(),
        )
    else:
        filename, content, mimetype = attachment
    is_text = isinstance(content, str)
    raw = content.encode() if is_text else bytes(content or b"")
    return {"filename": filename, "mimetype": mimetype, "text": is_text, "base64": base64.b64encode(raw).decode()}


def serialise(message):
    """``message`` (any EmailMessage) as a JSON-ready dict that ``deserialise`` turns back into one.

    The Date and Message-ID headers are fixed now: the date says when the editor acted, and every
    retry carries the same Message-ID, so a server that did take an earlier attempt can tell.
    """
    headers = {str(name): str(value) for name, value in message.extra_headers.items()}
    if not any(name.lower() == "date" for name in headers):
        headers["Date"] = formatdate(localtime=settings.EMAIL_USE_LOCALTIME)
    if not any(name.lower() == "message-id" for name in headers):
        headers["Message-ID"] = make_msgid(domain=DNS_NAME)
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": str(message.from_email),
        "to": [str(address) for address in message.to],
        "cc": [str(address) for address in message.cc],
        "bcc": [str(address) for address in message.bcc],
        "reply_to": [str(address) for address in message.reply_to],
        "headers": headers,
        "content_subtype": message.content_subtype,
        "encoding": message.encoding,
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": [_attachment(attachment) for attachment in message.attachments],
    }


def deserialise(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=data["alternatives"],
    )
    message.content_subtype = data["content_subtype"]
    message.encoding = data["encoding"]
    for attachment in data["attachments"]:
        content = base64.b64decode(attachment["base64"])
        content = content.decode() if attachment["text"] else content
        message.attach(attachment["filename"], content, attachment["mimetype"])
    return message


def describe(data):
    """How logs name a message: its subject and how many it goes to, never its body or addresses."""
    count = len(data["to"]) + len(data["cc"]) + len(data["bcc"])
    return f"{data['subject']!r} to {count} recipient{'' if count == 1 else 's'}"


class QueuedEmailBackend(BaseEmailBackend):
    """Queues each message for ``db_worker``; sends nothing itself (see the module's docstring)."""

    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            # Rendered once here, as the SMTP backend would: a header with a line break (an
            # injection) raises BadHeaderError to the caller now, not six times in the worker.
            message.message()
            data = serialise(message)
            if _enqueue(data):
                queued += 1
        return queued


def _enqueue(data):
    if not isinstance(deliver_email.get_backend(), DatabaseBackend):
        # The immediate backend would send inside the transaction: wait for the commit, and let
        # a failure be logged (robust) rather than fail an action that has already committed.
        transaction.on_commit(functools.partial(deliver_email.enqueue, data), robust=True)
        return True
    try:
        # A savepoint: a failed insert is logged, and the editor's action goes on.
        with transaction.atomic():
            deliver_email.enqueue(data)
    except DatabaseError:
        logger.exception("Could not queue the email %s", describe(data))
        return False
    return True


def delivery_connection():
    """A connection to the backend that really sends (``EMAIL_DELIVERY_BACKEND``)."""
    path = settings.EMAIL_DELIVERY_BACKEND
    if issubclass(import_string(path), QueuedEmailBackend):
        raise ImproperlyConfigured("EMAIL_DELIVERY_BACKEND must send email, not queue it again.")
    return get_connection(path, fail_silently=False)


@task()
def deliver_email(message, attempt=1):
    """Send one queued message (``serialise``'s dict). On failure, enqueue the next attempt and end
    successfully, so that FAILED in the task table always means "given up, needs a person"."""
    try:
        with delivery_connection() as connection:
            connection.send_messages([deserialise(message)])
    except Exception as error:
        retry = _retry(message, attempt, error)
        if retry is None:
            raise  # FAILED, with the traceback; the message stays in the row's arguments
        return {"attempt": attempt, "error": error_label(error), "retry": str(retry.id)}
    return {"attempt": attempt, "sent": len(message["to"]) + len(message["cc"]) + len(message["bcc"])}


def _retry(message, attempt, error):
    """Enqueue the next attempt after a growing delay (core/tasks.py) and return its result, or None
    when out of attempts (or when the task backend cannot wait, as the immediate one cannot)."""
    attempts = settings.EMAIL_DELIVERY_ATTEMPTS
    retry = enqueue_retry(
        deliver_email, [message], {}, attempt=attempt, attempts=attempts, first_delay=settings.EMAIL_RETRY_SECONDS
    )
    if retry is None:
        logger.error(
            "Gave up emailing %s after %d attempt(s): %s. It stays FAILED in the task table; "
            "manage.py email_queue --requeue sends it again.",
            describe(message),
            attempt,
            error_label(error),
        )
        return None
    result, delay = retry
    logger.warning(
        "Emailing %s failed (attempt %d of %d): %s. Trying again in %d s.",
        describe(message),
        attempt,
        attempts,
        error_label(error),
        delay,
    )
    return result


class SummaryConsoleBackend(ConsoleEmailBackend):
    """``make run``'s delivery: one line per message on the console instead of the whole MIME text."""

    def write_message(self, message):
        count = len(message.recipients())
        self.stream.write(f"email: {count} recipient{'' if count == 1 else 's'} — {message.subject}\n")
