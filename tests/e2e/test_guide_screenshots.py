"""The editor's guide's screenshots (docs/huong-dan/anh/): each demo role logs in on a fresh demo,
takes the screenshots its guide page shows, and reads that page in the admin with them."""

import pytest
from django.urls import reverse

from columns.models import OutletPage
from exemplars.models import UnitSectionPage
from tests.e2e.admin import log_in
from tests.e2e.conftest import ROOT, screenshot
from tests.e2e.test_board_runs_the_plan import demo  # noqa: F401  the demo as `make run` loads it

GUIDE = ROOT / "docs" / "huong-dan"
# Small: one admin viewport, not the full page.
VIEWPORT = {"width": 1100, "height": 700}


def vi(model, **lookups):
    return model.objects.filter(locale__language_code="vi").get(**lookups)


def shots_by_role():
    """(user, guide page, [(screenshot name, admin URL)]) for each demo role."""
    ke_sach = vi(UnitSectionPage, unit__slug="huyen-ke-sach")
    bao = vi(OutletPage, unit__slug="bao-soc-trang")
    return [
        (
            "kesach-contributor",
            "nguoi-dong-gop",
            [
                ("nguoi-dong-gop-trang-don-vi", f"/admin/pages/{ke_sach.pk}/"),
                ("nguoi-dong-gop-them-bai", f"/admin/pages/add/exemplars/exemplarpage/{ke_sach.pk}/"),
            ],
        ),
        (
            "kesach-approver",
            "lanh-dao-duyet",
            [
                ("lanh-dao-duyet-trang-tong-quan", "/admin/"),
                ("lanh-dao-duyet-de-nghi-khen-thuong", reverse("commendation_proposals:index")),
            ],
        ),
        (
            "board",
            "ban-thi-dua",
            [
                ("ban-thi-dua-dong-gop-don-vi", reverse("units_reports:contributions")),
                ("ban-thi-dua-van-ban-bao-cao", reverse("units_reports:documents")),
            ],
        ),
        (
            "baost-editor",
            "bao-dai",
            [("bao-dai-chuyen-muc", f"/admin/pages/{bao.pk}/"), ("bao-dai-trang-tong-quan", "/admin/")],
        ),
        (
            "translator-km",
            "nguoi-dich",
            [
                ("nguoi-dich-ten-goi", reverse("names_in_languages")),
                ("nguoi-dich-trang-tong-quan", "/admin/"),
            ],
        ),
    ]


def take(page, name, url):
    response = page.goto(url)
    assert response.status == 200, (name, url, response.status)
    page.wait_for_load_state("networkidle")
    screenshot(page, f"guide-{name}")  # the full page, among the run's artefacts
    page.screenshot(path=str(GUIDE / "anh" / f"{name}.png"))


def reads_the_guide_page(page, name, shots):
    """The role's help menu leads to its page, served in the admin with every screenshot loaded."""
    page.goto("/admin/")
    page.locator("#wagtail-sidebar").get_by_role("button", name="Trợ giúp").click()
    # The first item, "Hướng dẫn cho vai trò của bạn", leads to the role's own page.
    page.locator(f'#wagtail-sidebar a[href="/admin/huong-dan/{name}/"]').first.click()
    page.wait_for_url(f"**/admin/huong-dan/{name}/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("h1").first.inner_text().startswith("Hướng dẫn cho")
    for shot, _ in shots:
        image = page.locator(f'.editor-guide img[src="/admin/huong-dan/anh/{shot}.png"]')
        image.scroll_into_view_if_needed()
        assert image.evaluate("img => img.complete && img.naturalWidth > 0"), shot


@pytest.mark.e2e
def test_each_role_takes_the_screenshots_of_its_guide_page(new_page, demo):  # noqa: F811
    (GUIDE / "anh").mkdir(exist_ok=True)
    for username, guide_page, shots in shots_by_role():
        page = new_page(**VIEWPORT)
        log_in(page, username)
        for name, url in shots:
            take(page, name, url)
        reads_the_guide_page(page, guide_page, shots)
