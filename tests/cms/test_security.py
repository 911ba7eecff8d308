"""Security headers: a Content-Security-Policy on the public site that the admin does without,
and production's HTTPS headers and cookies."""

from html.parser import HTMLParser

import pytest
from csp.middleware import CSPMiddleware
from django.test import override_settings
from django.urls import get_resolver, reverse
from wagtail.models import Page

from exemplars.models import ExemplarIndexPage
from tests.cms.conftest import production_settings
from tests.factories import ExemplarPageFactory
from tests.helpers import published

PRODUCTION_SETTINGS = (
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
)


@pytest.fixture(scope="module")
def production():
    """The HTTPS settings as cms/settings/production.py computes them from its environment."""
    values = production_settings()
    return {name: values[name] for name in PRODUCTION_SETTINGS}


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


class Markup(HTMLParser):
    """What in a page a strict CSP would block: inline scripts, inline styles, handler attributes."""

    def __init__(self):
        super().__init__()
        self.inline_scripts, self.style_elements, self.style_attributes, self.handlers = 0, 0, [], []
        self.script_sources = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            if attrs.get("src"):
                self.script_sources.append(attrs["src"])
            elif attrs.get("type") != "application/ld+json":  # data, never executed
                self.inline_scripts += 1
        if tag == "style":
            self.style_elements += 1
        if "style" in attrs:
            self.style_attributes.append(tag)
        self.handlers += [f"{tag}[{name}]" for name in attrs if name.startswith("on")]


def parse(response):
    markup = Markup()
    markup.feed(response.content.decode())
    return markup


@pytest.fixture
def story(section):
    return published(ExemplarPageFactory(parent=section))


def test_public_pages_send_a_strict_content_security_policy(client, story):
    response = client.get(story.url)

    assert response.status_code == 200
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert set(directives["img-src"]) == {"'self'", "data:"}
    # YouTube videos embedded in stories still play.
    assert "https://www.youtube.com" in directives["frame-src"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.parametrize("language", ["vi", "km", "en"])
def test_public_markup_has_nothing_the_policy_would_block(client, story, language):
    """Every script is a file of ours; no inline script, style or event handler to be blocked."""
    pages = [Page.objects.get(depth=2, locale__language_code=language).specific]
    pages.append(ExemplarIndexPage.objects.get(locale__language_code=language))
    urls = [page.url for page in pages] + [reverse("search") + "?q=lua+tom"]
    if language == "vi":
        urls.append(story.url)

    for url in urls:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, url
        markup = parse(response)
        assert markup.inline_scripts == 0, url
        assert markup.style_elements == 0 and markup.style_attributes == [], url
        assert markup.handlers == [], url
        assert markup.script_sources == ["/static/js/site.js"], url


def test_admin_has_no_policy_and_its_editor_still_works(admin_client, story):
    dashboard = admin_client.get("/admin/")
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    preview = admin_client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[story.pk]))

    for response in (dashboard, editor, preview):
        assert response.status_code == 200
        assert "Content-Security-Policy" not in response.headers
    assert b'name="subject_name"' in editor.content
    # The admin's security headers stay.
    assert editor.headers["X-Content-Type-Options"] == "nosniff"
    assert editor.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_the_error_page_keeps_the_policy_and_needs_no_inline_code(rf):
    request = rf.get("/hong/")
    handler = get_resolver().resolve_error_handler(500)
    middleware = CSPMiddleware(handler)
    middleware.process_request(request)
    response = middleware.process_response(request, handler(request))

    assert response.status_code == 500
    directives = policy(response)
    assert directives["style-src"] == ["'self'"] and directives["script-src"] == ["'self'"]
    html = response.content.decode()
    assert "<style" not in html and "style=" not in html and "<script" not in html
    assert "/static/css/site.css" in html


def test_production_serves_https_only_with_strict_transport_security(client, newsroom, production):
    with override_settings(**production):
        plain = client.get("/")
        secure = client.get("/", HTTP_X_FORWARDED_PROTO="https")
        login = client.get("/admin/login/", HTTP_X_FORWARDED_PROTO="https")

    assert plain.status_code == 301 and plain.headers["Location"].startswith("https://")
    assert secure.status_code == 200
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "Content-Security-Policy" in secure.headers
    assert login.cookies["csrftoken"]["secure"]
    assert production["SESSION_COOKIE_SECURE"] and production["SESSION_COOKIE_HTTPONLY"]
