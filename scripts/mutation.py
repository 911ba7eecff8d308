"""Mutation testing of the core modules with mutmut (`make mutation`; docs/testing.md).

Each module of scripts/mutation_targets.toml is mutated with only its own tests, one module after the
other, in a copy of the tree (tmp/mutation-tree): mutmut writes its mutants beside the code it copies
and never touches this tree, but other work (and editors) must not see half-run mutants either.
The score per module is written into docs/testing.md between the markers, and the survivors (with
their diffs) into tmp/mutation-logs/survivors.md.

    python scripts/mutation.py                       # every module (about 1.5 h on 2 cores)
    python scripts/mutation.py core/text.py          # some modules
    python scripts/mutation.py --changed [BASE]      # modules changed since BASE (default HEAD~1)
    python scripts/mutation.py --fail-under 90       # exit 1 if a module scores below 90%
    python scripts/mutation.py --jobs 2              # two mutants at a time (a machine of your own)
    python scripts/mutation.py --changed --budget 10 # what fits in 10 minutes by the last runs (.ci/run)
"""

import argparse
import datetime
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ROOT / "scripts" / "mutation_targets.toml"
TREE = ROOT / "tmp" / "mutation-tree"
LOGS = ROOT / "tmp" / "mutation-logs"
DOCS = ROOT / "docs" / "testing.md"
START, END = "<!-- mutation-summary:start -->", "<!-- mutation-summary:end -->"
# What the copy leaves out: build output, dependencies, and the copy itself.
NOT_COPIED = {".git", ".venv", "node_modules", "tmp", "media", "collected-static", "__pycache__", ".ruff_cache"}
# Everything mutmut copies into mutants/ besides tests/: the code, and what the settings find beside it
# (templates, static files, catalogues); mutmut puts mutants/ first on sys.path, so it must be whole.
# bench/ and docs/ stay in: tests import bench's seed (tests/search/test_recall.py) and read the deploy
# guide (tests/search/test_engines.py).
NOT_SOURCE = {"tests", "scripts", "mutants"}
# One mutant at a time unless --jobs says otherwise: the machine is shared. --reuse-db: the test database
# (a file, see cms/settings/mutation.py) is built once per run; each mutant's session works on a copy.
PYTEST_ARGS = ["--ds=cms.settings.mutation", "--reuse-db", "-p", "no:randomly", "-q"]


def load_targets():
    with TARGETS.open("rb") as f:
        return tomllib.load(f)["modules"]


def changed_modules(targets, base):
    """The target modules that differ between BASE and the working tree (committed or not)."""
    result = subprocess.run(["git", "diff", "--name-only", base, "--"], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"mutation: cannot compare with {base!r}: {result.stderr.strip()}")
    changed = set(result.stdout.split())
    return [module for module in targets if module in changed]


def copy_tree():
    """A fresh copy of the tree, so that nothing of a previous run (or of this tree's edits) lingers."""
    shutil.rmtree(TREE, ignore_errors=True)
    shutil.copytree(ROOT, TREE, ignore=shutil.ignore_patterns(*NOT_COPIED))


def toml_list(values):
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"


def configure(module, tests):
    """Point mutmut (its [tool.mutmut] section in the copy's pyproject.toml) at one module and its tests."""
    sources = sorted(
        p.name for p in TREE.iterdir() if p.name not in NOT_SOURCE and not p.name.startswith(".") and p.is_dir()
    ) + ["manage.py"]
    section = "\n".join(
        [
            "[tool.mutmut]",
            f"source_paths = {toml_list(sources)}",
            f"only_mutate = {toml_list([module])}",
            f"pytest_add_cli_args = {toml_list(PYTEST_ARGS)}",
            f"pytest_add_cli_args_test_selection = {toml_list(tests)}",
            "use_git_change_detection = false",
            "use_setproctitle = false",
        ]
    )
    pyproject = (ROOT / "pyproject.toml").read_text()
    (TREE / "pyproject.toml").write_text(pyproject + "\n" + section + "\n")
    shutil.rmtree(TREE / "mutants", ignore_errors=True)


# mutmut less its clean run: mutants/ is new for each module, so mutmut always starts with a stats run of
# every selected test on the unmutated code, which stops it if one fails; the clean run after it would
# only run them all once more (minutes a module). mutmut is pinned (requirements.txt); if the name moves,
# the clean run simply stays.
MUTMUT = """
import sys
from mutmut.__main__ import cli
from mutmut.workers import isolation
if hasattr(isolation.ForkRunner, "run_clean_tests"):
    isolation.ForkRunner.run_clean_tests = lambda self, tests: 0
sys.argv[0] = "mutmut"
cli()
"""


def mutmut(*args, log=None, seconds=None):
    """mutmut's output (no ``log``), or its exit status with its output in ``log``: "interrupted" when
    it ran out of ``seconds`` (it and the test processes it forked are stopped)."""
    command = [sys.executable, "-P", "-c", MUTMUT, *args]  # -P: the tree itself is not on sys.path, mutants/ is
    env = dict(os.environ, MUTATION_TEST_DATABASE=str(TREE / "mutation-test.sqlite3"))
    if log is None:
        return subprocess.run(command, cwd=TREE, env=env, capture_output=True, text=True).stdout
    with log.open("w") as out:
        process = subprocess.Popen(
            command, cwd=TREE, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            return process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait()
            return "interrupted"
        except KeyboardInterrupt:  # Ctrl-C reaches only this process: mutmut has a session of its own
            os.killpg(process.pid, signal.SIGTERM)
            process.wait()
            raise


def recorded_minutes():
    """{module: minutes its last full run took}, from docs/testing.md's summary."""
    rows = re.findall(r"^\| `([^`]+)` \|(?:[^|]*\|){5} ([\d.]+) \|", DOCS.read_text(), flags=re.MULTILINE)
    return {module: float(minutes) for module, minutes in rows}


def within_budget(modules, minutes):
    """(the modules whose last runs fit in ``minutes`` together, in order; the others): a module never
    run, or too long for what is left, is left to `make mutation`."""
    recorded, chosen, left, total = recorded_minutes(), [], [], 0.0
    for module in modules:
        cost = recorded.get(module)
        if cost is not None and total + cost <= minutes:
            chosen.append(module)
            total += cost
        else:
            left.append(module)
    return chosen, left


def run_module(module, tests, jobs=1, seconds=None):
    """Mutate one module; its counts by status and the names of the mutants no test caught."""
    missing = [t for t in tests if not (TREE / t).exists()]
    if missing:
        print(f"  (not found, left out: {', '.join(missing)})")
    configure(module, [t for t in tests if t not in missing])
    log = LOGS / (module.replace("/", "__") + ".log")
    started = time.monotonic()
    try:
        status = mutmut("run", "--max-children", str(jobs), log=log, seconds=seconds)
    except KeyboardInterrupt:
        status = "interrupted"  # what was checked so far still counts; the row says partial
    seconds = time.monotonic() - started
    counts, undetected = {}, []
    for line in mutmut("results", "--all", "true").splitlines():
        name, _, outcome = line.strip().rpartition(": ")
        if name:
            counts[outcome] = counts.get(outcome, 0) + 1
            if outcome in ("survived", "no tests", "suspicious"):
                undetected.append((name, outcome))
    if status == "interrupted":
        print(f"  interrupted; the mutants checked so far are counted (partial); see {log}")
    elif status != 0 or not counts:
        print(f"  mutmut failed (exit {status}); see {log}")
    failed = status not in (0, "interrupted") or not counts
    return {
        "counts": counts,
        "undetected": undetected,
        "seconds": seconds,
        "interrupted": status == "interrupted",
        "failed": failed,
    }


def score(counts):
    """Killed and timed-out mutants over all mutants run: survivors and mutants no test reaches count
    against the score, as a bug there would go unnoticed just the same."""
    caught = counts.get("killed", 0) + counts.get("timeout", 0)
    total = sum(n for status, n in counts.items() if status not in ("skipped", "not checked"))
    return 100.0 * caught / total if total else 0.0


def table_row(module, result, today):
    c = result["counts"]
    partial = f" (partial: {c['not checked']} not run)" if c.get("not checked") else ""
    return (
        f"| `{module}` | {c.get('killed', 0)} | {c.get('survived', 0)} | {c.get('no tests', 0)} "
        f"| {c.get('timeout', 0)} | {score(c):.1f}%{partial} | {result['seconds'] / 60:.1f} | {today} |"
    )


def update_docs(results):
    """Replace the rows of the modules just run in docs/testing.md's summary; keep the others."""
    text = DOCS.read_text()
    head, rest = text.split(START, 1)
    old, tail = rest.split(END, 1)
    rows = {m.group(1): line for line in old.splitlines() if (m := re.match(r"\| `([^`]+)` \|", line))}
    today = datetime.date.today().isoformat()
    for module, result in results.items():
        rows[module] = table_row(module, result, today)
    order = list(load_targets())
    lines = [
        f"mutmut {version('mutmut')}, last run {today}; score = (killed + timeout) / all mutants.",
        "",
        "| Module | Killed | Survived | No tests | Timeout | Score | Minutes | Run |",
        "|---|---|---|---|---|---|---|---|",
        *(rows[m] for m in sorted(rows, key=lambda m: order.index(m) if m in order else len(order))),
    ]
    DOCS.write_text(head + START + "\n" + "\n".join(lines) + "\n" + END + tail)


def write_survivors(results):
    """Each undetected mutant with its diff, for docs/testing.md's Survivors section."""
    parts = []
    for module, result in results.items():
        parts.append(f"## {module}\n")
        for name, outcome in result["undetected"]:
            parts.append(f"### {name} ({outcome})\n\n```diff\n{mutmut('show', name).strip()}\n```\n")
    (LOGS / "survivors.md").write_text("\n".join(parts))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", help="modules to mutate (default: all of mutation_targets.toml)")
    parser.add_argument("--changed", nargs="?", const="HEAD~1", metavar="BASE", help="only modules changed since BASE")
    parser.add_argument("--fail-under", type=float, metavar="PERCENT", help="exit 1 if a module scores below this")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="mutants run at once (default 1)")
    parser.add_argument(
        "--budget",
        type=float,
        metavar="MINUTES",
        help="only modules whose last runs fit in MINUTES, stopped at MINUTES",
    )
    args = parser.parse_args()
    targets = load_targets()
    unknown = [m for m in args.modules if m not in targets]
    if unknown:
        sys.exit(f"mutation: not in {TARGETS.name}: {', '.join(unknown)}")
    modules = changed_modules(targets, args.changed) if args.changed else args.modules or list(targets)
    if args.budget is not None:
        modules, left = within_budget(modules, args.budget)
        if left:
            print(f"mutation: over {args.budget:g} minutes or never run, left to `make mutation`: {', '.join(left)}")
    if not modules:
        print("mutation: no core module to mutate.")
        return 0
    if not (Path(sys.executable).parent / "mutmut").exists():
        sys.exit("mutation: mutmut is not installed in this environment (requirements.txt); run `make install`.")
    copy_tree()
    LOGS.mkdir(parents=True, exist_ok=True)
    results = {}
    deadline = time.monotonic() + args.budget * 60 if args.budget is not None else None
    for module in modules:
        print(f"mutation: {module} ({len(targets[module])} test paths)", flush=True)
        seconds = max(deadline - time.monotonic(), 1) if deadline is not None else None
        results[module] = run_module(module, targets[module], args.jobs, seconds)
        c = results[module]["counts"]
        print(f"  {score(c):.1f}% {c} in {results[module]['seconds']:.0f}s", flush=True)
        # After each module, so that a run stopped halfway still leaves the modules it finished; a module
        # whose run failed keeps its previous row (its counts would all be "not checked").
        if results[module]["failed"]:
            continue
        update_docs({module: results[module]})
        write_survivors(results)
        if results[module]["interrupted"]:
            break
    print(f"mutation: summary in {DOCS.relative_to(ROOT)}, survivors in {(LOGS / 'survivors.md').relative_to(ROOT)}")
    # A module stopped by the budget has a partial score: reported, never failed on.
    low = [
        m
        for m, r in results.items()
        if args.fail_under is not None and not r["interrupted"] and score(r["counts"]) < args.fail_under
    ]
    if low:
        print(f"mutation: below {args.fail_under}%: {', '.join(low)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
