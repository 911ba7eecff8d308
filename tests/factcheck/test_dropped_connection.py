"""Fact-checking while the database connection drops: a link or a checker's comment is kept with its
entry in the story's history, or neither is, and the person is told to try again."""

from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry

from factcheck.models import FactCheckComment, FactCheckLink
from tests.connection_drops import browser_for, connection_drops_before, told_to_retry
from tests.factcheck.test_preview import COMMENT, preview_url


def test_a_checkers_comment_cut_off_before_its_history_entry_is_not_kept(link_and_token):
    _link, token = link_and_token
    with connection_drops_before(f'INSERT INTO "{PageLogEntry._meta.db_table}"'):
        response = Client(raise_request_exception=False).post(preview_url(token), COMMENT)

    assert told_to_retry(response)
    assert not FactCheckComment.objects.exists()


def test_a_link_made_and_cut_off_before_its_history_entry_is_not_kept(story_in_moderation, staff):
    browser = browser_for(staff["ks-approver"])
    url = reverse("factcheck_admin:links", args=[story_in_moderation.pk])
    with connection_drops_before(f'INSERT INTO "{PageLogEntry._meta.db_table}"'):
        response = browser.post(url, {"days": "7", "note": "Chủ tịch UBND xã Ba Trinh"})

    assert told_to_retry(response)
    assert not FactCheckLink.objects.filter(page=story_in_moderation).exists()
