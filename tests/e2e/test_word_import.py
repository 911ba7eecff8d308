"""A unit's contributor drafts a story from a Word file with pictures and a table, completes what the
file did not give and sends it for moderation, in a real browser (issue 18, item 1)."""

import pytest

from exemplars.models import ExemplarPage, Field, UnitSectionPage
from tests.e2e.admin import demo_users_with_password, footer_button, log_in
from tests.e2e.conftest import screenshot
from tests.wordimport import word_samples as samples
from wordimport.models import WordImport

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SUBJECT = "Thạch Thị Sa Rin"
SUMMARY = "Từ nghề dệt chiếu truyền thống, chị tạo việc làm cho 20 phụ nữ Khmer trong ấp Phú Ninh."
ALT_TEXTS = ("Chị Sa Rin ngồi dệt chiếu bên khung gỗ", "Những tấm chiếu hoa bày bán ở chợ")


@pytest.fixture
def newsroom_with_staff(fresh_newsroom, media_root):
    return demo_users_with_password()


def open_word_import(page, section):
    """From the section's page listing, the header's "New from a Word file" (in its actions menu)."""
    page.goto(f"/admin/pages/{section.pk}/")
    link = page.locator(f'a[href="/admin/word-import/{section.pk}/"]').first
    if not link.is_visible():
        page.locator("header .w-dropdown [aria-expanded]").first.click()
    link.click()
    page.wait_for_url(f"**/admin/word-import/{section.pk}/")


@pytest.mark.e2e
def test_contributor_drafts_a_story_from_word_and_submits_it(new_page, newsroom_with_staff, live_server):
    section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")
    field = Field.objects.order_by("sort_order", "pk").first()

    contributor = new_page()
    log_in(contributor, "kesach-contributor")
    open_word_import(contributor, section)
    contributor.set_input_files(
        "input[name=file]",
        files=[
            {"name": samples.STORY_FILE_NAME, "mimeType": DOCX_TYPE, "buffer": samples.story_with_pictures_and_table()}
        ],
    )
    screenshot(contributor, "word-import-01-form")
    contributor.locator("footer button[type=submit]").click()
    contributor.wait_for_url("**/admin/pages/*/edit/")

    story = ExemplarPage.objects.child_of(section).get()
    assert story.title == samples.STORY_TITLE and not story.live
    # The editor opens with the fields the file did not give marked, and the story's table and pictures.
    for name in ("subject_name", "summary"):
        assert contributor.locator(f"#id_{name}").get_attribute("aria-invalid") == "true"
    assert contributor.locator("text=Thu nhập (triệu đồng)").count() >= 1
    screenshot(contributor, "word-import-02-draft-with-marks")

    contributor.fill("#id_subject_name", SUBJECT)
    contributor.fill("#id_summary", SUMMARY)
    contributor.check(f"input[name=fields][value='{field.pk}']")
    alt_inputs = contributor.locator("input[name$='-value-image-alt_text']")
    assert alt_inputs.count() == 2
    for index, text in enumerate(ALT_TEXTS):
        alt_inputs.nth(index).fill(text)
    footer_button(contributor, 'button[name="action-submit"]').click()
    contributor.wait_for_url(lambda url: "/edit/" not in url)

    story.refresh_from_db()
    assert story.workflow_in_progress and not story.live
    submitted = story.get_latest_revision_as_object()
    assert submitted.subject_name == SUBJECT and submitted.summary == SUMMARY
    assert list(submitted.fields.all()) == [field]
    assert [block.block_type for block in submitted.body].count("table") == 1
    assert [
        block.value["image"].contextual_alt_text for block in submitted.body if block.block_type == "image"
    ] == list(ALT_TEXTS)
    assert WordImport.objects.get(page=story).document.title == samples.STORY_FILE_NAME
