"""A database outage answers 503 with a friendly page (not a 500), and the site recovers by itself.

``DatabaseUnavailableMiddleware`` sits near the top of MIDDLEWARE. It turns a connection-level
database error (``OperationalError``, ``InterfaceError``: connection refused, server closed the
connection, ...) raised while handling a request into a 503 rendered from ``503.html`` with a
Retry-After header, without touching the database, and drops the broken connection so the next
request connects afresh.
"""

import logging
import sys
import threading

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template import loader
from django.utils import translation

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
_REQUEST_FLAG = "_database_unavailable_error"


def is_database_unavailable(error):
    """Whether ``error`` says the database cannot be reached or used right now."""
    return isinstance(error, DATABASE_UNAVAILABLE_ERRORS)


def database_unavailable_response(request):
    """The 503 page in the request's language. Renders a standalone template without a request,
    so no context processor (site settings, menus) can query the database."""
    language = (
        getattr(request, "LANGUAGE_CODE", None)
        or translation.get_language_from_path(request.path_info)
        or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        content = loader.render_to_string("503.html", {"LANGUAGE_CODE": language})
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Neither the page cache nor a proxy may keep the outage page once the database is back.
    response["Cache-Control"] = "no-store"
    return response


def discard_broken_connections():
    """Close connections that no longer work (or may not be kept), so the next query reconnects.

    The WSGI handler also does this at the end of each request, but Django's test client skips it,
    and doing it here keeps a dead persistent connection (CONN_MAX_AGE) from serving anyone else.
    Connections inside an enclosing transaction (a test's) are left to their owner.
    """
    for connection in connections.all(initialized_only=True):
        if connection.in_atomic_block:
            continue
        try:
            connection.close_if_unusable_or_obsolete()
        except Exception:  # noqa: BLE001 - closing a dead socket may fail too; forget it either way
            connection.connection = None


class _OutageLog:
    """Logs the first failed request of an outage as an error and its end as a warning, so an outage
    under load gives a couple of lines per worker instead of a traceback per request."""

    def __init__(self):
        self.lock = threading.Lock()
        self.failed = 0

    def failure(self, request, error):
        with self.lock:
            self.failed += 1
            first = self.failed == 1
        if first:
            logger.error("Database unavailable, answering 503 (first at %s): %s", request.path, error)
        else:
            logger.debug("Database still unavailable, 503 for %s: %s", request.path, error)

    def success(self):
        if not self.failed:  # the common case: no lock taken
            return
        with self.lock:
            failed, self.failed = self.failed, 0
        if failed:
            logger.warning("Database reachable again after %d request(s) answered 503.", failed)


outage_log = _OutageLog()


def _remember_database_error(sender, request=None, **kwargs):
    # Errors raised outside the view (another middleware, the 404 handler rendering a page that
    # queries) are turned into a 500 by Django before any outer middleware sees them: this receiver
    # marks the request so the middleware can still answer 503.
    error = sys.exc_info()[1]
    if request is not None and is_database_unavailable(error):
        setattr(request, _REQUEST_FLAG, error)


got_request_exception.connect(_remember_database_error, dispatch_uid="cms_database_unavailable")


class DatabaseUnavailableMiddleware:
    """Answers 503 (friendly page, Retry-After) when the database is unreachable; see the module
    docstring. With DEBUG on, the error goes through as usual so developers see the traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        error = getattr(request, _REQUEST_FLAG, None)
        if error is not None and response.status_code == 500 and not settings.DEBUG:
            return self._unavailable(request, error)
        if error is None and response.status_code < 500:
            outage_log.success()
        return response

    def process_exception(self, request, exception):
        if settings.DEBUG or not is_database_unavailable(exception):
            return None
        return self._unavailable(request, exception)

    def _unavailable(self, request, error):
        outage_log.failure(request, error)
        discard_broken_connections()
        return database_unavailable_response(request)
