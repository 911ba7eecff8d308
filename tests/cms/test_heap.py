"""The served application keeps its long-lived heap out of the collector's full passes (cms/heap.py):
without it a broad search's p95 was twice its p50 (docs/benchmarks.md)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Loads the WSGI application as a server would, then ends requests the way a server does; prints the
# number of objects the collector still walks (gc.get_objects) at start-up and after each request.
PROBE = """
import gc, json
from django.core.signals import request_finished
import cms.wsgi
walked = [len(gc.get_objects())]
kept = []
for _ in range(7):
    kept.append([[] for _ in range(100)])  # what a request leaves behind (compiled templates, imports)
    request_finished.send(sender=None)
    walked.append(len(gc.get_objects()))
print(json.dumps([gc.get_freeze_count(), walked]))
"""


def probe():
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="cms.settings.test")
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_the_application_freezes_its_heap_at_start_and_after_the_first_requests():
    frozen, walked = probe()
    assert frozen > 50_000, "Django's and Wagtail's start-up heap is out of the collector's reach"
    assert walked[0] < 100, "at start-up, only what the probe itself made since is left to walk"
    assert walked[1:6] == [0] * 5, "after each of the first five requests, nothing is left to walk"
    assert walked[6] > 100, "later requests pay for no collection at their end"
