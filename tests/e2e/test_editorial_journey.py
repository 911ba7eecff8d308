"""The editorial journey in a real browser: a unit drafts, its approver and the Board approve,
the public reads the story."""

import pytest

from exemplars.models import ExemplarPage, UnitSectionPage
from tests.e2e.admin import approve_in_editor, demo_users_with_password, footer_button, log_in
from tests.e2e.conftest import screenshot

TITLE = "Chị Thạch Thị Sa Rin làm giàu từ nghề dệt chiếu"


@pytest.fixture
def newsroom_with_staff(fresh_newsroom):
    return demo_users_with_password()


@pytest.mark.e2e
def test_story_from_contributor_to_public(new_page, newsroom_with_staff, live_server):
    section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")

    contributor = new_page()
    log_in(contributor, "kesach-contributor")
    contributor.goto(f"/admin/pages/add/exemplars/exemplarpage/{section.pk}/")
    contributor.fill("#id_title", TITLE)
    contributor.fill("#id_subject_name", "Thạch Thị Sa Rin")
    contributor.fill("#id_locality", "xã Đại Hải, huyện Kế Sách")
    contributor.fill("#id_summary", "Từ nghề dệt chiếu truyền thống, chị tạo việc làm cho 20 phụ nữ Khmer trong ấp.")
    screenshot(contributor, "01-contributor-new-story")
    footer_button(contributor, 'button[name="action-submit"]').click()
    contributor.wait_for_url("**/admin/pages/**")
    story = ExemplarPage.objects.get(title=TITLE)
    assert story.slug == "chi-thach-thi-sa-rin-lam-giau-tu-nghe-det-chieu"
    assert story.workflow_in_progress and not story.live

    approver = new_page()
    log_in(approver, "kesach-approver")
    approver.goto(f"/admin/pages/{story.pk}/edit/")
    approve_in_editor(approver)
    story.refresh_from_db()
    assert story.current_workflow_task.name.startswith("Ban Thi đua")

    board = new_page()
    log_in(board, "board")
    board.goto(f"/admin/pages/{story.pk}/edit/")
    approve_in_editor(board)
    story.refresh_from_db()
    assert story.live

    reader = new_page(width=390, height=844)
    reader.goto("/guong-dien-hinh/")
    reader.get_by_role("link", name=TITLE).first.click()
    reader.wait_for_url(f"**{story.url}")
    assert reader.locator("h1").inner_text().strip() == TITLE
    screenshot(reader, "02-public-story-phone")
