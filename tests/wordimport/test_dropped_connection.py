"""A Word file imported while the database connection drops: the draft, its pictures and the original
file are all there, or none of them is (files included) and the writer is told to try again."""

from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from tests.connection_drops import browser_for, connection_drops_before, told_to_retry
from tests.wordimport.conftest import docx
from wordimport.models import WordImport


def test_a_word_import_cut_off_before_its_record_leaves_no_draft_picture_or_file(contributor, section, media_root):
    before = (Page.objects.count(), get_image_model().objects.count(), get_document_model().objects.count())
    browser = browser_for(contributor)

    # The pictures, the original, the page and its revision are written; the connection drops then.
    with connection_drops_before(f'INSERT INTO "{WordImport._meta.db_table}"'):
        response = browser.post(reverse("wordimport:new", args=[section.pk]), {"file": docx()})

    assert told_to_retry(response)
    assert (Page.objects.count(), get_image_model().objects.count(), get_document_model().objects.count()) == before
    assert not WordImport.objects.exists()
    assert [p for p in media_root.rglob("*") if p.is_file()] == []
