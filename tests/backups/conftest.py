"""tests/backups: the round trip needs committed rows (pg_dump reads on its own connection), so those
tests run in a transaction of their own and the database is put back afterwards."""

import pytest

from tests.e2e.content import newsroom_snapshot, restore_newsroom

__all__ = ["newsroom_snapshot"]


@pytest.fixture
def committed_newsroom(newsroom_snapshot, django_db_blocker):
    """Ask for it before ``transactional_db``: the test's rows are committed, pytest-django flushes
    the database after the test, and this then puts back the newsroom ``setup_newsroom`` made, for
    the tests that follow."""
    yield
    with django_db_blocker.unblock():
        restore_newsroom(newsroom_snapshot)
