"""Generations: tokens that cached things are keyed on, so that moving a token makes them stale.

Two kinds:

* **The content generation** (``generation()``): moved on every change readers may see, whatever it
  is. Caches of what is built from all the content (the home page's counts, fragments) key on it.
* **Path generations** (``path_generations()``): one per URL path, plus one for every path at once
  (``EVERY_PATH``). A cached public page (cms/page_cache.py) is keyed on both its path's and the
  every-path generation, so a publish moves only the paths the page shows on
  (``invalidate_paths()``, worked out in cms/cache_invalidation.py) and the rest stays cached, while
  a change shown on every page (``invalidate()``) moves the every-path one. Both also move the
  content generation.

A generation is an opaque token, never reused: a new random token is written on every bump, and a
token found missing (never set, expired or evicted) is replaced by a new one, so a lost token can
only make pages stale, never bring an old page back.

Where the generations live: with a shared cache (Redis) in the cache itself, read in one
``get_many`` per request and written in one ``set_many`` per change; with the local-memory cache,
which each worker process has its own of, in small files (PAGE_CACHE_GENERATION_FILE for the
content generation, and a file per path in the folder beside it, named ``<file>.paths``) that every
process on the machine checks (one stat call per generation), so a publish handled by one worker is
seen at once by the others.
"""

import hashlib
import logging
import os
import secrets
import tempfile
from contextvars import ContextVar
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
PATH_GENERATION_KEY = "pagecache:generation:path:{}"
# The generation every cached page holds besides its own path's: moved, it makes all of them stale.
EVERY_PATH = "*"
# The one generation of the paths that list every page (cms/page_cache.py ``cache_path()``): the
# search page, the sitemaps, the API. Also moved when the search index changes (search/tasks.py).
EVERY_PAGE_LISTING = "every-page-listing"
# Path generations are kept a day after their last change; one expired is replaced by a new token.
PATH_GENERATION_SECONDS = 24 * 3600


def store():
    """The cache holding the cached pages and their generations (PAGE_CACHE_ALIAS)."""
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _generation_file():
    path = getattr(settings, "PAGE_CACHE_GENERATION_FILE", None)
    return Path(path) if path else None


def _path_digest(path):
    return hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _new_token():
    return secrets.token_hex(8)


def _file_token(path):
    try:
        stat = path.stat()
    except OSError:
        return "0"
    # A new file (new inode) is written on every bump, so the pair changes every time.
    return f"{stat.st_ino}.{stat.st_mtime_ns}"


def _path_file(generation_file, path):
    return generation_file.with_name(f"{generation_file.name}.paths") / _path_digest(path)


# Within a request the content generation is read from the cache once: the page's fragments, the
# visibility snapshot (core/visibility.py) and Wagtail's view-restriction check each ask, three
# Redis round trips an uncached listing. A change this request makes updates it (``_bump``); one
# made elsewhere meanwhile is seen by the next request, as if this one had started a moment earlier.
# Outside a request (tasks, commands) it is read on every call.
_read_in_request = ContextVar("content_generation_read_in_request", default=None)


def _request_started(**kwargs):
    _read_in_request.set({})


def _request_finished(**kwargs):
    _read_in_request.set(None)


def register_signal_handlers():
    request_started.connect(_request_started, dispatch_uid="content_generation_request_started")
    request_finished.connect(_request_finished, dispatch_uid="content_generation_request_finished")


def generation():
    """The current content generation: moved by every change readers may see."""
    path = _generation_file()
    if path is not None:
        return _file_token(path)  # a stat call: nothing to spare
    read = _read_in_request.get()
    if read is not None and GENERATION_KEY in read:
        return read[GENERATION_KEY]
    token = _cache_tokens([GENERATION_KEY])[0]
    if read is not None:
        read[GENERATION_KEY] = token
    return token


def path_generations(*paths):
    """The current generations of ``paths`` (``EVERY_PATH`` for the one of every path), in order."""
    generation_file = _generation_file()
    if generation_file is not None:
        return tuple(_file_token(_path_file(generation_file, path)) for path in paths)
    return _cache_tokens([PATH_GENERATION_KEY.format(_path_digest(path)) for path in paths])


def _cache_tokens(keys):
    cache = store()
    found = cache.get_many(keys)
    tokens = []
    for key in keys:
        token = found.get(key)
        if token is None:  # never set, expired or evicted: a new token, so nothing older is served
            timeout = None if key == GENERATION_KEY else PATH_GENERATION_SECONDS
            cache.add(key, _new_token(), timeout=timeout)
            token = cache.get(key)
        tokens.append(token)
    return tuple(tokens)


def _write_token_file(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, prefix=".page-cache-", delete=False) as new:
        new.write(_new_token())
    os.replace(new.name, path)


def _bump(paths):
    generation_file = _generation_file()
    if generation_file is not None:
        try:
            for path in paths:
                _write_token_file(_path_file(generation_file, path))
            _write_token_file(generation_file)
            return
        except OSError:
            logger.exception("Cannot write beside %s; clearing the page cache instead", generation_file)
            store().clear()
            return
    tokens = {PATH_GENERATION_KEY.format(_path_digest(path)): _new_token() for path in paths}
    store().set_many(tokens, timeout=PATH_GENERATION_SECONDS)
    token = _new_token()
    store().set(GENERATION_KEY, token, timeout=None)
    read = _read_in_request.get()
    if read is not None:
        read[GENERATION_KEY] = token


def invalidate_paths(paths):
    """Make the cached pages at ``paths`` (every query string of each) stale, and move the content
    generation.

    Bumped at once (this process reads its own writes) and again after the transaction commits,
    so that a reader who refilled the cache from the old rows in between is not believed."""
    paths = sorted(set(paths))
    _bump(paths)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump(paths))


def invalidate():
    """Make every cached page, feed and count stale (a change shown on every page)."""
    invalidate_paths([EVERY_PATH])
