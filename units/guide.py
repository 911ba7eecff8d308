"""The editor's guide in the admin: docs/huong-dan/ served under /admin/huong-dan/, and the help menu.

Wagtail's help menu links to its own English guide and release notes on wagtail.org; staff here
need a Vietnamese guide to the newsroom as it is built, one page per role. The guide lives in the
repository as Markdown (readable on the forge too), and the admin renders it with core.markdown,
which escapes everything: a guide page can never carry script into the admin. The help menu's
first item leads to the page of the user's own role (this module knows the roles, as units.roles
does), the second to the guide's index; Wagtail's outside links are removed.

Pages and screenshots are looked up by name in fixed lists, never by a path taken from the URL.
"""

import re
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from core import markdown
from units.models.roles import Role
from units.roles import cached_roles_of

INDEX = "index"
# The guide's pages in reading order, and which page each role reads first.
PAGES = ("nguoi-dong-gop", "lanh-dao-duyet", "ban-thi-dua", "bao-dai", "nguoi-dich")
PAGE_OF_ROLE = {
    Role.BOARD: "ban-thi-dua",
    Role.APPROVER: "lanh-dao-duyet",
    Role.CONTRIBUTOR: "nguoi-dong-gop",
    Role.OUTLET_EDITOR: "bao-dai",
    Role.OUTLET_REPORTER: "bao-dai",
    Role.TRANSLATOR_KM: "nguoi-dich",
    Role.TRANSLATOR_EN: "nguoi-dich",
}
SCREENSHOT = re.compile(r"^anh/([a-z0-9-]+\.png)$")
MARKDOWN_LINK = re.compile(r"^([a-z0-9-]+)\.md$")
# Wagtail's help items that lead to English pages on wagtail.org (its guide, its release notes).
WAGTAIL_GUIDE_ITEMS = ("editor-guide", "whats-new-in-wagtail")


def guide_dir():
    return Path(getattr(settings, "EDITOR_GUIDE_DIR", settings.BASE_DIR / "docs" / "huong-dan"))


def page_url(name):
    if name == INDEX:
        return reverse("editor_guide:index")
    return reverse("editor_guide:page", args=[name])


def page_of(user):
    """The guide page for ``user``'s role (the first by the order above), or the index."""
    roles = cached_roles_of(user)
    return next((page for role, page in PAGE_OF_ROLE.items() if role in roles), INDEX)


def _link_target(target):
    if target.startswith("https://"):
        return target
    match = MARKDOWN_LINK.match(target)
    if match and (match.group(1) in PAGES or match.group(1) == INDEX):
        return page_url(match.group(1))
    return None


def _image_target(target):
    match = SCREENSHOT.match(target)
    return reverse("editor_guide:screenshot", args=[match.group(1)]) if match else None


TARGETS = markdown.Targets(link=_link_target, image=_image_target)


def read_page(name):
    """(title, body HTML) of a guide page; Http404 if the name is not one of the guide's pages."""
    if name != INDEX and name not in PAGES:
        raise Http404
    try:
        source = (guide_dir() / f"{name}.md").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise Http404 from None
    title = markdown.title_of(source)
    # The title is the admin header's h1; the body starts below it.
    body = "\n".join(line for line in source.splitlines() if line.strip() != f"# {title}")
    return title, markdown.render(body, TARGETS)


class GuidePageView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "units/guide_page.html"
    header_icon = "help"

    def dispatch(self, request, *args, name=INDEX, **kwargs):
        self.name = name
        self.title, self.body = read_page(name)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.title

    def get_breadcrumbs_items(self):
        items = [{"url": "", "label": self.title}]
        if self.name != INDEX:
            items.insert(0, {"url": page_url(INDEX), "label": _("User guide")})
        return self.breadcrumbs_items + items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["body"] = self.body
        return context


def screenshot(request, filename):
    """A PNG of docs/huong-dan/anh/, by a name the URL pattern already restricted."""
    if not SCREENSHOT.match(f"anh/{filename}"):
        raise Http404
    file = guide_dir() / "anh" / filename
    if not file.is_file():
        raise Http404
    return FileResponse(file.open("rb"), content_type="image/png")


@hooks.register("register_admin_urls")
def register_guide_urls():
    urls = [
        path("", GuidePageView.as_view(), name="index"),
        path("anh/<str:filename>", screenshot, name="screenshot"),
        path("<slug:name>/", GuidePageView.as_view(), name="page"),
    ]
    return [path("huong-dan/", (urls, "editor_guide", "editor_guide"))]


@hooks.register("construct_help_menu")
def guide_in_help_menu(request, menu_items):
    """The user's own guide page first (the menu sorts by order), then the index; no wagtail.org links."""
    menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_GUIDE_ITEMS)]
    own = page_of(request.user)
    if own != INDEX:
        menu_items.append(
            MenuItem(_("Guide for your role"), page_url(own), name="guide-own", icon_name="help", order=100)
        )
    menu_items.append(MenuItem(_("User guide"), page_url(INDEX), name="guide", icon_name="help", order=110))
