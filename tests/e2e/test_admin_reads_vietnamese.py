"""The admin reads Vietnamese to every role (issue 19, item 3): each demo user, in a real browser,
goes through the admin pages they can reach (the sidebar's menu, the explorer of a unit's section,
the add form of each page type its "add child page" links offer, edit forms, history, workflow,
media, documents and images, snippets, reports, account, search) and the page, image and document
choosers. Every string a user reads or hears (visible text, placeholders, titles, aria-labels) is
checked by tests.e2e.admin_language; the test lists (role, URL, string) for every English one.

One test: the demo takes about a minute to load, so all roles share it. Each role's crawl is
bounded (PAGES_PER_ROLE) and visits one URL per shape (numbers left out), so the run stays short.
tmp/e2e/admin-vietnamese.json keeps the measure per role.
"""

import heapq
import io
import json
import re
from itertools import count
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.management import call_command
from wagtail.permission_policies.pages import PagePermissionPolicy

from demo.users import DEMO_USERS
from exemplars.models import UnitSectionPage
from tests.e2e.admin import demo_users_with_password, log_in
from tests.e2e.admin_language import is_english, is_vietnamese_interface
from tests.e2e.conftest import ARTIFACTS

ROLES = ["board", "kesach-contributor", "kesach-approver", "baost-editor", "baost-reporter", "translator-km"]
PAGES_PER_ROLE = 60
HISTORIES = ["history", "workflow_history"]
# Per-type screens that read the same for every type: one of them is enough.
PER_TYPE = re.compile(r"/(usage|create)/\w+/\w+")
CHOOSERS = ["/admin/choose-page/", "/admin/images/chooser/", "/admin/documents/chooser/"]
# Never followed: they leave the admin, download a file, or confirm a change of data.
SKIPPED = re.compile(
    r"logout|/delete|/unpublish|/lock|/unlock|/revert|/cancel|/disable|/enable|/approve|/reject|/remove"
    r"|/preview|view_draft|/convert_alias|/copy|/move|/restart|/workflow/action|/collapse|/toggle|"
    r"/documents/\d+/[^/]+$|/authorize|/create_translation|/sync|/update_translations|/download|export="
)
# Visited before anything the crawl finds, in this order: the screens a role works in every day.
FIRST = re.compile(r"/add_subpage/|/pages/add/|/edit/|/history/|/workflow_history/|/add/|/account/")
SIDEBAR_DRAWN_JS = "() => !document.querySelector('#wagtail-sidebar') || document.querySelector('.sidebar a')"
COLLECT_JS = """(root) => {
  const strings = new Set();
  // Read also what the sidebar's closed menus, dropdowns and screen readers show.
  const shown = '.sidebar, [data-w-dropdown-target="content"], .w-sr-only, .visuallyhidden';
  const visible = (el) => el.closest(shown) || el.checkVisibility({visibilityProperty: true});
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, template, noscript, textarea, [contenteditable]')) continue;
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    if (text && visible(parent)) strings.add(text);
  }
  for (const el of root.querySelectorAll('[placeholder], [title], [aria-label]')) {
    if (el.closest('[contenteditable]') || el.type === 'hidden') continue;
    for (const name of ['placeholder', 'title', 'aria-label']) {
      const value = (el.getAttribute(name) || '').trim();
      if (value) strings.add(value);
    }
  }
  return [...strings];
}"""
CHOOSER_JS = """async (url) => {
  const response = await fetch(url, {headers: {'X-Requested-With': 'XMLHttpRequest'}});
  const data = await response.json();
  const box = document.createElement('div');
  box.id = 'crawled-chooser';
  box.innerHTML = data.html;
  document.querySelector('#crawled-chooser')?.remove();
  document.body.prepend(box);
}"""


@pytest.fixture
def demo(fresh_newsroom):
    call_command("load_demo_content", stdout=io.StringIO())
    return demo_users_with_password()


@pytest.mark.e2e
def test_the_admin_reads_vietnamese_to_every_role(new_page, demo):
    flagged, measure, visited = [], {}, {}
    for role in ROLES:
        page = new_page()
        log_in(page, role)
        strings = crawl(page, starting_points(demo[role]))
        # The demo users' logins are data, even "board".
        english = {(url, text) for url, texts in strings.items() for text in texts if is_english(text)}
        english = {(url, text) for url, text in english if text not in DEMO_USERS}
        flagged += [(role, url, text) for url, text in sorted(english)]
        measure[role] = share(strings, english)
        visited[role] = sorted(strings)
        page.context.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    report = {"measure": measure, "flagged": flagged, "visited": visited}
    (ARTIFACTS / "admin-vietnamese.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))
    assert not flagged, "English in the admin:\n" + "\n".join(f"{r}  {u}  {t!r}" for r, u, t in flagged)


def share(strings, english):
    """Distinct interface strings of a role's crawl: how many are English, and the Vietnamese share."""
    english_texts = {text for _, text in english}
    vietnamese = {text for texts in strings.values() for text in texts if is_vietnamese_interface(text)}
    interface = len(english_texts) + len(vietnamese - english_texts)
    return {
        "pages": len(strings),
        "english": len(english_texts),
        "vietnamese": len(vietnamese - english_texts),
        "share": round(100 * (1 - len(english_texts) / interface), 1) if interface else 100.0,
    }


def starting_points(user):
    """Where ``user``'s crawl starts: the dashboard, the explorer at its root and at a unit's section
    the user may add to, a page of each type the user may edit, and the admin search."""
    urls = ["/admin/", "/admin/pages/", "/admin/pages/search/?q=t%C3%B4m"]
    sections = [s for s in UnitSectionPage.objects.order_by("path") if s.permissions_for_user(user).can_add_subpage()]
    for section in sections[:1]:
        urls += [f"/admin/pages/{section.pk}/", f"/admin/pages/{section.pk}/add_subpage/"]
    # The deepest page of each type the user may change (Wagtail's policy answers in one query).
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
    deepest = dict(editable.filter(depth__gt=1).order_by("depth", "path").values_list("content_type", "pk"))
    urls += [f"/admin/pages/{pk}/edit/" for pk in deepest.values()]
    return urls + [f"/admin/pages/{pk}/{view}/" for pk in list(deepest.values())[-1:] for view in HISTORIES]


def shape(url):
    """What makes two URLs the same screen: the path with numbers left out, and the query's names."""
    parts = urlsplit(url)
    names = sorted({name for name, _ in parse_qsl(parts.query)} - {"p", "ordering"})
    return re.sub(r"\d+", "N", PER_TYPE.sub(r"/\1/", parts.path)), tuple(names)


def crawl(page, urls):
    """Visit admin pages from ``urls`` on (breadth first, FIRST pages before others), one per shape,
    at most PAGES_PER_ROLE; then open the choosers. Returns the strings read, by URL path."""
    order, queue, shapes, strings = count(), [], set(), {}

    def push(url, first=False):
        parts = urlsplit(url)
        if not parts.path.startswith("/admin/") or SKIPPED.search(parts.path + "?" + parts.query):
            return
        relative = parts.path + (f"?{parts.query}" if parts.query else "")
        if first or shape(relative) not in shapes:
            shapes.add(shape(relative))
            heapq.heappush(queue, (0 if first else 1 if FIRST.search(parts.path) else 2, next(order), relative))

    for url in urls:
        push(url, first=True)
    while queue and len(strings) < PAGES_PER_ROLE:
        url = heapq.heappop(queue)[2]
        response = page.goto(url)
        if not response or not response.ok or "text/html" not in response.headers.get("content-type", ""):
            continue
        # The sidebar is drawn by script once the page has loaded: read the page after it.
        page.wait_for_function(SIDEBAR_DRAWN_JS)
        strings[url] = page.evaluate(COLLECT_JS, page.locator("body").element_handle())
        for href in page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)"):
            push(href)
    page.goto("/admin/")
    for url in CHOOSERS:
        page.evaluate(CHOOSER_JS, url)
        strings[url] = page.evaluate(COLLECT_JS, page.locator("#crawled-chooser").element_handle())
    return strings
