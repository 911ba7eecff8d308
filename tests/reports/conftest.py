"""The reports are read by the units' staff: the fixtures come from tests/units, imported, not copied."""

from tests.units.conftest import staff  # noqa: F401  one user per role
from tests.units.exports import board, formula_names  # noqa: F401  fixtures of test_exports.py
