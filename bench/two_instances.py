"""The setup of docs/deploy.md "Beyond one machine", on loopback: two gunicorn instances under
production settings (one PostgreSQL, one Redis, APP_INSTANCES=2) behind nginx with its one-second
micro-cache (bench/nginx-two-instances.conf.template). wrk loads the micro-cached home page and,
as the ceiling, a static file nginx serves itself; the goal is at least a third of the ceiling.

bench/run.py's main() calls measure(); alone, against a copy of the bench database:

    createdb -h 127.0.0.1 -U postgres -T newsroom_bench_base deploy_bench
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/deploy_bench BENCH_DURATION=5 \\
        .venv/bin/python -m bench.two_instances
"""

import contextlib
import getpass
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.run import CONFIG, PYTHON, ROOT, flush_cache, free_port, say, server_env, static_name, wrk

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
TEMPLATE = ROOT / "bench" / "nginx-two-instances.conf.template"
PREFIX = ROOT / "tmp" / "bench-nginx"
CONNECTIONS = 16
# At least a third of what nginx manages serving a file itself (issue 20, item 7).
GOAL = 1 / 3
STATIC_URL = "/static/"  # production's (cms/settings/base.py), served by the template's /static/ location


class Endpoint:
    """What bench.run.wrk needs: a base URL."""

    def __init__(self, base):
        self.base = base


def _wait(url, process, what, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{what} stopped (exit status {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                return response.status, dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers)
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{what} did not answer within {seconds} s")


def _gunicorn(port, workers):
    env = server_env(CONFIG["cache_seconds"])
    env["APP_INSTANCES"] = "2"
    command = [
        str(Path(PYTHON).parent / "gunicorn"),
        "cms.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--log-level=warning",
    ]
    return subprocess.Popen(command, cwd=ROOT, env=env)


def write_config(port, upstream_ports):
    """nginx's configuration for this run, from the template; returns its path."""
    shutil.rmtree(PREFIX, ignore_errors=True)
    PREFIX.mkdir(parents=True)
    text = TEMPLATE.read_text()
    values = {
        "PREFIX": str(PREFIX),
        "USER": getpass.getuser(),
        "PORT": str(port),
        "PORT_1": str(upstream_ports[0]),
        "PORT_2": str(upstream_ports[1]),
        "STATIC_ROOT": server_env()["STATIC_ROOT"],
    }
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    path = PREFIX / "nginx.conf"
    path.write_text(text)
    return path


def _stop(process):
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def _run(name, nginx, endpoint, path, expect_cache_header):
    """Warm up ``path`` through nginx, check how it is answered, and load it with wrk."""
    status, headers = _wait(endpoint.base + path, nginx, "nginx")
    if status != 200:
        raise SystemExit(f"two instances: {path} answered {status} through nginx")
    if expect_cache_header and headers.get("X-Micro-Cache") not in {"MISS", "HIT", "UPDATING", "STALE", "EXPIRED"}:
        raise SystemExit(f"two instances: {path} is not micro-cached ({headers.get('X-Micro-Cache')!r})")
    _, headers = _wait(endpoint.base + path, nginx, "nginx")
    result = wrk(endpoint, [path], None, CONNECTIONS)
    result.update(
        name=name,
        mode="2 inst.",
        connections=CONNECTIONS,
        path=path,
        paths=1,
        cache_header=headers.get("X-Micro-Cache", ""),
    )
    say(f"two-inst. c={CONNECTIONS:<3} {name:34} {result['rps']:8.1f} req/s p95 {result['p95_ms']:7.1f} ms")
    return result


@contextlib.contextmanager
def running():
    """Two gunicorn instances and nginx in front of them; yields (nginx's Endpoint, its process)."""
    if not shutil.which(NGINX):
        raise SystemExit("nginx is needed: apt-get install nginx")
    flush_cache()
    workers = max(2, (CONFIG["workers"] + 1) // 2)
    ports = [free_port(), free_port()]
    port = free_port()
    instances, nginx = [], None
    try:
        instances = [_gunicorn(p, workers) for p in ports]
        for p, process in zip(ports, instances, strict=True):
            _wait(f"http://127.0.0.1:{p}/robots.txt", process, f"gunicorn on port {p}")
        nginx = subprocess.Popen([NGINX, "-p", str(PREFIX), "-c", str(write_config(port, ports)), "-e", "stderr"])
        endpoint = Endpoint(f"http://127.0.0.1:{port}")
        _wait(endpoint.base + "/robots.txt", nginx, "nginx")
        yield endpoint, nginx
    finally:
        _stop(nginx)
        for process in instances:
            _stop(process)


def measure(path="/"):
    """Rows for bench/run.py's table: the micro-cached ``path`` and nginx's static file, both at 16 connections."""
    if CONFIG["redis_url"] == "none":
        say("two instances skipped: they share the cache in Redis (BENCH_REDIS_URL is none)")
        return []
    with running() as (endpoint, nginx):
        static = STATIC_URL + static_name("css/site.css")
        rows = [
            _run("micro-cached home (nginx, 2 × gunicorn)", nginx, endpoint, path, True),
            _run("static css from nginx (ceiling)", nginx, endpoint, static, False),
        ]
    ratio = rows[0]["rps"] / rows[1]["rps"] if rows[1]["rps"] else 0
    rows[0]["ratio_to_static"] = round(ratio, 3)
    verdict = "meets" if ratio >= GOAL else "misses"
    say(f"two instances: micro-cached page at {ratio:.2f} of nginx's static file ({verdict} the goal of 1/3)")
    return rows


if __name__ == "__main__":
    import json

    print(json.dumps(measure(), indent=2))
