"""The sitemaps at scale (issue 20, item 3): how long each document takes to build, in-process.

``measure()`` runs after ``bench.run.django_setup()`` (production settings on the bench database):
it builds the index and every page of the default site's sitemap several times, each with a fresh
stand-in request as a crawler's own request would be, and reports p50 and max per document, the
queries each costs, and a whole rebuild as the worker runs it (rolled back: the bench database
keeps the documents ``manage.py build_sitemaps`` stored when it was prepared). Goal: every
document under 300 ms at 30,000 stories.

Alone: ``BENCH_DATABASE_URL=postgres://…/copy python -m bench.sitemap``.
"""

import json
import statistics
import time

RUNS = 5


def _timed(build):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started, cpu = time.perf_counter(), time.process_time()
        content = build()
        elapsed, cpu = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
    sql = sum(float(query["time"]) for query in queries.captured_queries) * 1000
    return elapsed, len(queries), len(content), cpu, sql


def _summary(timings):
    return {"p50_ms": round(statistics.median(timings), 1), "max_ms": round(max(timings), 1)}


def measure(runs=RUNS):
    from django.db import transaction
    from wagtail.models import Site

    from cms.sitemap_store import rebuild_site
    from cms.sitemaps import NewsroomSitemap, build_index, build_page
    from core.sites import request_for_site

    site = Site.objects.select_related("root_page").get(is_default_site=True)
    paginator = NewsroomSitemap(request_for_site(site)).paginator
    index, pages, queries, sizes, cpu, sql = [], [], set(), [], [], []
    for _run in range(runs):
        index.append(_timed(lambda: build_index(request_for_site(site), site.root_url))[0])
        for number in paginator.page_range:
            timing = _timed(lambda number=number: build_page(request_for_site(site), str(number)))
            pages.append(timing[0])
            queries.add(timing[1])
            sizes.append(timing[2])
            cpu.append(timing[3])
            sql.append(timing[4])
    with transaction.atomic():
        started = time.perf_counter()
        documents = rebuild_site(site)
        rebuild_seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    return {
        "page_size": paginator.per_page,
        "urls": paginator.count,
        "pages": paginator.num_pages,
        "runs": runs,
        "index": _summary(index),
        "page": _summary(pages),
        # Where a page's time goes: this process's CPU (Python) and the queries' own time.
        "page_cpu": _summary(cpu),
        "page_sql": _summary(sql),
        "queries_per_page": sorted(queries),
        "largest_page_kb": round(max(sizes) / 1024),
        "rebuild": {"documents": documents, "seconds": round(rebuild_seconds, 2)},
    }


def summary(figures):
    """One line for bench/run.py's output."""
    return (
        f"sitemaps: {figures['urls']} URLs in {figures['pages']} pages of {figures['page_size']}; build "
        f"per page p50 {figures['page']['p50_ms']:.0f} ms, max {figures['page']['max_ms']:.0f} ms "
        f"(python {figures['page_cpu']['p50_ms']:.0f} ms, sql {figures['page_sql']['p50_ms']:.0f} ms; "
        f"{figures['queries_per_page']} queries); index p50 {figures['index']['p50_ms']:.0f} ms, max "
        f"{figures['index']['max_ms']:.0f} ms; whole rebuild (worker) {figures['rebuild']['seconds']} s"
    )


if __name__ == "__main__":
    from bench.run import django_setup

    django_setup()
    figures = measure()
    print(json.dumps(figures, indent=2))
    print(summary(figures))
