"""Settings for mutation testing (scripts/mutation.py): the test settings, with the test database in
a file that outlives each pytest session. mutmut starts one pytest session per mutant, and building
the database (migrations, then setup_newsroom) takes far longer than the few tests a mutant needs;
with `--reuse-db` each session finds it built."""

import os

from .test import *  # noqa: F403

DATABASES["default"]["TEST"] = {  # noqa: F405
    "NAME": os.environ.get("MUTATION_TEST_DATABASE", str(BASE_DIR / "tmp" / "mutation-test.sqlite3")),  # noqa: F405
}
# One pytest session per mutant: after the first session of a process has built the database, later
# ones start from a copy of it, and tests run in the order mutmut gives (quickest first); see
# django_db_setup and pytest_collection_modifyitems in tests/conftest.py.
MUTATION_TESTING = True
