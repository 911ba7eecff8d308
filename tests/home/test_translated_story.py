"""A story translated into Khmer and English, seen through every door the portals and readers use."""

import xml.etree.ElementTree as ET

import feedparser
import pytest
from wagtail.models import Locale

from tests.factories import ExemplarPageFactory

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


@pytest.mark.django_db
def test_translated_story_in_pages_feeds_sitemap_and_api(client, section):
    story = ExemplarPageFactory(parent=section, title="Ông Sơn Thươl hiến đất làm đường")
    story.save_revision().publish()
    versions = {"vi": story}
    for language, title in [("en", "Mr Sơn Thươl gives land for a road"), ("km", "លោក សឺន ធឿល បរិច្ចាគដី")]:
        translation = story.copy_for_translation(Locale.objects.get(language_code=language))
        translation.title = title
        translation.save_revision().publish()
        versions[language] = translation

    for language, page in versions.items():
        html = client.get(page.url).content.decode()
        assert page.title in html
        assert all(f'href="{other.url}"' in html for other in versions.values() if other is not page)

        prefix = "" if language == "vi" else f"/{language}"
        feed = feedparser.parse(client.get(f"{prefix}/rss/").content)
        assert feed.bozo == 0 and feed.entries[0].title == page.title
        assert {entry.title for entry in feed.entries} & {p.title for p in versions.values()} == {page.title}

    sitemap = ET.fromstring(client.get("/sitemap-pages.xml").content)
    by_location = {
        url.findtext("sm:loc", namespaces=SITEMAP_NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", SITEMAP_NS)
        }
        for url in sitemap.findall("sm:url", SITEMAP_NS)
    }
    absolute = {language: page.full_url for language, page in versions.items()}
    for location in absolute.values():
        assert {k: v for k, v in by_location[location].items() if k != "x-default"} == absolute

    detail = client.get(f"/api/v2/pages/{story.pk}/").json()
    assert sorted((t["locale"], t["url"]) for t in detail["translations"]) == [
        ("en", absolute["en"]),
        ("km", absolute["km"]),
    ]
