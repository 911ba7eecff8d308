"""Steps in Wagtail's admin shared by the browser tests: the demo users' password, logging in,
the editor's footer actions and the page chooser."""

from demo.users import ensure_demo_users

PASSWORD = "e2e-demo-password"


def demo_users_with_password():
    """The demo users (one per role), each with PASSWORD; returns them by username."""
    users = ensure_demo_users()
    for user in users.values():
        user.set_password(PASSWORD)
        user.save()
    return users


def log_in(page, username):
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def footer_button(page, selector):
    """Wagtail's editor footer keeps secondary actions behind a "More actions" toggle."""
    button = page.locator(f"footer {selector}").first
    if not button.is_visible():
        page.locator("footer .w-dropdown-button [aria-expanded]").first.click()
    return button


def leave_editor_with(page, selector):
    """Click a footer action of the page editor (add or edit form) and wait until Wagtail has
    redirected away from the form, which it does once the action succeeded."""
    footer_button(page, selector).click()
    page.wait_for_url(lambda url: "/edit/" not in url and "/add/" not in url)
    page.wait_for_load_state("networkidle")


def approve_in_editor(page):
    """Choose "Approve" (without comment) among the editor's workflow actions."""
    leave_editor_with(page, 'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])')


def choose_page(page, chooser_id, title):
    """In a page chooser field (``chooser_id``: its element's id), find ``title`` through the
    chooser modal's search and choose it."""
    page.locator(f"#{chooser_id} [data-chooser-action-choose]").click()
    modal = page.locator(".modal-dialog")
    modal.locator("input[name=q]").fill(title)
    modal.get_by_role("link", name=title, exact=True).click()
    modal.wait_for(state="hidden")
