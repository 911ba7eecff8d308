"""Keep the long-lived heap out of the garbage collector's full passes (``gc.freeze``).

A worker holds some 240,000 objects that live as long as it does (Django, Wagtail, the URL
resolvers, compiled templates). CPython's full collection walks all of them: on the bench machine
one took 250-300 ms, and a broad search, which allocates a few thousand rows, set one off every
fifteen requests or so, so its p95 was more than twice its p50 (326 vs 145 ms; with the heap
frozen, 132 vs 112 ms: bench/results, docs/benchmarks.md). Freezing moves what exists into a
generation the collector never walks; objects there are still freed by reference counting, only
cycles among them are not (and start-up objects are not garbage).

The heap is frozen when the application is loaded and again after each of the worker's first few
requests, which import and compile what start-up does not (templates, lazily imported views).
"""

import gc

from django.core.signals import request_finished

# Requests after which the heap is frozen again: enough for the public pages' templates and views.
FREEZE_AFTER_REQUESTS = 5
_served = 0


def freeze_long_lived_heap():
    """Collect what is garbage now, then freeze the rest; and again after the first requests."""
    gc.collect()
    gc.freeze()
    request_finished.connect(_after_request, dispatch_uid="cms.heap.freeze")


def _after_request(**kwargs):
    # request_finished comes when the server closes the response, after its body has been sent.
    global _served
    _served += 1
    gc.collect()
    gc.freeze()
    if _served >= FREEZE_AFTER_REQUESTS:
        request_finished.disconnect(dispatch_uid="cms.heap.freeze")
