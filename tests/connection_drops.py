"""The database connection dropping in the middle of a save, on SQLite as on PostgreSQL.

``drop_before(sql_start, nth)`` is an execute wrapper: the ``nth`` statement starting with
``sql_start`` never reaches the server and raises the OperationalError a lost connection raises,
after the statements before it ran. A save that is one transaction leaves nothing of itself behind;
a save in several transactions leaves its first part. (tests/cms/test_faults.py cuts a real TCP
connection, on PostgreSQL only.)
"""

import contextlib

from django.db import OperationalError, connection
from django.test import Client

LOST = "server closed the connection unexpectedly"


def drop_before(sql_start, nth=1):
    seen = 0

    def wrapper(execute, sql, params, many, context):
        nonlocal seen
        if sql.startswith(sql_start):
            seen += 1
            if seen == nth:
                raise OperationalError(LOST)
        return execute(sql, params, many, context)

    return wrapper


@contextlib.contextmanager
def connection_drops_before(sql_start, nth=1):
    """Within the block, the connection drops before the ``nth`` ``sql_start`` statement."""
    with connection.execute_wrapper(drop_before(sql_start, nth)):
        yield


def browser_for(user):
    """A signed-in client that, like the real server, answers errors with a page, not a traceback."""
    browser = Client(raise_request_exception=False)
    browser.force_login(user)
    return browser


def told_to_retry(response):
    """The editor reads the 503 page (try again in a moment), not an error page or a success."""
    return response.status_code == 503 and response["Retry-After"] == "30"
