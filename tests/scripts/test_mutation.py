"""scripts/mutation.py's budget (what .ci/run runs for the modules a commit changed): which modules
fit by their last runs, and a run stopped at the budget with the test processes it forked."""

import importlib.util
import os
import signal
import threading
import time
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "mutation.py"
SUMMARY = """<!-- mutation-summary:start -->
| Module | Killed | Survived | No tests | Timeout | Score | Minutes | Run |
|---|---|---|---|---|---|---|---|
| `reports/contributions.py` | 480 | 20 | 0 | 0 | 96.0% | 9.8 | 2026-12-08 |
| `core/text.py` | 93 | 3 | 0 | 0 | 96.9% | 2.4 | 2026-12-07 |
| `cms/uploads.py` | 238 | 45 | 0 | 0 | 84.1% (partial: 3 not run) | 3.4 | 2026-12-07 |
<!-- mutation-summary:end -->
"""


@pytest.fixture
def mutation(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("mutation_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    docs = tmp_path / "testing.md"
    docs.write_text(SUMMARY)
    monkeypatch.setattr(module, "DOCS", docs)
    monkeypatch.setattr(module, "TREE", tmp_path)
    return module


def test_the_minutes_of_each_modules_last_run_are_read_from_the_summary(mutation):
    assert mutation.recorded_minutes() == {"reports/contributions.py": 9.8, "core/text.py": 2.4, "cms/uploads.py": 3.4}


def test_the_modules_that_fit_run_in_order_and_the_rest_are_named(mutation):
    modules = ["core/text.py", "reports/contributions.py", "cms/uploads.py", "units/roles.py"]

    assert mutation.within_budget(modules, 10) == (
        ["core/text.py", "cms/uploads.py"],
        ["reports/contributions.py", "units/roles.py"],  # 2.4 + 9.8 > 10; never run
    )
    assert mutation.within_budget(modules, 5.8) == (["core/text.py", "cms/uploads.py"], modules[1::2])
    assert mutation.within_budget(modules, 5.7) == (["core/text.py"], modules[1:])


def forking_mutmut(mutation, monkeypatch, marker):
    """A "mutmut" that forks a test process, as mutmut does, which writes ``marker`` after 4 s."""
    monkeypatch.setattr(
        mutation,
        "MUTMUT",
        "import subprocess, sys, time\n"
        f"child = \"import time; time.sleep(4); open({str(marker)!r}, 'w')\"\n"
        "subprocess.Popen([sys.executable, '-c', child])\n"
        "time.sleep(60)\n",
    )


def test_a_run_over_its_time_is_stopped_with_what_it_started(mutation, tmp_path, monkeypatch):
    marker = tmp_path / "child-alive"
    forking_mutmut(mutation, monkeypatch, marker)
    started = time.monotonic()

    status = mutation.mutmut("run", log=tmp_path / "run.log", seconds=1)

    assert status == "interrupted"
    assert time.monotonic() - started < 10
    time.sleep(4)
    assert not marker.exists()  # the forked process was stopped too


def test_ctrl_c_stops_the_run_and_what_it_started(mutation, tmp_path, monkeypatch):
    marker = tmp_path / "child-alive"
    forking_mutmut(mutation, monkeypatch, marker)
    # Ctrl-C in a terminal reaches this process only: mutmut runs in a session of its own.
    threading.Timer(1, os.kill, (os.getpid(), signal.SIGINT)).start()

    with pytest.raises(KeyboardInterrupt):
        mutation.mutmut("run", log=tmp_path / "run.log")

    time.sleep(5)
    assert not marker.exists()
