"""Small builders the test folders share: dates in the province's time, published pages, images, the
task worker."""

import datetime
import io
import logging
import signal
from unittest import mock

from django.core.files.images import ImageFile
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from PIL import Image as PILImage


def at(year, month, day=15, hour=10):
    """An aware datetime in the current (the province's) time zone."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, 0))


def published(page):
    """``page`` published the way editors publish (a revision, then publish), fresh from the database."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def png(name="anh.png", size=(1600, 1000), colour="green"):
    """An uploadable PNG file."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return ImageFile(buffer, name=name)


def run_task_worker():
    """``manage.py db_worker --batch``: runs every task due in the database queue, then stops.

    As Django's test client does around a request, the worker keeps the test's connection: between
    tasks it closes connections it thinks stale, and inside a test's transaction on PostgreSQL that
    would be this one. Its signal handlers and log levels are put back afterwards.
    """
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
    levels = [logger.level for logger in loggers]
    try:
        with mock.patch.object(db_worker, "close_old_connections", lambda: None):
            call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
