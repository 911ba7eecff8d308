"""`make bench`: seed PostgreSQL, serve the site with gunicorn under production settings, load it with wrk.

Steps: (re)create the database when missing or forced, migrate, setup_newsroom, load_demo_content
and bench.seed (skipped when already seeded at the same size), collectstatic; then for each of two
servers (page cache off with PAGE_CACHE_SECONDS=0, then on) warm up and run wrk against every
endpoint; time the yearly contribution report with the engine itself; print a table and write
bench/results/<time>.json and bench/results/latest.json.

Environment (defaults in brackets):
  BENCH_DATABASE_URL  [postgres://postgres@127.0.0.1:5432/newsroom_bench]
  BENCH_STORIES [30000]  BENCH_DURATION seconds per run [15]  BENCH_CONNECTIONS, one run each [1,16]
  BENCH_THREADS [2]  BENCH_WORKERS gunicorn workers [2 * cores + 1]  BENCH_CACHE_SECONDS [300]
  BENCH_REDIS_URL the cache, emptied before each server [redis://127.0.0.1:6379/15; "none": local memory]
  BENCH_FORCE=1 drops and recreates the database.
"""

import datetime
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
LUA = ROOT / "bench" / "wrk_report.lua"
REPORT_RUNS = 20


def setting(name, default):
    value = os.environ.get(name, "").strip()
    return value or default


CONFIG = {
    "database_url": setting("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench"),
    "stories": int(setting("BENCH_STORIES", "30000")),
    "duration": int(setting("BENCH_DURATION", "15")),
    # One connection gives a page's own latency; sixteen show throughput with the workers saturated.
    "connections": [int(c) for c in setting("BENCH_CONNECTIONS", "1,16").split(",")],
    "threads": int(setting("BENCH_THREADS", "2")),
    "workers": int(setting("BENCH_WORKERS", str(2 * (os.cpu_count() or 1) + 1))),
    "cache_seconds": int(setting("BENCH_CACHE_SECONDS", "300")),
    "force": setting("BENCH_FORCE", "0").lower() in {"1", "true", "yes"},
    # The shared cache production uses (docs/deploy.md); "none" for each worker's local memory.
    "redis_url": setting("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"),
}


def server_env(page_cache_seconds=0):
    """The environment of every Django process of the bench: production settings on the bench database."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        DATABASE_URL=CONFIG["database_url"],
        DATABASE_CONN_MAX_AGE="60",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(ROOT / "tmp" / "bench-static"),
        MEDIA_ROOT=str(ROOT / "tmp" / "bench-media"),
        # Demo content starts workflows that email people; nothing may leave this machine.
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        PAGE_CACHE_SECONDS=str(page_cache_seconds),
        LOG_LEVEL="ERROR",
    )
    if CONFIG["redis_url"] != "none":
        env["REDIS_URL"] = CONFIG["redis_url"]
    return env


def flush_cache():
    """Empty the bench's Redis database, so no page cached by an earlier run (or database) is served."""
    if CONFIG["redis_url"] != "none":
        import redis

        redis.Redis.from_url(CONFIG["redis_url"]).flushdb()


SECRET_KEY = secrets.token_urlsafe(50)


def say(message):
    print(f"[bench] {message}", flush=True)


def manage(*args, env=None):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env or server_env(), check=True)


# --- the database -------------------------------------------------------------------------------


def _admin_connection(url):
    import psycopg2

    parts = urllib.parse.urlparse(url)
    connection = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username, password=parts.password, dbname="postgres"
    )
    connection.autocommit = True
    return connection, parts.path.lstrip("/")


def prepare_database():
    """Create the database when missing (or forced) and fill it; returns what it took, in seconds."""
    connection, name = _admin_connection(CONFIG["database_url"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = cursor.fetchone() is not None
        if exists and CONFIG["force"]:
            say(f"dropping database {name}")
            cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = False
        if not exists:
            say(f"creating database {name}")
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    timings = {}
    started = time.monotonic()
    manage("migrate", "--noinput", "-v", "0")
    if not exists:
        manage("setup_newsroom")
        manage("load_demo_content")
    timings["setup_seconds"] = round(time.monotonic() - started, 1)
    started = time.monotonic()
    subprocess.run(
        [PYTHON, "-m", "bench.seed", "--stories", str(CONFIG["stories"])], cwd=ROOT, env=server_env(), check=True
    )
    # A database kept from before the public search used the search backend has entries but no index.
    manage("index_search_entries", "--if-missing")
    # As a deploy does (docs/deploy.md): the sitemaps stored before the first crawler asks.
    manage("build_sitemaps")
    timings["seed_seconds"] = round(time.monotonic() - started, 1)
    manage("collectstatic", "--noinput", "-v", "0")
    return timings


# --- what to measure ----------------------------------------------------------------------------


def django_setup():
    os.environ.update(server_env())
    import django

    django.setup()


def pick_targets():
    """The endpoints, with real filters: (name, path or list of paths, needs the Board's cookie)."""
    from django.conf import settings
    from django.db.models import Count
    from django.db.models.functions import ExtractYear

    from bench.seed import seeded_stories
    from exemplars.models import ExemplarIndexPage, ExemplarPage

    stories = seeded_stories()
    index = ExemplarIndexPage.objects.get(locale__language_code="vi")
    this_year = datetime.date.today().year
    # The busiest (field, unit, year) of recent years: a filter a reader would use, with results.
    busiest = (
        ExemplarPage.objects.live()
        .filter(locale__language_code="vi", first_published_at__year__gte=this_year - 3)
        .annotate(year=ExtractYear("first_published_at"))
        .values("fields__slug", "unit__slug", "year")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    listing = f"{index.url}?field={busiest['fields__slug']}&unit={busiest['unit__slug']}&year={busiest['year']}"
    story_paths = [page.url for page in stories.order_by("-first_published_at")[:2000][::20]]
    static_path = settings.STATIC_URL + static_name("css/site.css")
    return [
        ("home", "/", False),
        ("listing (field+unit+year)", listing, False),
        ("story (100 rotating)", story_paths, False),
        # Typed without diacritics, as readers do: a selective query, and a broad one (about 1 story in 8).
        ("search 'hanh tim' (selective)", "/tim-kiem/?q=hanh+tim", False),
        ("search 'nong dan san xuat gioi'", "/tim-kiem/?q=nong+dan+san+xuat+gioi", False),
        # The header's search link: everything, newest first, with the whole index's facet counts.
        ("search (no query)", "/tim-kiem/", False),
        ("feed /rss/", "/rss/", False),
        ("api stories", "/api/v2/pages/?type=exemplars.ExemplarPage&fields=summary,unit,fields&limit=20", False),
        (f"report {this_year - 1} (admin)", f"/admin/reports/contributions/?year={this_year - 1}", True),
        ("static css (ceiling)", static_path, False),
    ]


def static_name(name):
    manifest = Path(server_env()["STATIC_ROOT"]) / "staticfiles.json"
    if manifest.exists():
        return json.loads(manifest.read_text())["paths"].get(name, name)
    return name


def board_cookie():
    """A session cookie of a Board member, made the way a login would."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    from units.models import Role
    from units.roles import add_member

    user, _ = get_user_model().objects.get_or_create(
        username="bench-board", defaults={"email": "bench-board@example.invalid", "is_active": True}
    )
    user.set_unusable_password()
    user.save()
    add_member(user, Role.BOARD)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    # Staff pass a second factor (staffauth/): the session holds the phone it was proved with, as
    # django-otp's login does; without it every admin page answers with a redirect to that step.
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def time_report():
    """The yearly report for every unit, computed by the engine: (units, milliseconds of each run)."""
    from django.db import connection, reset_queries

    from reports.contributions import contribution_report

    year = datetime.date.today().year - 1
    runs = []
    for _ in range(REPORT_RUNS + 1):
        started = time.perf_counter()
        results = contribution_report(year)
        runs.append((time.perf_counter() - started) * 1000)
        reset_queries()
    connection.close()
    return year, len(results), runs[1:]


def time_plan_document(runs=3):
    """Milliseconds to build the Board's whole-plan .docx (every figure, the chart, the tables) per run."""
    from reports.documents.board import board_document
    from reports.documents.layout import to_bytes
    from reports.documents.spans import whole_plan

    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        to_bytes(board_document(whole_plan(datetime.date.today())))
        timings.append((time.perf_counter() - started) * 1000)
    return timings


# --- the server and the load ----------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving the site under production settings on a free port."""

    def __init__(self, page_cache_seconds):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = server_env(page_cache_seconds)
        self.process = None

    def __enter__(self):
        command = [
            str(Path(PYTHON).parent / "gunicorn"),
            "cms.wsgi:application",
            f"--bind=127.0.0.1:{self.port}",
            f"--workers={CONFIG['workers']}",
            "--log-level=warning",
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env)
        # Five workers importing Wagtail at once on two cores take a while before the first answer.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.base + "/robots.txt", timeout=30)
                return self
            except OSError:
                time.sleep(0.5)
        self.__exit__()
        raise SystemExit("gunicorn did not answer within 120 s")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def fetch(self, path, cookie=None):
        request = urllib.request.Request(self.base + path, headers={"Cookie": cookie} if cookie else {})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read(), dict(error.headers)


def wrk(server, paths, cookie, connections):
    command = [
        "wrk",
        f"-t{min(CONFIG['threads'], connections)}",
        f"-c{connections}",
        f"-d{CONFIG['duration']}s",
        "--timeout=10s",
        "-s",
        str(LUA),
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(paths) + "\n")
    command += [server.base + paths[0], "--", listing.name]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    os.unlink(listing.name)
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    return json.loads(line.removeprefix("BENCH_JSON "))


def measure(label, page_cache_seconds, targets, cookie):
    rows = []
    flush_cache()
    with Server(page_cache_seconds) as server:
        for name, paths, needs_cookie in targets:
            paths = paths if isinstance(paths, list) else [paths]
            session = cookie if needs_cookie else None
            # Warm up (renditions, caches, every worker's first request): each path must answer 200.
            for path in paths if len(paths) > 1 else paths * CONFIG["workers"]:
                status, body, headers = server.fetch(path, session)
                if status != 200:
                    raise SystemExit(f"{label}: {path} answered {status}")
            for connections in CONFIG["connections"]:
                result = wrk(server, paths, session, connections)
                result.update(
                    name=name,
                    mode=label,
                    connections=connections,
                    path=paths[0],
                    paths=len(paths),
                    response_bytes=len(body),
                    cache_header=headers.get("Cache-Control", ""),
                )
                say(f"{label:9} c={connections:<3} {name:34} {result['rps']:8.1f} req/s p95 {result['p95_ms']:7.1f} ms")
                rows.append(result)
    return rows


# --- output ---------------------------------------------------------------------------------------


def machine():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    memory = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    cpu_lines = Path("/proc/cpuinfo").read_text().splitlines()
    return {
        "cores": os.cpu_count(),
        "memory_gib": round(int(memory) / 1024 / 1024, 1),
        "cpu": next((ln.split(":", 1)[1].strip() for ln in cpu_lines if "model name" in ln), platform.processor()),
        "postgresql": pg,
        "python": platform.python_version(),
        "wrk": wrk_version.strip(),
        "load_average_before": os.getloadavg(),
    }


def table(rows, report):
    lines = [
        f"{'endpoint':36} {'mode':9} {'conn':>4} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6}",
        "-" * 95,
    ]
    for row in rows:
        errors = sum(row["errors"].values())
        lines.append(
            f"{row['name']:36} {row['mode']:9} {row['connections']:4d} {row['rps']:8.1f} {row['p50_ms']:8.1f} "
            f"{row['p95_ms']:8.1f} {row['p99_ms']:8.1f} {errors:6d}"
        )
    lines.append("-" * 95)
    lines.append(
        f"contribution report {report['year']}, {report['units']} units, engine only, {REPORT_RUNS} runs: "
        f"median {report['median_ms']:.0f} ms, p95 {report['p95_ms']:.0f} ms, max {report['max_ms']:.0f} ms"
    )
    if report.get("plan_document_ms"):
        lines.append(f"whole-plan .docx: median {statistics.median(report['plan_document_ms']):.0f} ms")
    return "\n".join(lines)


def _stop(signum, frame):
    # So that an interrupted run still stops its gunicorn (the context manager's exit runs).
    raise SystemExit(f"stopped by signal {signum}")


def main():
    signal.signal(signal.SIGTERM, _stop)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    started = time.monotonic()
    timings = prepare_database()
    django_setup()
    from bench.seed import seeded_stories
    from exemplars.models import ExemplarPage

    info = machine()
    targets = pick_targets()
    cookie = board_cookie()
    year, units, runs = time_report()
    report = {
        "year": year,
        "units": units,
        "runs_ms": [round(r, 1) for r in runs],
        "median_ms": statistics.median(runs),
        "p95_ms": sorted(runs)[int(0.95 * (len(runs) - 1))],
        "max_ms": max(runs),
        # Goal (issue 16): under 2 s at 30,000 stories.
        "plan_document_ms": [round(r, 1) for r in time_plan_document()],
    }
    from bench import sitemap as sitemap_bench  # issue 20, item 3: each sitemap page under 300 ms

    report["sitemaps"] = sitemap_bench.measure()
    say(sitemap_bench.summary(report["sitemaps"]))
    rows = measure("uncached", 0, targets, cookie)
    rows += measure("cached", CONFIG["cache_seconds"], targets, cookie)
    # Readers under load while the Board publishes every 10 s: p95 and the page cache's hit rate.
    from bench.publishing import measure_publishing

    rows.append(measure_publishing(targets))
    # docs/deploy.md "Beyond one machine": two instances behind nginx's micro-cache, against nginx's static file.
    from bench import two_instances

    rows += two_instances.measure()
    result = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
        "config": {k: v for k, v in CONFIG.items() if k != "database_url"},
        "data": {
            "stories_live": ExemplarPage.objects.live().filter(locale__language_code="vi").count(),
            "stories_seeded": seeded_stories().count(),
        },
        "timings": {**timings, "total_seconds": round(time.monotonic() - started, 1)},
        "machine": info,
        "report": report,
        "endpoints": rows,
    }
    text = table(rows, report)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    payload = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    (RESULTS / f"{stamp}.json").write_text(payload)
    (RESULTS / "latest.json").write_text(payload)
    say(f"written bench/results/{stamp}.json and bench/results/latest.json")


if __name__ == "__main__":
    main()
