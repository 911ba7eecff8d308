"""`make bench`: readers load the cached site while the Board publishes a story every 10 seconds.

``measure_publishing(targets)`` (called by bench/run.py main() with its targets) serves the site with
the page cache on, as bench/run.py does, runs wrk for BENCH_PUBLISH_DURATION seconds over a mix of
public pages (every public, non-static target of bench/run.py, the homes of every language, unit
sections and unit feeds) at the highest BENCH_CONNECTIONS, and meanwhile a second process publishes
one of the stories being read every BENCH_PUBLISH_EVERY seconds the way the admin does (a revision,
then publish, so every signal and invalidation runs). The row it returns has the usual figures plus
the page cache's hit rate counted from the X-Page-Cache header (bench/wrk_cache_hits.lua).

    BENCH_PUBLISH_DURATION [60]  BENCH_PUBLISH_EVERY [10]

Run alone (against BENCH_DATABASE_URL, which must be seeded): python -m bench.publishing
"""

import json
import os
import subprocess
import sys
import tempfile
import time

from bench import run

LUA = run.ROOT / "bench" / "wrk_cache_hits.lua"
DURATION = int(run.setting("BENCH_PUBLISH_DURATION", "60"))
EVERY = int(run.setting("BENCH_PUBLISH_EVERY", "10"))
NAME = f"mix, Board publishes every {EVERY} s"


def reader_paths(targets):
    """The public pages of bench/run.py's targets, and more of what readers browse."""
    from exemplars.models import UnitSectionPage

    paths = []
    for name, target, needs_cookie in targets:
        if not needs_cookie and "static" not in name:
            paths += target if isinstance(target, list) else [target]
    sections = UnitSectionPage.objects.live().filter(locale__language_code="vi").select_related("unit")[:20]
    paths += [section.url for section in sections]
    paths += [f"/rss/don-vi/{section.unit.slug}/" for section in sections]
    return [*paths, "/en/", "/km/", "/atom/"]


def stories_to_publish():
    """Ids of the demo's live stories (they have revisions, as stories published through the admin
    do). Not the seeded ones: a seeded story once published has a live revision, and bench/seed.py
    would no longer count it as seeded, so the next `make bench` would ask for a fresh database."""
    from exemplars.models import ExemplarPage

    stories = ExemplarPage.objects.live().filter(locale__language_code="vi", live_revision__isnull=False)
    return list(stories.order_by("-first_published_at").values_list("pk", flat=True)[:100])


def wrk(server, paths, connections, duration):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(paths) + "\n")
    command = [
        "wrk",
        f"-t{min(run.CONFIG['threads'], connections)}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout=10s",
        "-s",
        str(LUA),
        server.base + paths[0],
        "--",
        listing.name,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    os.unlink(listing.name)
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    return json.loads(line.removeprefix("BENCH_JSON "))


def measure_publishing(targets, duration=DURATION, every=EVERY):
    """One row for bench/run.py's table: the mix under load while the Board publishes."""
    paths = reader_paths(targets)
    story_ids = stories_to_publish()
    connections = max(run.CONFIG["connections"])
    run.flush_cache()
    with run.Server(run.CONFIG["cache_seconds"]) as server:
        for path in paths:
            status, _body, _headers = server.fetch(path)
            if status != 200:
                raise SystemExit(f"publishing: {path} answered {status}")
        publisher = subprocess.Popen(
            [run.PYTHON, "-m", "bench.publishing", "publish", str(every), str(duration), *map(str, story_ids)],
            cwd=run.ROOT,
            env=server.env,
            stdout=subprocess.PIPE,
            text=True,
        )
        # Its clock starts once Django is set up, with wrk's.
        if publisher.stdout.readline().strip() != "ready":
            raise SystemExit("publishing: the publisher did not start")
        try:
            result = wrk(server, paths, connections, duration)
        finally:
            publisher.terminate()
            published_ms = [float(line) for line in publisher.communicate(timeout=60)[0].split()]
    answered = result["cache"]["hit"] + result["cache"]["miss"]
    result.update(
        name=NAME,
        mode="cached",
        connections=connections,
        path=paths[0],
        paths=len(paths),
        publishes=len(published_ms),
        publish_ms=published_ms,
        hit_rate=round(result["cache"]["hit"] / answered, 4) if answered else 0.0,
    )
    run.say(
        f"{NAME}: c={connections} {result['rps']:.1f} req/s p95 {result['p95_ms']:.1f} ms, "
        f"page cache hit rate {100 * result['hit_rate']:.1f}% over {result['requests']} requests, "
        f"{len(published_ms)} publishes"
    )
    return result


def publish_loop(every, duration, story_ids):
    """The Board at work: one story published every ``every`` seconds, each time the next one;
    prints how long each publish took (ms), one per line."""
    import django

    django.setup()
    from exemplars.models import ExemplarPage

    print("ready", flush=True)
    started = time.monotonic()
    for count in range(int(duration // every)):
        time.sleep(max(0.0, started + (count + 1) * every - time.monotonic()))
        story = ExemplarPage.objects.get(pk=story_ids[count % len(story_ids)])
        title = story.title.split(" (cập nhật")[0]
        story.title = f"{title} (cập nhật lần {count + 1})"
        began = time.perf_counter()
        story.save_revision().publish()
        print(f"{1000 * (time.perf_counter() - began):.1f}", flush=True)


def main():
    run.django_setup()
    row = measure_publishing(run.pick_targets())
    print(json.dumps({k: v for k, v in row.items() if k != "publish_ms"}, ensure_ascii=False))


if __name__ == "__main__":
    if sys.argv[1:2] == ["publish"]:
        publish_loop(float(sys.argv[2]), float(sys.argv[3]), [int(pk) for pk in sys.argv[4:]])
    else:
        main()
