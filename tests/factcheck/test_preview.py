"""What someone without an account sees through a fact-check link, and what they may send."""

import datetime
import unicodedata

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from core.cache_generation import store
from factcheck.models import COMMENT_MAX_LENGTH, FactCheckComment, FactCheckLink
from tests.factcheck.conftest import STORY_TITLE


def preview_url(token):
    return reverse("factcheck:preview", args=(token,))


COMMENT = {
    "name": "Ông Lâm Văn Tư, Chủ tịch UBND xã Ba Trinh",
    "text": "Diện tích hiến là 1.500 m², không phải 1.200 m².",
}


@pytest.mark.django_db
def test_link_shows_the_revision_it_was_made_for_marked_as_draft(link_and_token, story_in_moderation, client):
    link, token = link_and_token
    story_in_moderation.title = "Tiêu đề đã sửa sau khi gửi kiểm tra"
    story_in_moderation.save_revision()
    response = client.get(preview_url(token))
    assert response.status_code == 200
    page = response.content.decode()
    assert STORY_TITLE in page and "Tiêu đề đã sửa sau khi gửi kiểm tra" not in page
    assert "data-factcheck-draft" in page
    assert '<label class="form-field__label" for="id_text">' in page


@pytest.mark.django_db
def test_preview_is_noindex_and_never_cached(link_and_token, client):
    _link, token = link_and_token
    response = client.get(preview_url(token))
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex' in response.content.decode()
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    assert '<link rel="canonical"' not in response.content.decode()
    # The token is in the address: other sites never get it as a referrer.
    assert response["Referrer-Policy"] == "same-origin"


def page_cache_entries():
    return [key for key in store()._cache if "pagecache:" in key and "generation" not in key]


@pytest.mark.django_db
def test_page_cache_does_not_store_the_preview(link_and_token, settings):
    settings.PAGE_CACHE_SECONDS = 300
    link, token = link_and_token
    Client().get("/")  # the page cache is on: a public page is stored
    stored = len(page_cache_entries())
    assert stored == 1
    for _reader in range(2):
        response = Client().get(preview_url(token))
        assert response.status_code == 200 and "X-Page-Cache" not in response
    assert len(page_cache_entries()) == stored
    link.revoke(None)
    assert STORY_TITLE not in Client().get(preview_url(token)).content.decode()


@pytest.mark.django_db
def test_opening_is_counted(link_and_token, client):
    link, token = link_and_token
    client.get(preview_url(token))
    client.get(preview_url(token))
    link.refresh_from_db()
    assert link.first_opened_at is not None and link.open_count == 2


@pytest.mark.django_db
def test_expired_link_says_so_and_shows_nothing(link_and_token, client):
    link, token = link_and_token
    FactCheckLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(preview_url(token))
    assert response.status_code == 410
    page = response.content.decode()
    assert "data-factcheck-gone" in page and STORY_TITLE not in page and "Trần Văn Út" not in page
    assert client.post(preview_url(token), COMMENT).status_code == 410
    assert not FactCheckComment.objects.exists()


@pytest.mark.django_db
def test_link_expires_after_seven_days_by_default(story_in_moderation, staff):
    link, _token = FactCheckLink.make(story_in_moderation, staff["board"])
    assert link.expires_at - link.created_at == datetime.timedelta(days=7)
    assert link.is_usable


@pytest.mark.django_db
def test_revoked_link_says_so_and_shows_nothing(link_and_token, client):
    link, token = link_and_token
    link.revoke(None)
    response = client.get(preview_url(token))
    assert response.status_code == 410
    assert STORY_TITLE not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["x", "a" * 43, "%00" * 43, "a" * 500, "ä" * 43, "..", "' OR 1=1 --"])
def test_bad_tokens_are_404(token, link_and_token, client):
    assert client.get(f"/kiem-tra/{token}/").status_code == 404
    assert client.post(f"/kiem-tra/{token}/", COMMENT).status_code == 404


@pytest.mark.django_db
def test_comment_lands_in_the_storys_history_with_the_checkers_name(link_and_token, client, staff):
    link, token = link_and_token
    response = client.post(preview_url(token), COMMENT)
    assert response.status_code == 302 and response["Location"].endswith("?sent=1")
    comment = FactCheckComment.objects.get(link=link)
    assert comment.name == COMMENT["name"]
    entry = PageLogEntry.objects.get(page=link.page, action="factcheck.comment")
    assert entry.revision_id == link.revision_id
    assert COMMENT["name"] in entry.message and entry.comment == COMMENT["text"]
    client.force_login(staff["ks-approver"])
    history = client.get(reverse("wagtailadmin_pages:history", args=(link.page_id,))).content.decode()
    assert COMMENT["name"] in history and "1.500 m²" in history


@pytest.mark.django_db
def test_comments_are_stored_in_nfc(link_and_token, client):
    _link, token = link_and_token
    decomposed = {key: unicodedata.normalize("NFD", value) for key, value in COMMENT.items()}
    client.post(preview_url(token), decomposed)
    comment = FactCheckComment.objects.get()
    assert comment.name == COMMENT["name"] and comment.text == COMMENT["text"]


@pytest.mark.django_db
def test_comments_are_length_limited_and_keep_what_was_typed(link_and_token, client):
    _link, token = link_and_token
    too_long = "Sai số liệu. " * (COMMENT_MAX_LENGTH // 10)
    response = client.post(preview_url(token), {"name": COMMENT["name"], "text": too_long})
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page and COMMENT["name"] in page
    assert not FactCheckComment.objects.exists()


@pytest.mark.django_db
def test_blank_comment_is_refused(link_and_token, client):
    _link, token = link_and_token
    response = client.post(preview_url(token), {"name": "  ", "text": "\n\t"})
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert not FactCheckComment.objects.exists()


@pytest.mark.django_db
def test_comments_are_rate_limited(link_and_token, client, settings):
    settings.FACTCHECK_COMMENT_RATE = "2/h"
    _link, token = link_and_token
    assert client.post(preview_url(token), COMMENT).status_code == 302
    assert client.post(preview_url(token), COMMENT).status_code == 302
    response = client.post(preview_url(token), COMMENT)
    assert response.status_code == 429
    assert COMMENT["text"] in response.content.decode()  # nothing typed is lost
    assert FactCheckComment.objects.count() == 2
