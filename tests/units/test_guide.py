"""The editor's guide in the admin: each role's help menu leads first to its own page of
docs/huong-dan/, the pages read Vietnamese to staff and are closed to everyone else."""

import pytest
from django.test import RequestFactory
from wagtail.admin.menu import help_menu

from units.guide import PAGE_OF_ROLE, PAGES
from units.models import Role
from units.roles import add_member

ROLE_PAGES = {
    "ks-contributor": ("/admin/huong-dan/nguoi-dong-gop/", "Hướng dẫn cho người đóng góp của đơn vị"),
    "ks-approver": ("/admin/huong-dan/lanh-dao-duyet/", "Hướng dẫn cho lãnh đạo đơn vị duyệt bài"),
    "board": ("/admin/huong-dan/ban-thi-dua/", "Hướng dẫn cho Ban Thi đua - Khen thưởng"),
    "bst-reporter": ("/admin/huong-dan/bao-dai/", "Hướng dẫn cho phóng viên, biên tập viên của Báo và Đài"),
    "bst-editor": ("/admin/huong-dan/bao-dai/", "Hướng dẫn cho phóng viên, biên tập viên của Báo và Đài"),
}


def help_items(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return sorted(help_menu.menu_items_for_request(request), key=lambda item: item.order)


@pytest.mark.django_db
@pytest.mark.parametrize("who", sorted(ROLE_PAGES))
def test_the_help_menu_leads_first_to_the_guide_of_ones_own_role(staff, who):
    url, _ = ROLE_PAGES[who]
    items = help_items(staff[who])
    assert items[0].url == url
    assert items[0].name == "guide-own"  # its label, "Hướng dẫn cho vai trò của bạn", is in the catalogue
    assert items[1].url == "/admin/huong-dan/"
    # No link to Wagtail's English guide or release notes on wagtail.org.
    assert not [item for item in items if "wagtail.org" in (item.url or "")]


@pytest.mark.django_db
def test_a_translator_and_a_superuser_get_their_page_or_the_index(django_user_model, newsroom, superuser):
    translator = django_user_model.objects.create_user("translator-km", "t@example.invalid", "pw")
    add_member(translator, Role.TRANSLATOR_KM)
    assert help_items(translator)[0].url == "/admin/huong-dan/nguoi-dich/"
    assert help_items(superuser)[0].url == "/admin/huong-dan/"


@pytest.mark.django_db
def test_the_sidebar_of_the_dashboard_carries_the_guide(client, staff):
    client.force_login(staff["board"])
    html = client.get("/admin/").content.decode()
    assert html.count('href="/admin/huong-dan/ban-thi-dua/"') == 1  # the account summary
    assert "/admin/huong-dan/ban-thi-dua/" in html.split('id="wagtail-sidebar-props"')[1]
    assert "guide.wagtail.org" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("who", sorted(ROLE_PAGES))
def test_staff_read_their_guide_page_in_vietnamese_with_its_screenshots(client, staff, who):
    url, title = ROLE_PAGES[who]
    client.force_login(staff[who])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and title in html
    assert 'lang="vi"' in html
    assert '<img src="/admin/huong-dan/anh/' in html


@pytest.mark.django_db
def test_the_index_links_every_role_page(client, staff):
    client.force_login(staff["ks-contributor"])
    html = client.get("/admin/huong-dan/").content.decode()
    assert "Hướng dẫn sử dụng trang quản trị" in html
    for name in PAGES:
        assert f'href="/admin/huong-dan/{name}/"' in html
    assert set(PAGE_OF_ROLE.values()) == set(PAGES)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/huong-dan/", "/admin/huong-dan/ban-thi-dua/", "/admin/huong-dan/anh/x.png"])
def test_anonymous_visitors_are_sent_to_the_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/huong-dan/khong-co/",
        "/admin/huong-dan/README/",
        "/admin/huong-dan/..%2Fsecurity/",
        "/admin/huong-dan/anh/..%2F..%2FREADME.md",
        "/admin/huong-dan/anh/khong-co.png",
        "/admin/huong-dan/anh/nguoi-dong-gop.md",
    ],
)
def test_a_malformed_or_unknown_name_is_not_found(client, staff, url):
    client.force_login(staff["board"])
    assert client.get(url, follow=True).status_code == 404


@pytest.mark.django_db
def test_a_screenshot_is_served_to_staff_as_png(client, staff, settings, tmp_path):
    (tmp_path / "anh").mkdir()
    (tmp_path / "anh" / "ban-thi-dua-x.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    settings.EDITOR_GUIDE_DIR = tmp_path
    client.force_login(staff["board"])
    response = client.get("/admin/huong-dan/anh/ban-thi-dua-x.png")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"


@pytest.mark.django_db
def test_a_guide_page_can_carry_no_script_into_the_admin(client, staff, settings, tmp_path):
    (tmp_path / "ban-thi-dua.md").write_text(
        '# Tiêu đề\n\n<script>alert("x")</script>\n\n[bấm](javascript:alert(1))\n', encoding="utf-8"
    )
    settings.EDITOR_GUIDE_DIR = tmp_path
    client.force_login(staff["board"])
    html = client.get("/admin/huong-dan/ban-thi-dua/").content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "javascript:alert" not in html
