"""Accessibility in a real browser: axe-core finds no serious or critical violation on the key public
pages in every language (and the "page not found" page), at phone and desktop widths, and the site
works with the keyboard alone: a skip link first, a visible focus everywhere, a usable phone header."""

import pytest
from django.utils import translation

from submissions.models import DifficultyReportFormPage, NominationFormPage
from tests.e2e.conftest import AXE_JS
from tests.e2e.content import LANGUAGES

PAGES = ("home", "listing", "story", "search", "campaign", "column", "article", "hall")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PHONE, DESKTOP = 390, 1280

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}"""

# The focused element and whether something shows it: an outline or halo on it, or on the card
# it is the title link of (cards draw the ring around the whole card).
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const ring = (node) => {
    const style = getComputedStyle(node);
    return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
  };
  const card = el.closest(".card");
  const box = el.getBoundingClientRect();
  return {
    html: el.outerHTML.slice(0, 120),
    ring: ring(el) || Boolean(card && ring(card)),
    onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth,
  };
}"""


def public_form_pages():
    """The public forms (nominate an exemplar, report a difficulty) in every language."""
    return [*NominationFormPage.objects.live(), *DifficultyReportFormPage.objects.live()]


def axe_violations(page):
    """axe's serious and critical violations on ``page``, as readable lines."""
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(RUN_AXE, AXE_TAGS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(v['targets'][:5])}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching ``selector`` has focus; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} not reached with {limit} presses of Tab on {page.url}")


@pytest.mark.e2e
def test_key_pages_have_no_serious_axe_violations(new_page, public_site):
    assert AXE_JS.exists(), f"{AXE_JS} is missing: run `npm ci`"
    findings = []
    for width in (DESKTOP, PHONE):
        # axe is injected as an inline script, which the site's Content-Security-Policy rightly refuses.
        page = new_page(width=width, bypass_csp=True)
        for language in LANGUAGES:
            for name in PAGES:
                url = getattr(public_site[language], name)
                response = page.goto(url)
                assert response.status == 200, f"{url}: {response.status}"
                assert page.get_attribute("html", "lang") == language, url
                findings += [f"{width}px {language} {name} {url}: {line}" for line in axe_violations(page)]
        for form_page in public_form_pages():
            response = page.goto(form_page.url)
            assert response.status == 200, f"{form_page.url}: {response.status}"
            findings += [f"{width}px form {form_page.url}: {line}" for line in axe_violations(page)]
        response = page.goto("/khong-co-trang-nay/")
        assert response.status == 404
        findings += [f"{width}px page not found: {line}" for line in axe_violations(page)]
    assert not findings, "axe found serious or critical violations:\n" + "\n".join(findings)


@pytest.mark.e2e
@pytest.mark.parametrize("language", ["vi", "km"])
def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(new_page, public_site, language):
    page = new_page()
    page.goto(public_site[language].story)
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    with translation.override(language):
        assert skip.inner_text() == translation.gettext("Skip to main content")
    box = skip.bounding_box()
    assert skip.is_visible() and box["y"] >= 0 and box["height"] > 0, "the focused skip link is off screen"

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab continues inside the content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


@pytest.mark.e2e
@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_every_focus_stop_is_visible(new_page, public_site, width):
    page = new_page(width=width)
    hidden = []
    for url in (public_site["vi"].home, public_site["vi"].story):
        page.goto(url)
        first = None
        for _ in range(200):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused is None or focused["html"] == first:
                break  # focus left the page or came round again
            first = first or focused["html"]
            if not (focused["ring"] and focused["onScreen"]):
                hidden.append(f"{url}: {focused}")
        else:
            pytest.fail(f"{url}: Tab never left the page after 200 presses (a keyboard trap?)")
    assert not hidden, "focus is not visible on:\n" + "\n".join(hidden)


@pytest.mark.e2e
def test_phone_header_works_with_the_keyboard(new_page, public_site):
    vi, en = public_site["vi"], public_site["en"]
    page = new_page(width=PHONE, height=800)

    # The menu strip scrolls to show where the reader is (site.js, allowed by the CSP: no inline script).
    page.goto(vi.article)
    current = page.locator(".site-nav [aria-current]").bounding_box()
    assert current["x"] >= 0 and current["x"] + current["width"] <= PHONE, "the current section is off screen"

    # Main menu: its links scroll into the narrow strip when focused, and Enter follows them.
    page.goto(vi.home)
    tab_to(page, f".site-nav a[href='{vi.listing}']")
    box = page.locator(":focus").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE, "the focused menu link is outside the screen"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{vi.listing}")

    # Language switcher: from a story to its English translation.
    page.goto(vi.story)
    tab_to(page, ".languages a[hreflang='en']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{en.story}")
    assert page.get_attribute("html", "lang") == "en"

    # Search: type without diacritics, submit with Enter, and land on the results.
    page.goto(vi.home)
    tab_to(page, ".site-search input[name=q]")
    page.keyboard.type(public_site.search_query)
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=*")
    assert page.locator(".search-result a", has_text=public_site.story["vi"].title).count() == 1
