"""tests/cms: shared helpers."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest


def production_settings():
    """cms/settings/production.py's values as it computes them from a valid environment."""
    import os
    import runpy

    env = {"SECRET_KEY": "k" * 20 + "Q7v-9xZ_3mLp0aR8sT2uW5yB1cE4fH6j", "ALLOWED_HOSTS": "guongdienhinh.soctrang.vn"}
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        return runpy.run_module("cms.settings.production")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name)
            else:
                os.environ[name] = value


class _PurgeRecorder(BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.purged.append(f"{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    """A stand-in CDN on a local port that records the URLs Wagtail's HTTP backend purges
    (the page cache's and the sitemaps' tests)."""
    server = HTTPServer(("127.0.0.1", 0), _PurgeRecorder)
    _PurgeRecorder.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield _PurgeRecorder.purged
    server.shutdown()
    server.server_close()
