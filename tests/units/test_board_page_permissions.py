"""The Board's reach over the home page (units/page_permissions.py, units/roles.py): the home page
itself and the standard, form and documents pages under it, never what the home page carries below
(the outlets' columns), however it asks."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission

from columns.models import OutletPage
from core.seeding import Tally
from home.models import HomePage, StandardPage
from submissions.models import NominationFormPage
from tests.factories import ColumnArticlePageFactory, ColumnPageFactory
from tests.helpers import published
from tests.units.moderation import admin_form_data
from units.roles import board_group, ensure_site_roles


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def vietnamese(model):
    return model.objects.filter(locale__language_code="vi")


@pytest.fixture
def home(newsroom):
    return vietnamese(HomePage).get()


@pytest.fixture
def article(newsroom):
    outlet = vietnamese(OutletPage).get(unit__slug="bao-soc-trang")
    column = published(ColumnPageFactory(parent=outlet, title="Gương sáng đời thường"))
    return published(ColumnArticlePageFactory(parent=column, title="Người giữ đê ở Cù Lao Dung"))


@pytest.mark.django_db
def test_board_still_cannot_edit_an_outlets_article_even_by_a_forged_post(staff, article, home):
    board = client_for(staff["board"])
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    assert board.get(url).status_code == 302

    editor_form = client_for(staff["bst-editor"]).get(url)
    data = admin_form_data(editor_form.content.decode())
    data.update({"title": "Bài bị Ban sửa", "action-publish": "1"})
    assert board.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Người giữ đê ở Cù Lao Dung" and not article.has_unpublished_changes

    tester = article.permissions_for_user(staff["board"])
    assert not (tester.can_edit() or tester.can_publish() or tester.can_delete() or tester.can_add_subpage())
    assert home.permissions_for_user(staff["board"]).can_edit()


@pytest.mark.django_db
def test_board_adds_under_the_home_page_only_the_page_types_it_publishes(staff, home):
    board = client_for(staff["board"])
    offered = board.get(reverse("wagtailadmin_pages:add_subpage", args=(home.pk,)))
    assert offered.status_code == 200
    types = set(re.findall(r"/admin/pages/add/(\w+/\w+)/", offered.content.decode()))
    assert {"home/standardpage", "submissions/nominationformpage", "submissions/difficultyreportformpage"} <= types
    assert "columns/columnindexpage" not in types

    url = reverse("wagtailadmin_pages:add", args=("columns", "columnindexpage", home.pk))
    assert board.get(url).status_code == 302
    response = board.post(url, {"title": "Chuyên mục của Ban", "slug": "chuyen-muc-cua-ban", "action-publish": "1"})
    assert response.status_code == 302
    assert not home.get_children().filter(slug="chuyen-muc-cua-ban").exists()

    # An outlet editor may add nothing under the home page, whatever the type.
    editor = client_for(staff["bst-editor"])
    assert editor.get(reverse("wagtailadmin_pages:add", args=("home", "standardpage", home.pk))).status_code == 302


@pytest.mark.django_db
def test_board_cannot_delete_unpublish_or_restrict_the_home_page(staff, home, article):
    """Each would reach everything below it, the outlets' columns included."""
    tester = home.permissions_for_user(staff["board"])
    assert tester.can_publish() and tester.can_edit()
    assert not (tester.can_delete() or tester.can_unpublish() or tester.can_set_view_restrictions())
    board = client_for(staff["board"])
    for action in ("delete", "unpublish", "privacy"):
        assert board.get(f"/admin/pages/{home.pk}/{action}/").status_code == 302
    assert board.post(f"/admin/pages/{home.pk}/unpublish/", {"include_descendants": "on"}).status_code == 302
    home.refresh_from_db()
    article.refresh_from_db()
    assert home.live and article.live


@pytest.mark.django_db
def test_setup_gives_an_existing_database_the_boards_pages_once(staff, home):
    """``setup_newsroom`` (its ``ensure_site_roles``) grants the Board the standard and form pages
    of a database made before it could, and running it again adds nothing."""
    board = board_group()
    about = vietnamese(StandardPage).get(slug="gioi-thieu")
    form_page = vietnamese(NominationFormPage).get()
    GroupPagePermission.objects.filter(group=board, page__in=[about, form_page]).delete()
    assert not about.permissions_for_user(staff["board"]).can_edit()

    ensure_site_roles(Tally())
    granted = GroupPagePermission.objects.filter(group=board).count()
    ensure_site_roles(Tally())
    assert GroupPagePermission.objects.filter(group=board).count() == granted

    staff["board"].refresh_from_db()
    for page in (about, form_page):
        tester = page.specific.permissions_for_user(type(staff["board"]).objects.get(pk=staff["board"].pk))
        assert tester.can_edit() and tester.can_publish()
    # Never a grant on the Vietnamese home page, which every outlet's column sits under.
    assert not GroupPagePermission.objects.filter(group=board, page=home).exists()
