"""How the public form pages answer (submissions/views.py), beyond tests/submissions/test_forms.py: the exact
caching headers, the size limit at its edge, and the English pages (issue 22)."""

from types import SimpleNamespace

import pytest

from submissions.models import MAX_BODY_BYTES, Nomination
from submissions.views import _body_too_large

pytestmark = pytest.mark.django_db

# What add_never_cache_headers and private=True leave: no proxy and no browser may keep a form.
NEVER_CACHED = {"max-age=0", "no-cache", "no-store", "must-revalidate", "private"}


def cache_control(response):
    return set(response["Cache-Control"].split(", "))


def english(page):
    return page.get_translations().get(locale__language_code="en")


@pytest.mark.parametrize(
    ("length", "too_large"),
    [(None, False), ("", False), (str(MAX_BODY_BYTES), False), (str(MAX_BODY_BYTES + 1), True), ("128k", True)],
)
def test_a_body_is_too_large_beyond_the_limit_or_when_its_length_is_not_a_number(length, too_large):
    meta = {} if length is None else {"CONTENT_LENGTH": length}

    assert _body_too_large(SimpleNamespace(META=meta)) is too_large


def test_the_form_and_the_thanks_are_never_cached(client, nomination_page):
    assert cache_control(client.get(nomination_page.url)) == NEVER_CACHED
    assert cache_control(client.get(nomination_page.url + "cam-on/")) == NEVER_CACHED


def test_an_oversized_request_is_told_why(client, nomination_page, nomination_data):
    page = english(nomination_page)
    nomination_data["achievements"] = "Xã Đại Ân 2 " * (MAX_BODY_BYTES // 10)

    response = client.post(page.url, nomination_data)

    assert response.status_code == 413
    notice = "What you sent is too long to be a form filled in by hand. Please shorten your text and send again."
    assert f'<div class="submission__notice" role="alert"><p>{notice}</p></div>' in response.content.decode()
    assert cache_control(response) == NEVER_CACHED


def test_a_nomination_sent_in_english_is_stored_as_english_and_thanked_in_english(
    client, nomination_page, nomination_data
):
    page = english(nomination_page)

    response = client.post(page.url, nomination_data, follow=True)

    assert Nomination.objects.get().language_code == "en"
    html = response.content.decode()
    # The thanks page is rendered with the request, so the i18n context names its language.
    assert '<html lang="en">' in html and "Sent. Thank you." in html
