"""Valid HTML: the Nu HTML Checker (vnu-jar from npm, run with the machine's Java) finds no error on
the public pages in every language, nor on the "page not found" page."""

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.utils import timezone

from campaigns.models import CampaignIndexPage, HonouringEventPage
from columns.models import ColumnIndexPage, OutletPage
from exemplars.models import ExemplarPage
from submissions.models import DifficultyReportFormPage, NominationFormPage
from tests.e2e.conftest import VNU_JAR
from tests.e2e.content import LANGUAGES, build_public_site

PAGES = ("home", "listing", "story", "search", "campaign", "column", "article", "hall")


def public_pages(site):
    """Name -> path of the pages to check: the key pages per language, then other page types."""
    pages = {f"{language}-{name}": getattr(site[language], name) for language in LANGUAGES for name in PAGES}

    def vi(model):
        return model.objects.live().filter(locale__language_code="vi").first().url

    pages |= {
        "vi-listing-filtered": f"{site['vi'].listing}?kind=exemplar&page=1",
        "vi-hall-filtered": f"{site['vi'].hall}?level=state&year=2019",
        "vi-search-empty": "/tim-kiem/",
        "vi-search-nothing-found": "/tim-kiem/?q=khongcogica",
        "vi-unit-section": site.stories[0].get_parent().url,
        "vi-campaign-index": vi(CampaignIndexPage),
        "vi-honouring-event": vi(HonouringEventPage),
        "vi-column-index": vi(ColumnIndexPage),
        "vi-outlet": vi(OutletPage),
        "vi-nomination-form": vi(NominationFormPage),
        "vi-difficulty-form": vi(DifficultyReportFormPage),
        "en-nomination-form": NominationFormPage.objects.get(locale__language_code="en").url,
    }
    return pages


def validate(files):
    """The Nu HTML Checker's messages about ``files``, in one run (the JVM is slow to start)."""
    java = shutil.which("java")
    assert java, "java is not on PATH: the Nu HTML Checker needs it"
    assert VNU_JAR.exists(), f"{VNU_JAR} is missing: run `npm ci`"
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(result.stdout)["messages"]


@pytest.mark.e2e
def test_public_pages_are_valid_html(newsroom, media_root, client, tmp_path):
    site = build_public_site()
    # Real publishing times carry microseconds, which a <time datetime> must not show.
    ExemplarPage.objects.filter(pk=site.story["vi"].pk).update(first_published_at=timezone.now())
    files = []
    for name, path in public_pages(site).items():
        response = client.get(path)
        assert response.status_code == 200, f"{path}: {response.status_code}"
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    files.append(tmp_path / "not-found.html")
    files[-1].write_bytes(response.content)

    messages = validate(files)

    errors = [
        f"{Path(unquote(urlsplit(m.get('url', '')).path)).stem} line {m.get('lastLine')}: {m['message']} "
        f"[{m.get('extract', '').strip()[:100]}]"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]
    assert not errors, "the Nu HTML Checker found errors:\n" + "\n".join(errors)
