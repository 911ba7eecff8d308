"""A cache backend that keeps a process's own copy of what it reads from a shared cache.

For the fragments of public pages (core/fragments.py) and the ``{% cache %}`` tag's
(``template_fragments``): their keys hold the content generation, a random token replaced on
every change readers may see and never reused (core/cache_generation.py), so what a key names
never changes and a copy in the process's memory is as fresh as the shared one. With Redis, an
uncached listing otherwise makes a dozen round trips for a dozen fragments (menus, breadcrumbs,
SEO tags, filter options, counts, the cards), each ~0.15 ms plus redis-py's and pickle's work:
measured on the bench's listing, 15 cache reads a request became 4 (the generation, read three
times until core/cache_generation.py kept it per request, and Wagtail's site root paths)
(docs/benchmarks.md, issue 20 fourth round).

Reads try the process's copy, then the shared cache (copying what it finds); writes go to both.
The copy is Django's local-memory cache (pickled, so a caller changing what it read changes no
one else's; bounded by MAX_ENTRIES, culled oldest first) and keeps an entry at most
``FRONT_SECONDS``, which bounds how long a copy outlives the shared entry (a shared cache emptied by
hand, a fragment rebuilt under the same generation after content was written without signals).

    CACHES["fragments"] = {"BACKEND": "core.fronted_cache.FrontedCache", "LOCATION": "default",
                           "OPTIONS": {"MAX_ENTRIES": 3000, "FRONT_SECONDS": 600}}

LOCATION names the shared cache. Only for keys that name their content: a key whose value changes
in place (a counter, a rate limit, a lock) must never go through it.
"""

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache

FRONT_SECONDS = 600


class FrontedCache(BaseCache):
    def __init__(self, location, params):
        options = dict(params.get("OPTIONS") or {})
        front_seconds = int(options.pop("FRONT_SECONDS", FRONT_SECONDS))
        super().__init__({**params, "OPTIONS": options})
        self._behind_alias = location
        # One copy per process and shared cache, whichever alias (and thread) reads through it.
        self._front = LocMemCache(
            f"fronted:{location}", {"TIMEOUT": front_seconds, "OPTIONS": {"MAX_ENTRIES": self._max_entries}}
        )

    @property
    def _behind(self):
        return caches[self._behind_alias]

    def get(self, key, default=None, version=None):
        missing = object()
        value = self._front.get(key, missing, version=version)
        if value is missing:
            value = self._behind.get(key, missing, version=version)
            if value is missing:
                return default
            self._front.set(key, value, version=version)
        return value

    def get_many(self, keys, version=None):
        found = self._front.get_many(keys, version=version)
        rest = [key for key in keys if key not in found]
        if rest:
            shared = self._behind.get_many(rest, version=version)
            if shared:
                self._front.set_many(shared, version=version)
                found.update(shared)
        return found

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._behind.set(key, value, timeout, version=version)
        self._front.set(key, value, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        failed = self._behind.set_many(data, timeout, version=version)
        self._front.set_many(data, version=version)
        return failed

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = self._behind.add(key, value, timeout, version=version)
        if added:
            self._front.set(key, value, version=version)
        return added

    def delete(self, key, version=None):
        self._front.delete(key, version=version)
        return self._behind.delete(key, version=version)

    def delete_many(self, keys, version=None):
        self._front.delete_many(keys, version=version)
        self._behind.delete_many(keys, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._behind.touch(key, timeout, version=version)

    def has_key(self, key, version=None):
        return self._front.has_key(key, version=version) or self._behind.has_key(key, version=version)

    def incr(self, key, delta=1, version=None):
        raise NotImplementedError("a fronted cache holds entries that never change in place")

    def clear(self):
        self._front.clear()
        self._behind.clear()
