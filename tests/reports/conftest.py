"""The reports are read by the units' staff: the fixtures come from tests/units, imported, not copied."""

from tests.exemplars.replication_world import model_story  # noqa: F401  the replicated model (nhân rộng)
from tests.units.conftest import staff  # noqa: F401  one user per role
from tests.units.exports import board, formula_names  # noqa: F401  fixtures of test_exports.py
