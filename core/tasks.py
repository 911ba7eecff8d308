"""Retrying our tasks (django-tasks runs each task once: a task that raises stays FAILED).

Every task of ours (emails in core/mail.py, renditions in home/images.py, the sitemap rebuild in
cms/sitemap_store.py) takes an ``attempt`` keyword, 1 for the first run. When a run fails, the same call
is enqueued again with ``attempt + 1`` to run after a delay that doubles each time
(``TASK_RETRY_SECONDS`` × 2^(attempt − 1)), up to ``TASK_ATTEMPTS`` runs in all; the failed run
itself ends successfully, saying which retry follows, so that FAILED in the task table always means
"given up: a person must look". The last failure raises, and the worker keeps it FAILED with its
traceback. The immediate backend of ``make run`` and the tests cannot wait, so there the first
failure is the last. A task retried this way must be safe to run twice (each of ours is: a message
keeps its Message-ID, a rendition or a sitemap is made again only when missing or stale).
"""

import datetime
import functools
import logging

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def error_label(error):
    """How logs and task results name a failure: its type and message, kept short."""
    return f"{type(error).__name__}: {error}"[:300]


def retry_delay(attempt, first_delay):
    """Seconds before the run after ``attempt``: ``first_delay``, then twice as long each time."""
    return first_delay * 2 ** (attempt - 1)


def enqueue_retry(task, args, kwargs, *, attempt, attempts, first_delay):
    """Enqueue ``task(*args, attempt=attempt + 1, **kwargs)`` to run after ``retry_delay``; returns
    ``(result, delay)``, or None when ``attempt`` was the last or the backend cannot wait."""
    if attempt >= attempts or not task.get_backend().supports_defer:
        return None
    delay = retry_delay(attempt, first_delay)
    run_after = timezone.now() + datetime.timedelta(seconds=delay)
    return task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1, **kwargs), delay


def retried(func):
    """Under ``@task()``: run ``func``; on an exception, enqueue the same call again (see the module).

    The task is found again by its import path, as the worker finds it::

        @task()
        @retried
        def generate_page_renditions(page_id): ...
    """

    @functools.wraps(func)
    def run(*args, attempt=1, **kwargs):
        try:
            return func(*args, **kwargs)
        except Exception as error:
            name = f"{func.__module__}.{func.__qualname__}"
            attempts = settings.TASK_ATTEMPTS
            retry = enqueue_retry(
                import_string(name),
                args,
                kwargs,
                attempt=attempt,
                attempts=attempts,
                first_delay=settings.TASK_RETRY_SECONDS,
            )
            if retry is None:
                logger.error("Gave up on task %s after %d attempt(s): %s", name, attempt, error_label(error))
                raise
            result, delay = retry
            logger.warning(
                "Task %s failed (attempt %d of %d): %s. Trying again in %d s.",
                name,
                attempt,
                attempts,
                error_label(error),
                delay,
            )
            return {"attempt": attempt, "error": error_label(error), "retry": str(result.id)}

    return run
