"""Which database errors are an outage (cms/middleware.py), on SQLite as on PostgreSQL.

Only an error saying the database cannot be reached (an OperationalError or InterfaceError: the
connection was lost, refused or closed) is answered with the 503 "come back in a minute" page and
Retry-After. Any other database error (a constraint broken, bad SQL, a value out of range) is a
fault of ours: the reader gets the 500 page, the error is reported, and nobody is told to retry
something that will fail again. Errors are raised where the database driver raises them (every
statement of the request, by an execute wrapper), whether the view queries or the 404 page does.
(tests/cms/test_faults.py cuts a real connection, on PostgreSQL only.)
"""

import logging

import pytest
from django.db import (
    DatabaseError,
    DataError,
    IntegrityError,
    InterfaceError,
    InternalError,
    NotSupportedError,
    OperationalError,
    ProgrammingError,
    connection,
)
from django.test import Client

from cms.middleware import outage_log

LOST_CONNECTION = [
    pytest.param(OperationalError, "server closed the connection unexpectedly", id="OperationalError"),
    pytest.param(OperationalError, "connection to server at 127.0.0.1 failed: Connection refused", id="refused"),
    pytest.param(InterfaceError, "connection already closed", id="InterfaceError"),
]
OUR_FAULT = [
    pytest.param(IntegrityError, 'duplicate key value violates unique constraint "wagtailcore_page_pkey"'),
    pytest.param(ProgrammingError, 'relation "exemplars_exemplarpage" does not exist'),
    pytest.param(DataError, "value too long for type character varying(255)"),
    pytest.param(InternalError, "current transaction is aborted"),
    pytest.param(NotSupportedError, "FOR UPDATE cannot be applied to the nullable side of an outer join"),
    pytest.param(DatabaseError, "an error of the database"),
]
# The home page (its view queries) and an address no URL matches (the 404 page queries for the
# site's menu, outside any view: the middleware learns of the error through got_request_exception).
ADDRESSES = ["/", "/khong-co-trang-nay.html"]

UNAVAILABLE = "Trang web tạm thời gián đoạn"
FAULT = "Đã xảy ra lỗi"


@pytest.fixture(autouse=True)
def no_outage_yet():
    """The outage log counts failed requests process-wide: each test starts outside an outage."""
    outage_log.failed = 0
    yield
    outage_log.failed = 0


def failing(error_class, message):
    def wrapper(execute, sql, params, many, context):
        raise error_class(message)

    return wrapper


def read(address, error_class, message):
    """``address`` read by a browser (errors come back as pages) while every query fails so."""
    with connection.execute_wrapper(failing(error_class, message)):
        return Client(raise_request_exception=False).get(address)


@pytest.mark.django_db
@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize(("error_class", "message"), LOST_CONNECTION)
def test_a_lost_connection_is_the_come_back_later_page(address, error_class, message):
    response = read(address, error_class, message)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert UNAVAILABLE in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize(("error_class", "message"), OUR_FAULT)
def test_any_other_database_error_is_a_fault_not_an_outage(address, error_class, message, caplog):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = read(address, error_class, message)

    assert response.status_code == 500
    assert not response.has_header("Retry-After")
    body = response.content.decode()
    assert FAULT in body and UNAVAILABLE not in body
    # Reported as any fault of ours is; the outage log is not involved.
    assert any(r.name == "django.request" and r.levelno == logging.ERROR for r in caplog.records)
    assert outage_log.failed == 0


@pytest.mark.django_db
def test_the_outage_page_speaks_the_readers_language():
    response = read("/km/", OperationalError, "server closed the connection unexpectedly")

    assert response.status_code == 503
    assert '<html lang="km">' in response.content.decode()
    assert "គេហទំព័រមិនអាចប្រើបានមួយរយៈ" in response.content.decode()


@pytest.mark.django_db
def test_with_debug_on_developers_see_the_error_itself(settings):
    settings.DEBUG = True
    lost = failing(OperationalError, "server closed the connection unexpectedly")
    with connection.execute_wrapper(lost), pytest.raises(OperationalError):
        Client().get("/")


@pytest.mark.django_db
def test_one_error_for_the_outage_and_one_warning_when_it_ends(caplog):
    with caplog.at_level(logging.DEBUG, logger="cms.middleware"):
        for _ in range(3):
            assert read("/", OperationalError, "server closed the connection unexpectedly").status_code == 503
        assert Client().get("/").status_code == 200

    ours = [r for r in caplog.records if r.name == "cms.middleware"]
    assert [r.levelno for r in ours if r.levelno >= logging.WARNING] == [logging.ERROR, logging.WARNING]
    assert "after 3 request(s)" in ours[-1].getMessage()
    assert outage_log.failed == 0
