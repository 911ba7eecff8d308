"""EXPLAIN ANALYZE the slowest queries of each benchmarked page, on the bench database.

Each endpoint of bench.run is rendered in-process (page cache off) while its queries are
captured; the slowest ones are explained. The plans in docs/benchmarks.md come from here:

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench python -m bench.explain [--top 2]
"""

import argparse

from bench import run


def explain(sql):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, BUFFERS OFF) " + sql)
        return [row[0] for row in cursor.fetchall()]


def main(argv=None):
    parser = argparse.ArgumentParser(description="EXPLAIN ANALYZE the slowest queries of each benchmarked page.")
    parser.add_argument("--top", type=int, default=2)
    parser.add_argument("--only", help="only endpoints whose name contains this")
    args = parser.parse_args(argv)
    run.django_setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    run.board_cookie()
    board = Client()
    board.force_login(get_user_model().objects.get(username="bench-board"))
    anonymous = Client()
    for name, paths, needs_cookie in run.pick_targets():
        if "static" in name or (args.only and args.only not in name):
            continue
        path = paths[0] if isinstance(paths, list) else paths
        client = board if needs_cookie else anonymous
        client.get(path, HTTP_HOST="127.0.0.1")  # warm
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path, HTTP_HOST="127.0.0.1")
        total = sum(float(q["time"]) for q in captured.captured_queries)
        print(f"\n=== {name}: {path} -> {response.status_code}, {len(captured)} queries, {total * 1000:.1f} ms in SQL")
        slowest = sorted(captured.captured_queries, key=lambda q: float(q["time"]), reverse=True)[: args.top]
        for query in slowest:
            print(f"--- {float(query['time']) * 1000:.1f} ms: {query['sql'][:300]}")
            for line in explain(query["sql"]):
                print("    " + line)


if __name__ == "__main__":
    main()
