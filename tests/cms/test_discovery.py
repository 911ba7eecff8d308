"""Discovery: robots.txt, and what each page tells search engines and social networks (canonical and
hreflang links, Open Graph, Twitter card, JSON-LD). The sitemaps: tests/cms/test_sitemaps.py."""

import json
import re
from html.parser import HTMLParser

import pytest
from wagtail.images.models import Image
from wagtail.models import Locale

from exemplars.models import ExemplarIndexPage
from home.models import HomePage
from tests.factories import ColumnArticlePageFactory, ColumnPageFactory, ExemplarPageFactory
from tests.helpers import png, published

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
XSS = '</script><script>alert(1)</script>" onmouseover="alert(2)'


def translate(page, language_code, **values):
    """``page`` in another language, published with the untranslated pages above it, as an editor
    would (a /km/ or /en/ address is served only beneath a live home page in that language)."""
    locale = Locale.objects.get(language_code=language_code)
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in values.items():
        setattr(translation, name, value)
    published(translation)
    for ancestor in translation.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            published(ancestor)
    return translation


# robots.txt


@pytest.mark.django_db
def test_robots_txt_allows_the_site_and_points_to_the_sitemap(client, newsroom):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ["/admin/", "/documents/", "/api/", "/tim-kiem/", "/km/tim-kiem/", "/en/tim-kiem/"]:
        assert f"Disallow: {path}" in lines
    assert "Allow: /" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


# What a page says about itself


class HeadParser(HTMLParser):
    """The <head>'s meta and link tags, and the JSON-LD scripts, as the page declares them."""

    def __init__(self):
        super().__init__()
        self.meta = {}
        self.links = []
        self.jsonld = []
        self.scripts = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script":
            self._script = {"type": attrs.get("type"), "text": ""}

    def handle_data(self, data):
        if self._script is not None:
            self._script["text"] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(self._script)
            if self._script["type"] == "application/ld+json":
                self.jsonld.append(json.loads(self._script["text"]))
            self._script = None

    def one(self, key):
        values = self.meta.get(key, [])
        assert len(values) == 1, (key, values)
        return values[0]

    def hreflangs(self):
        return {link["hreflang"]: link["href"] for link in self.links if "hreflang" in link}

    def canonical(self):
        found = [link["href"] for link in self.links if link.get("rel") == "canonical"]
        assert len(found) == 1, found
        return found[0]


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser, response.content.decode()


@pytest.fixture
def story(section, media_root):
    image = Image.objects.create(title="Ông Sáu bên con đường mới", file=png())
    return published(
        ExemplarPageFactory(
            parent=section,
            title="Ông Sáu hiến đất mở đường giao thông nông thôn",
            slug="ong-sau-hien-dat",
            subject_kind="individual",
            subject_name="Ông Nguyễn Văn Sáu",
            position="Trưởng ấp Phước Thuận",
            locality="ấp Phước Thuận, xã An Mỹ, huyện Kế Sách",
            summary="Ông Sáu hiến 500 m² đất để mở con đường liên ấp.",
            main_image=image,
            main_image_alt="Ông Sáu đứng trên con đường mới",
        )
    )


@pytest.mark.django_db
def test_story_page_has_canonical_open_graph_twitter_and_hreflang(client, story, media_root):
    english = translate(
        story,
        "en",
        title="Mr Sau gives land for a country road",
        slug="mr-sau-gives-land",
        summary="Mr Sau gave 500 m² of land for the road between hamlets.",
    )
    base = "http://testserver"
    vi_url = f"{base}/guong-dien-hinh/huyen-ke-sach/ong-sau-hien-dat/"
    en_url = f"{base}/en/guong-dien-hinh/huyen-ke-sach/mr-sau-gives-land/"

    head, html = head_of(client, story.url + "?utm_source=zalo")
    assert '<html lang="vi">' in html
    assert head.canonical() == vi_url
    assert head.hreflangs() == {"vi": vi_url, "en": en_url, "x-default": vi_url}
    assert head.one("og:url") == vi_url
    assert head.one("og:type") == "article"
    assert head.one("og:title") == story.title
    assert head.one("og:description") == story.summary
    assert head.one("description") == story.summary
    assert head.one("og:locale") == "vi_VN"
    assert head.one("og:locale:alternate") == "en_US"
    assert head.one("og:site_name") == "Gương điển hình tiên tiến Sóc Trăng"
    image_url = head.one("og:image")
    assert image_url.startswith(f"{base}/media/images/") and ".fill-1200x630" in image_url
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("1200", "630")
    assert head.one("og:image:alt") == "Ông Sáu đứng trên con đường mới"
    assert head.one("article:published_time").startswith("2020-05-12T09:00:00")
    assert head.one("twitter:card") == "summary_large_image"
    assert head.one("twitter:title") == story.title
    assert head.one("twitter:description") == story.summary
    assert head.one("twitter:image") == image_url
    assert (media_root / image_url.removeprefix(f"{base}/media/")).is_file()

    head, html = head_of(client, english.url)
    assert '<html lang="en">' in html
    assert head.canonical() == en_url
    assert head.hreflangs() == {"vi": vi_url, "en": en_url, "x-default": vi_url}
    assert head.one("og:locale") == "en_US"
    assert head.one("og:locale:alternate") == "vi_VN"
    assert head.one("og:title") == "Mr Sau gives land for a country road"
    assert head.one("og:description") == "Mr Sau gave 500 m² of land for the road between hamlets."
    data = head.jsonld[0]
    assert data["inLanguage"] == "en" and data["url"] == en_url
    assert data["author"]["name"] == story.unit.name_in("en")
    assert data["publisher"]["name"] == "Emulation and Commendation Board of Sóc Trăng province"
    assert data["publisher"]["url"] == f"{base}/en/"


@pytest.mark.django_db
def test_story_json_ld_is_a_news_article_about_a_person(client, story):
    head, _html = head_of(client, story.url)
    assert len(head.jsonld) == 1
    data = head.jsonld[0]
    url = "http://testserver/guong-dien-hinh/huyen-ke-sach/ong-sau-hien-dat/"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == story.title
    assert data["description"] == story.summary
    assert data["url"] == url and data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["inLanguage"] == "vi"
    assert data["datePublished"] == "2020-05-12T09:00:00+07:00"
    assert data["dateModified"] >= data["datePublished"]
    assert data["image"]["@type"] == "ImageObject"
    assert data["image"]["url"] == head.one("og:image")
    assert (data["image"]["width"], data["image"]["height"]) == (1200, 630)
    assert data["author"] == {"@type": "Organization", "name": story.unit.name}
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Ban Thi đua - Khen thưởng tỉnh Sóc Trăng",
        "url": "http://testserver/",
    }
    assert data["about"] == {
        "@type": "Person",
        "name": "Ông Nguyễn Văn Sáu",
        "jobTitle": "Trưởng ấp Phước Thuận",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "ấp Phước Thuận, xã An Mỹ, huyện Kế Sách",
            "addressCountry": "VN",
        },
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("subject_kind", "description"),
    [("collective", None), ("household", "Hộ gia đình")],
)
def test_collectives_and_households_are_organizations(client, section, subject_kind, description):
    page = published(
        ExemplarPageFactory(
            parent=section,
            subject_kind=subject_kind,
            subject_name="Tổ tự quản ấp Trà Canh",
            position="Tổ trưởng",
            locality="",
        )
    )
    head, _html = head_of(client, page.url)
    about = head.jsonld[0]["about"]
    expected = {"@type": "Organization", "name": "Tổ tự quản ấp Trà Canh"}
    if description:
        expected["description"] = description
    assert about == expected
    assert head.one("twitter:card") == "summary"
    assert "og:image" not in head.meta


@pytest.mark.django_db
def test_hostile_title_and_summary_cannot_break_out_of_json_ld_or_meta_tags(client, section):
    page = published(
        ExemplarPageFactory(
            parent=section,
            title=f"Tiêu đề {XSS}",
            slug="tieu-de-doc-hai",
            summary=f"Tóm tắt {XSS} & <b>in đậm</b>",
            subject_name=f"Tên {XSS}",
            position=XSS,
        )
    )
    head, html = head_of(client, page.url)
    assert "<script>alert(1)</script>" not in html
    assert 'onmouseover="alert(2)' not in html
    # The JSON-LD is the only script of its kind, and no other script holds the editors' text.
    assert [script["type"] for script in head.scripts].count("application/ld+json") == 1
    assert not any("alert" in script["text"] for script in head.scripts if script["type"] is None)
    data = head.jsonld[0]
    assert data["headline"] == f"Tiêu đề {XSS}"
    assert data["description"] == f"Tóm tắt {XSS} & <b>in đậm</b>"
    assert data["about"]["name"] == f"Tên {XSS}" and data["about"]["jobTitle"] == XSS
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in script and ">" not in script and "&" not in script
    # Attributes keep the text whole, quotes and all.
    assert head.one("og:title") == f"Tiêu đề {XSS}"
    assert head.one("twitter:title") == f"Tiêu đề {XSS}"
    assert head.one("og:description") == f"Tóm tắt {XSS} & <b>in đậm</b>"


@pytest.mark.django_db
def test_listing_pages_have_canonical_and_paginated_addresses(client, section):
    for number in range(21):
        published(ExemplarPageFactory(parent=section, slug=f"guong-sang-{number}"))
    index = ExemplarIndexPage.objects.get(locale__language_code="vi")
    base = f"http://testserver{index.url}"

    head, _html = head_of(client, index.url)
    assert head.canonical() == base
    assert head.one("og:type") == "website"
    assert head.one("og:description") == index.intro
    assert head.jsonld == []
    assert head.hreflangs() == {
        "vi": base,
        "km": f"http://testserver/km{index.url}",
        "en": f"http://testserver/en{index.url}",
        "x-default": base,
    }
    head, _html = head_of(client, index.url + "?page=2")
    assert head.canonical() == f"{base}?page=2"
    assert head.one("og:url") == f"{base}?page=2"
    head, _html = head_of(client, index.url + "?page=99")  # served as the last page, 2
    assert head.canonical() == f"{base}?page=2"
    head, _html = head_of(client, index.url + "?page=1")
    assert head.canonical() == base
    head, _html = head_of(client, index.url + "?field=y-duc&page=2")  # a filtered view
    assert head.canonical() == base


@pytest.mark.django_db
def test_home_page_is_a_website_with_hreflang_once_translated(client, section):
    home = HomePage.objects.get(locale__language_code="vi")
    head, html = head_of(client, "/")
    assert '<html lang="vi">' in html
    assert head.canonical() == "http://testserver/"
    assert head.jsonld[0]["@type"] == "WebSite"
    assert head.jsonld[0]["url"] == "http://testserver/"
    assert head.jsonld[0]["publisher"]["name"] == "Ban Thi đua - Khen thưởng tỉnh Sóc Trăng"

    khmer = home.get_translation(Locale.objects.get(language_code="km"))  # setup_newsroom's
    english = home.get_translation(Locale.objects.get(language_code="en"))
    english.unpublish()
    head, html = head_of(client, "/km/")
    assert '<html lang="km">' in html
    assert head.canonical() == "http://testserver/km/"
    assert head.hreflangs() == {
        "vi": "http://testserver/",
        "km": "http://testserver/km/",
        "x-default": "http://testserver/",
    }
    assert head.one("og:locale") == "km_KH"
    assert head.one("og:site_name") == khmer.title
    assert head.jsonld[0]["inLanguage"] == "km"
    assert head.jsonld[0]["publisher"]["name"] == "គណៈកម្មការប្រកួតប្រជែង និងផ្ដល់រង្វាន់ខេត្តសុកត្រាំង"


@pytest.mark.django_db
def test_column_article_is_a_news_article_by_its_outlet(client, newsroom):
    from columns.models import OutletPage

    outlet = OutletPage.objects.filter(locale__language_code="vi").get(unit__slug="bao-soc-trang")
    column = published(ColumnPageFactory(parent=outlet))
    article = published(ColumnArticlePageFactory(parent=column, summary="Phóng sự về người tốt việc tốt."))
    head, _html = head_of(client, article.url)
    assert head.one("og:type") == "article"
    assert head.one("og:description") == "Phóng sự về người tốt việc tốt."
    data = head.jsonld[0]
    assert data["@type"] == "NewsArticle" and "about" not in data
    assert data["author"] == {"@type": "Organization", "name": outlet.unit.name}


@pytest.mark.django_db
def test_not_found_page_has_no_canonical(client, newsroom):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    parser = HeadParser()
    parser.feed(response.content.decode())
    assert not any(link.get("rel") == "canonical" for link in parser.links)
    assert parser.jsonld == []
