"""A reader's journeys in a real browser: the listing and its filters, searching without
diacritics, switching language on a story, and the key pages at phone and desktop widths."""

import re
from urllib.parse import unquote

import pytest

from tests.e2e.conftest import screenshot
from tests.e2e.content import SEARCH_QUERY, TRANSLATED_STORY

PHONE, DESKTOP = (390, 844), (1280, 900)


def card_titles(page):
    return [title.strip() for title in page.locator(".card__title").all_inner_texts()]


def path_of(page):
    return unquote(re.sub(r"^https?://[^/]+", "", page.url))


def loaded_images(page):
    """How many of the page's <img> elements (scrolled into view) have a decoded picture."""
    return page.evaluate(
        """async () => {
            const images = [...document.images];
            for (const image of images) { image.loading = "eager"; }
            await Promise.all(images.map((image) => image.decode().catch(() => null)));
            return images.filter((image) => image.complete && image.naturalWidth > 0).length;
        }"""
    )


@pytest.mark.e2e
def test_reader_filters_the_listing_and_opens_a_story(new_page, public_site):
    vi = public_site["vi"]
    road_story = next(story for story in public_site.stories if story.subject_name == "Trần Văn Út")
    page = new_page()
    page.goto(vi.home)
    page.locator(".site-nav").get_by_role("link", name="Gương điển hình").click()
    page.wait_for_url(f"**{vi.listing}")
    assert card_titles(page) == [story.title for story in public_site.stories]

    filters = page.locator("form.filters")
    filters.get_by_label("Đơn vị").select_option(label="Huyện Kế Sách")
    filters.get_by_role("button").click()
    page.wait_for_url("**unit=huyen-ke-sach**")
    assert len(card_titles(page)) == 2
    assert road_story.title in card_titles(page)

    filters.get_by_label("Lĩnh vực").select_option(label="Xây dựng nông thôn mới")
    filters.get_by_role("button").click()
    page.wait_for_url("**field=xay-dung-nong-thon-moi**")
    assert card_titles(page) == [road_story.title]
    # The form shows what is chosen, so the reader can see why the list is short.
    assert filters.get_by_label("Đơn vị").input_value() == "huyen-ke-sach"

    page.get_by_role("link", name=road_story.title).click()
    page.wait_for_url(f"**{road_story.url}")
    assert page.locator("h1").inner_text().strip() == road_story.title
    body = page.locator(".prose").inner_text()
    assert "hiến 1.200 m² đất vườn" in body
    assert page.locator(".story__image img").evaluate("image => image.complete && image.naturalWidth > 0")


@pytest.mark.e2e
def test_search_without_diacritics_finds_the_story(new_page, public_site):
    story = public_site.story["vi"]
    page = new_page()
    page.goto(public_site["vi"].home)
    page.get_by_role("searchbox").fill(SEARCH_QUERY)
    page.get_by_role("searchbox").press("Enter")
    page.wait_for_url("**/tim-kiem/?q=lua+tom+my+xuyen")

    results = page.locator(".search-result__title")
    assert results.all_inner_texts() == [story.title]
    # Every word typed without diacritics is highlighted as it is written in the story.
    highlighted = {text.lower() for text in results.first.locator("mark").all_inner_texts()}
    assert {"lúa", "tôm", "mỹ", "xuyên"} <= highlighted
    results.first.get_by_role("link").click()
    page.wait_for_url(f"**{story.url}")
    assert page.locator("h1").inner_text().strip() == story.title


@pytest.mark.e2e
def test_language_switch_keeps_the_same_story(new_page, public_site):
    page = new_page()
    page.goto(public_site["vi"].story)
    for language in ("en", "km", "vi"):
        page.locator(f'nav.languages a[lang="{language}"]').click()
        page.wait_for_url(f"**{public_site[language].story}")
        assert path_of(page) == unquote(public_site[language].story)
        assert page.locator("html").get_attribute("lang") == language
        title, summary = TRANSLATED_STORY[language]
        assert page.locator("h1").inner_text().strip() == title
        assert page.locator(".story__header .lead").inner_text().strip() == summary
        assert page.locator(f'nav.languages [aria-current][lang="{language}"]').count() == 1


KEY_PAGES = [
    ("home", "vi"),
    ("listing", "vi"),
    ("story", "vi"),
    ("search", "vi"),
    ("campaign", "vi"),
    ("column", "vi"),
    ("article", "vi"),
    ("story", "km"),
    ("story", "en"),
    ("home", "km"),
    ("home", "en"),
]
# Pages whose content has pictures (the story's and the article's main image, the listing's cards).
PICTURED = {"listing", "story", "article"}


@pytest.mark.e2e
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_key_pages_fit_the_screen(new_page, public_site, size):
    width = size[0]
    page = new_page(*size)
    for name, language in KEY_PAGES:
        page.goto(getattr(public_site[language], name))
        assert page.locator("h1").count() == 1, f"{name}-{language}"
        overflow = page.evaluate("document.scrollingElement.scrollWidth")
        assert overflow <= width, f"{name}-{language} is {overflow} px wide at {width} px"
        pictures = page.locator("img").count()
        assert pictures or name not in PICTURED, f"{name}-{language} shows no picture"
        assert loaded_images(page) == pictures, f"{name}-{language} has a broken image"
        screenshot(page, f"{name}-{language}-{width}")

    # Every section of the site can be reached from the navigation, even when it scrolls sideways.
    page.goto(public_site["vi"].home)
    links = page.locator(".site-nav a")
    assert links.count() >= 4
    last = links.last
    last.scroll_into_view_if_needed()
    box = last.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    target = last.get_attribute("href")
    last.click()
    page.wait_for_url(f"**{target}")
