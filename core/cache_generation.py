"""The generation of what is cached from the content: one number that every cached public page and
feed (cms/page_cache.py) and every cached count the pages are built from (home/listings.py) is
keyed on, so that moving it makes all of them stale at once. cms/cache_invalidation.py moves it
whenever something readers see changes.

Where the generation lives: with a shared cache (Redis) in the cache itself; with the local-memory
cache, which each worker process has its own of, in a small file (PAGE_CACHE_GENERATION_FILE) that
every process on the machine checks (one stat call per request), so a publish handled by one
worker is seen at once by the others.
"""

import logging
import os
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"


def store():
    """The cache holding the cached pages and their generation (PAGE_CACHE_ALIAS)."""
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _generation_file():
    path = getattr(settings, "PAGE_CACHE_GENERATION_FILE", None)
    return Path(path) if path else None


def generation():
    """The current generation; started from the clock so that a lost counter never reuses old keys."""
    path = _generation_file()
    if path is not None:
        try:
            stat = path.stat()
        except OSError:
            return "0"
        # A new file (new inode) is written on every bump, so the pair changes every time.
        return f"{stat.st_ino}.{stat.st_mtime_ns}"
    cache = store()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def _bump():
    path = _generation_file()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", dir=path.parent, prefix=".page-cache-", delete=False) as new:
                new.write(str(time.time_ns()))
            os.replace(new.name, path)
            return
        except OSError:
            logger.exception("Cannot write %s; clearing the page cache instead", path)
            store().clear()
            return
    cache = store()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet (or evicted): start a new one past every old value
        cache.set(GENERATION_KEY, time.time_ns() // 1000, timeout=None)


def invalidate():
    """Make every cached page, feed and count stale.

    Bumped at once (this process reads its own writes) and again after the transaction commits,
    so that a reader who refilled the cache from the old rows in between is not believed."""
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)
