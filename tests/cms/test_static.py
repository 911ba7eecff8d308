"""Static files under production's storage: hashed names, Brotli and gzip copies, and whitenoise
serving them compressed and cached for good."""

import io
import re

import pytest
from django.core.management import call_command
from django.template import engines
from django.test import Client

from tests.cms.conftest import production_settings

HASHED = r"[0-9a-f]{12}"


@pytest.fixture
def collected(settings, tmp_path):
    """Our own static files collected as production collects them, into a folder of this test's own."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": production_settings()["STORAGES"]["staticfiles"]}
    # Our static folder only: the admin's thousands of files would add nothing but minutes.
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.WHITENOISE_AUTOREFRESH = False
    settings.WHITENOISE_USE_FINDERS = False
    call_command("collectstatic", interactive=False, verbosity=0, stdout=io.StringIO())
    return tmp_path


def test_collectstatic_writes_hashed_names_with_brotli_and_gzip_copies(collected):
    css = [path.name for path in (collected / "css").iterdir()]
    hashed = next(name for name in css if re.fullmatch(rf"site\.{HASHED}\.css", name))
    assert f"{hashed}.br" in css
    assert f"{hashed}.gz" in css
    assert (collected / "staticfiles.json").exists()


def test_templates_link_the_hashed_names(collected):
    url = engines["django"].from_string("{% load static %}{% static 'css/site.css' %}").render()
    assert re.fullmatch(rf"/static/css/site\.{HASHED}\.css", url)


@pytest.mark.django_db
def test_the_home_page_links_hashed_files_that_whitenoise_serves_compressed_and_immutable(collected, newsroom):
    html = Client().get("/").content.decode()
    url = re.search(rf'href="(/static/css/site\.{HASHED}\.css)"', html).group(1)

    response = Client().get(url, HTTP_ACCEPT_ENCODING="br, gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    assert "immutable" in response["Cache-Control"]
    assert "max-age=315360000" in response["Cache-Control"]

    gzipped = Client().get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert gzipped["Content-Encoding"] == "gzip"
    plain = Client().get(url)
    assert "Content-Encoding" not in plain
    assert b"".join(plain.streaming_content).strip()
