"""Fixtures of the replication tests (tests/exemplars/replication_world.py), shared with tests/reports."""

from tests.exemplars.replication_world import model_story, people  # noqa: F401
