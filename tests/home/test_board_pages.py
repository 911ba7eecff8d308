"""The Board edits and publishes the home page, the standard pages and the form pages through its own
workflow, pins stories on the home page, and has the Khmer home page translated; the home page
advertises its feeds."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.text import slugify

from demo.users import ensure_demo_users
from exemplars.models import UnitSectionPage
from home.models import HomePage, StandardPage
from submissions.models import NominationFormPage
from tests.factories import ExemplarPageFactory
from tests.helpers import published
from tests.units.moderation import admin_form_data, workflow_action


@pytest.fixture
def users(newsroom):
    return ensure_demo_users()


@pytest.fixture
def login():
    def as_user(user):
        client = Client()
        client.force_login(user)
        return client

    return as_user


def home(language="vi"):
    return HomePage.objects.get(locale__language_code=language)


def edit_form(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200, response
    return admin_form_data(response.content.decode())


def post_edit(client, page, data, action):
    data[action] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)


def rich_text(text):
    """A rich text field's value as the admin's editor sends it."""
    block = {"key": "a1b2c", "type": "unstyled", "depth": 0, "text": text, "inlineStyleRanges": [], "entityRanges": []}
    return json.dumps({"blocks": [block], "entityMap": {}})


def pin(data, story):
    data.update(
        {
            "featured_stories-TOTAL_FORMS": "1",
            "featured_stories-0-id": "",
            "featured_stories-0-story": str(story.pk),
            "featured_stories-0-ORDER": "1",
            "featured_stories-0-DELETE": "",
        }
    )
    return data


@pytest.mark.django_db
def test_board_pins_a_story_submits_the_home_page_and_its_approval_publishes_it(client, users, login):
    section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")
    story = published(ExemplarPageFactory(parent=section, title="Bác sĩ Lâm Thị Mỹ trực đêm Tết"))
    board = login(users["board"])

    data = pin(edit_form(board, home()), story)
    data["intro"] = "Tuần lễ kỷ niệm ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc."
    response = post_edit(board, home(), data, "action-submit")
    assert response.status_code == 302

    page = home()
    assert page.workflow_in_progress and page.get_workflow().name == "Ban Thi đua - Khen thưởng duyệt"
    assert "Lời kêu gọi thi đua ái quốc" not in client.get("/").content.decode()

    assert workflow_action(board, page, "approve").status_code == 302
    page = home()
    assert not page.workflow_in_progress
    html = client.get("/").content.decode()
    assert "Lời kêu gọi thi đua ái quốc" in html
    assert "Bác sĩ Lâm Thị Mỹ trực đêm Tết" in html.split('id="featured-title"')[1].split("</section>")[0]


@pytest.mark.django_db
def test_featured_story_chooser_offers_every_units_live_stories_and_no_draft(users, login):
    ke_sach = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")
    y_te = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")
    live = published(ExemplarPageFactory(parent=y_te, title="Gương sáng ngành y đã đăng"))
    draft = ExemplarPageFactory(parent=ke_sach, title="Gương sáng Kế Sách còn nháp", live=False)
    draft.save_revision()
    board = login(users["board"])

    search = board.get("/admin/choose-page/search/", {"q": "Gương sáng", "page_type": "exemplars.exemplarpage"})
    assert search.status_code == 200
    assert f'data-id="{live.pk}"' in search.content.decode()
    assert f'data-id="{draft.pk}"' not in search.content.decode()

    browse = board.get(f"/admin/choose-page/{ke_sach.pk}/", {"page_type": "exemplars.exemplarpage"})
    assert browse.status_code == 200
    assert draft.title not in json.loads(browse.content)["html"]


@pytest.mark.django_db
def test_board_adds_and_publishes_a_standard_page_under_the_home_page(client, users, login):
    board = login(users["board"])
    add_url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", home().pk))
    form = board.get(add_url)
    assert form.status_code == 200
    data = admin_form_data(form.content.decode())
    title = "Liên hệ Ban Thi đua - Khen thưởng"
    data.update(
        {
            "title": title,
            "slug": slugify(title, allow_unicode=True),
            "intro": "Số 2 Trần Hưng Đạo, Phường 3, thành phố Sóc Trăng.",
            "action-publish": "1",
        }
    )
    assert board.post(add_url, data).status_code == 302

    page = StandardPage.objects.get(title=title)
    assert page.live and page.get_parent().pk == home().pk
    assert client.get(page.url).status_code == 200
    # The page it made is the Board's to edit and publish again, also in a later session.
    later = login(users["board"])
    assert later.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).status_code == 200
    assert page.permissions_for_user(users["board"]).can_publish()


@pytest.mark.django_db
def test_board_edits_the_about_page_and_a_form_pages_texts(client, users, login):
    board = login(users["board"])
    about = StandardPage.objects.get(locale__language_code="vi", slug="gioi-thieu")
    data = edit_form(board, about)
    data["intro"] = "Trang do Ban Thi đua - Khen thưởng tỉnh Sóc Trăng quản lý."
    assert post_edit(board, about, data, "action-publish").status_code == 302
    assert "Ban Thi đua - Khen thưởng tỉnh Sóc Trăng quản lý" in client.get(about.url).content.decode()

    form_page = NominationFormPage.objects.get(locale__language_code="vi")
    data = edit_form(board, form_page)
    data["intro"] = rich_text("Mời bà con giới thiệu người tốt, việc tốt ở ấp, khóm mình.")
    data["thank_you_text"] = rich_text("Ban Thi đua - Khen thưởng cảm ơn bà con.")
    assert post_edit(board, form_page, data, "action-publish").status_code == 302
    assert "Mời bà con giới thiệu người tốt" in client.get(form_page.url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["kesach-contributor", "baost-editor", "translator-km"])
def test_other_staff_cannot_edit_the_home_page_even_by_a_forged_post(client, users, login, username):
    staff = login(users[username])
    url = reverse("wagtailadmin_pages:edit", args=(home().pk,))
    assert staff.get(url).status_code in (302, 403)

    data = edit_form(login(users["board"]), home())
    data.update({"intro": "Trang chủ bị sửa trái phép", "action-publish": "1"})
    assert staff.post(url, data).status_code in (302, 403)
    assert not home().has_unpublished_changes
    assert "bị sửa trái phép" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_khmer_home_page_is_drafted_by_its_translator_and_published_by_the_board(client, users, login):
    khmer_home = home("km")
    translator = login(users["translator-km"])
    data = edit_form(translator, khmer_home)
    assert 'name="action-publish"' not in translator.get(f"/admin/pages/{khmer_home.pk}/edit/").content.decode()
    data["intro"] = "គំរូឆ្នើមនៃខេត្តសុកត្រាំង"
    assert post_edit(translator, khmer_home, data, "action-submit").status_code == 302
    assert "គំរូឆ្នើមនៃខេត្តសុកត្រាំង" not in client.get("/km/").content.decode()

    assert workflow_action(login(users["board"]), home("km"), "approve").status_code == 302
    assert "គំរូឆ្នើមនៃខេត្តសុកត្រាំង" in client.get("/km/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/km", "/en"])
def test_home_page_advertises_its_rss_and_atom_feeds(client, newsroom, prefix):
    html = client.get(f"{prefix}/").content.decode()
    feeds = {}
    for tag in re.findall(r'<link rel="alternate" type="application/(rss|atom)\+xml"[^>]*>', html):
        feeds[tag] = re.search(rf'type="application/{tag}\+xml"[^>]*href="([^"]+)"', html).group(1)
    assert set(feeds) == {"rss", "atom"}
    for kind, href in feeds.items():
        assert href.startswith(f"{prefix}/")
        response = client.get(href)
        assert response.status_code == 200
        assert response["Content-Type"].startswith(f"application/{kind}+xml")
