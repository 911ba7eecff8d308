"""A fact-check link in a real browser: a unit's approver sends a story in moderation to the
commune's chairman, who reads it without an account and comments; the comment is in the story's
History; the link is revoked and shows nothing any more."""

import pytest

from exemplars.models import UnitSectionPage
from tests.e2e.admin import demo_users_with_password, log_in
from tests.e2e.conftest import screenshot
from tests.e2e.test_accessibility import axe_violations
from tests.factories import ExemplarPageFactory

TITLE = "Ông Trần Văn Út hiến 1.200 m² đất làm đường nông thôn mới ở xã Ba Trinh"
CHECKER = "Ông Lâm Văn Tư, Chủ tịch UBND xã Ba Trinh"
COMMENT = "Ông Út hiến 1.500 m², không phải 1.200 m²; con đường dài 2,3 km."


@pytest.fixture
def story_in_moderation(fresh_newsroom):
    users = demo_users_with_password()
    section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")
    story = ExemplarPageFactory(
        parent=section, live=False, first_published_at=None, title=TITLE, subject_name="Ông Trần Văn Út"
    )
    story.save_revision(user=users["kesach-contributor"])
    story.get_workflow().start(story, users["kesach-contributor"])
    return story


@pytest.mark.e2e
def test_checker_without_account_comments_through_a_link_until_it_is_revoked(new_page, story_in_moderation):
    story = story_in_moderation
    links = f"/admin/factcheck/pages/{story.pk}/"

    approver = new_page()
    log_in(approver, "kesach-approver")
    approver.goto(f"/admin/pages/{story.pk}/edit/")
    # The story's header offers its links among its more actions.
    approver.locator("header [data-w-dropdown-target=toggle]").last.click()
    approver.locator(f'a[href="{links}"]').click()
    approver.wait_for_url(f"**{links}")
    make = approver.locator("form[data-factcheck-make]")
    make.locator("select[name=days]").select_option("7")
    make.locator("input[name=note]").fill("Chủ tịch UBND xã Ba Trinh")
    make.locator("button[type=submit]").click()
    approver.wait_for_load_state("networkidle")
    address = approver.locator("#factcheck-new-address").input_value()
    assert "/kiem-tra/" in address
    screenshot(approver, "fact-check-01-link-made")

    # axe is injected as an inline script, which the site's Content-Security-Policy rightly refuses.
    checker = new_page(width=390, height=844, bypass_csp=True)
    checker.goto(address)
    assert checker.locator("h1").first.inner_text().strip() == TITLE
    assert checker.locator("[data-factcheck-draft]").is_visible()
    assert axe_violations(checker) == []
    checker.get_by_label(checker.locator("label[for=id_name]").inner_text().strip()).fill(CHECKER)
    checker.locator("#id_text").fill(COMMENT)
    checker.locator("form.submission__form button[type=submit]").click()
    checker.wait_for_url("**?sent=1")
    assert checker.locator(".factcheck-comment [role=status]").is_visible()
    screenshot(checker, "fact-check-02-checker-commented")

    approver.goto(f"/admin/pages/{story.pk}/history/")
    history = approver.locator("main").inner_text()
    assert CHECKER in history and COMMENT in history
    screenshot(approver, "fact-check-03-history")

    approver.goto(links)
    row = approver.locator("tr[data-factcheck-link]")
    assert CHECKER in row.inner_text()  # the comment is listed with the link
    row.locator("form[data-factcheck-revoke] button").click()
    approver.wait_for_load_state("networkidle")
    assert approver.locator("form[data-factcheck-revoke]").count() == 0

    checker.goto(address)
    assert checker.locator("[data-factcheck-gone]").is_visible()
    assert TITLE not in checker.content() and "form.submission__form" not in checker.content()
    assert checker.locator("#id_text").count() == 0
    screenshot(checker, "fact-check-04-revoked")
