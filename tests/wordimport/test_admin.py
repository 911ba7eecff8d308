"""A unit's staff draft a story (an outlet's reporters an article) from a Word file in the admin."""

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from columns.models import ColumnArticlePage
from exemplars.models import ExemplarPage
from tests.wordimport import word_samples as samples
from tests.wordimport.conftest import docx
from units.models import Unit
from wordimport.models import WordImport

pytestmark = pytest.mark.django_db


def new_url(parent):
    return reverse("wordimport:new", args=[parent.pk])


def stored_files(root):
    return sorted(path.name for path in root.rglob("*") if path.is_file())


def test_a_contributor_drafts_a_story_from_a_word_file(client, contributor, section, media_root):
    client.force_login(contributor)
    response = client.post(new_url(section), {"file": docx()})

    story = ExemplarPage.objects.child_of(section).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[story.pk])
    assert story.title == samples.STORY_TITLE
    assert story.slug == "chi-thach-thi-sa-rin-lam-giau-tu-nghe-det-chieu"
    assert not story.live and story.owner == contributor and story.unit.slug == "huyen-ke-sach"
    assert not story.workflow_in_progress
    body = story.get_latest_revision_as_object().body
    assert [block.block_type for block in body] == [
        "paragraph",
        "image",
        "heading",
        "paragraph",
        "quote",
        "heading",
        "table",
        "image",
    ]
    assert [list(row) for row in body[6].value["rows"]] == [list(row) for row in samples.TABLE_ROWS]
    assert samples.OLD_TONE_PARAGRAPH in body[0].value.source


def test_pictures_and_the_original_file_go_into_the_units_collection(client, contributor, section, media_root):
    client.force_login(contributor)
    client.post(new_url(section), {"file": docx()})

    story = ExemplarPage.objects.child_of(section).get()
    collection = Unit.objects.get(slug="huyen-ke-sach").collection
    images = get_image_model().objects.filter(collection=collection).order_by("pk")
    assert [image.title for image in images] == list(samples.CAPTIONS)
    body = story.get_latest_revision_as_object().body
    pictures = [block.value for block in body if block.block_type == "image"]
    assert [p["image"].pk for p in pictures] == [image.pk for image in images]
    assert [p["caption"] for p in pictures] == list(samples.CAPTIONS)
    # Flagged for alt text: the editor asks for it before the draft can be saved again.
    assert all(not p["image"].contextual_alt_text and not p["image"].decorative for p in pictures)

    record = WordImport.objects.get(page=story)
    assert record.revision == story.revisions.order_by("pk").first()
    assert record.file_name == samples.STORY_FILE_NAME
    assert record.document.collection == collection
    assert record.document.file.read().startswith(b"PK")
    # Private: readers get nothing, the unit's staff get the file.
    assert client.get(record.document.url).status_code == 200
    client.logout()
    assert client.get(record.document.url).status_code == 404


def test_the_draft_opens_with_what_is_missing_marked(client, contributor, section, media_root):
    client.force_login(contributor)
    response = client.post(new_url(section), {"file": docx()}, follow=True)

    html = response.content.decode()
    assert f"Draft “{samples.STORY_TITLE}” created from the Word file." in html
    assert "Still to fill in, marked below: subject name, summary, fields." in html
    assert "2 pictures need their alt text" in html
    form = response.context["form"]
    assert set(form.errors) == {"subject_name", "summary", "fields"}
    assert "The Word file did not give this" in form.errors["summary"][0]

    # Once the unit has written the summary, that field is no longer marked.
    story = ExemplarPage.objects.child_of(section).get()
    draft = story.get_latest_revision_as_object()
    draft.summary = "Từ nghề dệt chiếu, chị tạo việc làm cho 20 phụ nữ Khmer."
    draft.save_revision(user=contributor, clean=False)
    again = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert set(again.context["form"].errors) == {"subject_name", "fields"}


def test_the_draft_links_its_original_word_file(client, contributor, section, media_root):
    client.force_login(contributor)
    client.post(new_url(section), {"file": docx()})
    story = ExemplarPage.objects.child_of(section).get()
    document = WordImport.objects.get(page=story).document

    html = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()
    assert "Original Word file" in html and document.url in html
    history = client.get(reverse("wagtailadmin_pages:history", args=[story.pk])).content.decode()
    assert f"Drafted from the Word file “{samples.STORY_FILE_NAME}”" in history


def test_an_outlet_reporter_drafts_a_column_article(client, reporter, column, media_root):
    client.force_login(reporter)
    response = client.post(
        new_url(column), {"file": docx(samples.article_without_pictures(), samples.ARTICLE_FILE_NAME)}
    )

    article = ColumnArticlePage.objects.child_of(column).get()
    assert response.status_code == 302
    assert article.title == samples.ARTICLE_TITLE and not article.live
    assert WordImport.objects.get(page=article).document.collection == Unit.objects.get(slug="bao-soc-trang").collection
    edit = client.get(response["Location"])
    assert set(edit.context["form"].errors) == {"summary"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(samples.not_a_zip(), "not a Word document", id="not a zip"),
        pytest.param(samples.encrypted_docx(), "protected by a password", id="encrypted"),
        pytest.param(samples.docx_without_body(), "no document body", id="no body"),
        pytest.param(samples.damaged_docx(), "damaged", id="damaged"),
    ],
)
def test_a_bad_file_says_why_and_leaves_nothing(client, contributor, section, media_root, data, message):
    client.force_login(contributor)
    pages, images, documents = (
        Page.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
    )
    response = client.post(new_url(section), {"file": docx(data)})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert (Page.objects.count(), get_image_model().objects.count(), get_document_model().objects.count()) == (
        pages,
        images,
        documents,
    )
    assert stored_files(media_root) == []


def test_an_oversized_file_says_so_and_leaves_nothing(client, contributor, section, media_root, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024
    client.force_login(contributor)
    response = client.post(new_url(section), {"file": docx()})

    assert response.status_code == 400
    assert "This file is too big" in response.content.decode()
    assert not ExemplarPage.objects.child_of(section).exists()
    assert stored_files(media_root) == []


def test_a_failure_after_files_were_stored_removes_them(client, contributor, section, media_root, monkeypatch):
    """A fault once the pictures and the document are written (here: creating the page) rolls
    the rows back and deletes their files."""

    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(type(section), "add_child", fail)
    client.force_login(contributor)
    client.raise_request_exception = True
    with pytest.raises(RuntimeError):
        client.post(new_url(section), {"file": docx()})

    collection = Unit.objects.get(slug="huyen-ke-sach").collection
    assert not get_image_model().objects.filter(collection=collection).exists()
    assert not get_document_model().objects.filter(collection=collection).exists()
    assert not WordImport.objects.exists()
    assert stored_files(media_root) == []


def test_a_contributor_of_another_unit_cannot_import_by_a_forged_post(client, other_contributor, section, media_root):
    client.force_login(other_contributor)
    assert client.get(new_url(section)).status_code == 403
    response = client.post(new_url(section), {"file": docx()})

    assert response.status_code == 403
    assert not ExemplarPage.objects.child_of(section).exists()
    assert stored_files(media_root) == []


def test_the_button_shows_only_where_the_user_may_add_a_story(client, contributor, other_contributor, section):
    button = new_url(section)
    client.force_login(contributor)
    assert button in client.get(reverse("wagtailadmin_explore", args=[section.pk])).content.decode()
    index = section.get_parent()
    assert new_url(index) not in client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()

    client.force_login(other_contributor)
    assert client.get(reverse("wagtailadmin_explore", args=[section.pk])).status_code in (200, 302, 403)
    assert button not in client.get(reverse("wagtailadmin_explore", args=[section.pk])).content.decode()


def test_an_unknown_or_absurd_parent_is_404(client, contributor):
    client.force_login(contributor)
    assert client.get("/admin/word-import/999999/").status_code == 404
    assert client.post(f"/admin/word-import/{2**70}/", {}).status_code == 404


def test_no_import_into_a_translated_tree(client, superuser, section):
    """A page in the Khmer tree is a translation of its Vietnamese source, never a new file's draft."""
    khmer = Locale.objects.get(language_code="km")
    khmer_section = section.get_translation_or_none(khmer) or section.copy_for_translation(khmer, copy_parents=True)
    client.force_login(superuser)
    assert (
        new_url(khmer_section)
        not in client.get(reverse("wagtailadmin_explore", args=[khmer_section.pk])).content.decode()
    )
    assert client.post(new_url(khmer_section), {"file": docx()}).status_code == 403
    assert client.get(new_url(section)).status_code == 200
