"""The benchmark: a PostgreSQL database seeded with tens of thousands of stories, a gunicorn
server under production settings, and wrk measuring it (see docs/benchmarks.md)."""
