"""Staff see in the admin's page chooser and page types report only what they may edit, and what is live
(units/page_visibility.py): never the titles of another unit's or outlet's unpublished stories."""

import datetime
import json

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from columns.models import OutletPage
from tests.factories import ColumnArticlePageFactory, ColumnPageFactory, ExemplarPageFactory
from tests.helpers import published


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def edited(page, owner, days_ago):
    """``page`` with a revision by ``owner``, last edited ``days_ago`` days ago."""
    Page.objects.filter(pk=page.pk).update(owner=owner)
    page.refresh_from_db()
    page.save_revision(user=owner)
    Page.objects.filter(pk=page.pk).update(latest_revision_created_at=timezone.now() - datetime.timedelta(days_ago))
    return page


@pytest.fixture
def pages(staff, ke_sach, y_te):
    outlet = OutletPage.objects.filter(locale__language_code="vi").get(unit__slug="bao-soc-trang")
    column = published(ColumnPageFactory(parent=outlet, title="Gương sáng đời thường"))

    def draft(factory, parent, title, author, days_ago):
        page = factory(parent=parent, title=title, live=False, first_published_at=None)
        return edited(page, staff[author], days_ago)

    live_story = published(ExemplarPageFactory(parent=y_te, title="Bác sĩ Lâm Thị Mỹ tận tụy"))
    return {
        # The most recently edited story of all, in another unit.
        "other unit's draft": draft(ExemplarPageFactory, y_te, "Bí mật chưa duyệt của Sở Y tế", "yt-contributor", 1),
        "colleague's draft": draft(ExemplarPageFactory, ke_sach, "Bản nháp của lãnh đạo Kế Sách", "ks-approver", 2),
        "other unit's live story": edited(live_story, staff["yt-contributor"], 3),
        "outlet's draft": draft(ColumnArticlePageFactory, column, "Bài chưa đăng của Báo Sóc Trăng", "bst-reporter", 1),
    }


def chooser_search(client, page):
    response = client.get("/admin/choose-page/search/", {"q": page.title})
    assert response.status_code == 200
    return response.content.decode()


def offered(html, page):
    return f'data-id="{page.pk}"' in html


@pytest.mark.django_db
def test_chooser_search_finds_what_the_user_may_edit_and_live_pages_only(staff, pages):
    contributor = client_for(staff["ks-contributor"])

    assert not offered(chooser_search(contributor, pages["other unit's draft"]), pages["other unit's draft"])
    assert not offered(chooser_search(contributor, pages["outlet's draft"]), pages["outlet's draft"])
    assert offered(chooser_search(contributor, pages["colleague's draft"]), pages["colleague's draft"])
    assert offered(chooser_search(contributor, pages["other unit's live story"]), pages["other unit's live story"])


@pytest.mark.django_db
def test_board_chooses_among_the_stories_but_not_the_outlets_drafts(staff, superuser, pages):
    board = client_for(staff["board"])
    assert offered(chooser_search(board, pages["other unit's draft"]), pages["other unit's draft"])
    assert not offered(chooser_search(board, pages["outlet's draft"]), pages["outlet's draft"])
    assert offered(chooser_search(client_for(superuser), pages["outlet's draft"]), pages["outlet's draft"])


def browse(client, parent):
    response = client.get(f"/admin/choose-page/{parent.pk}/")
    return response.status_code, json.loads(response.content)["html"] if response.status_code == 200 else ""


@pytest.mark.django_db
def test_chooser_browse_lists_another_units_live_stories_but_not_its_drafts(staff, pages, ke_sach, y_te):
    contributor = client_for(staff["ks-contributor"])

    status, other_unit = browse(contributor, y_te)
    assert status == 200
    assert offered(other_unit, pages["other unit's live story"])
    assert pages["other unit's draft"].title not in other_unit

    status, own_unit = browse(contributor, ke_sach)
    assert offered(own_unit, pages["colleague's draft"])


@pytest.mark.django_db
def test_chooser_does_not_open_a_page_the_user_may_not_see(staff, pages):
    """Browsing "into" a page shows its title as the heading, whatever its id."""
    contributor = client_for(staff["ks-contributor"])

    status, html = browse(contributor, pages["other unit's draft"])
    assert status == 404
    assert pages["other unit's draft"].title not in html
    assert browse(contributor, pages["colleague's draft"])[0] == 200


@pytest.mark.django_db
def test_chosen_pages_leave_out_pages_the_user_may_not_see(staff, pages):
    contributor = client_for(staff["ks-contributor"])
    hidden, live = pages["other unit's draft"], pages["other unit's live story"]

    response = contributor.get("/admin/choose-page/chosen-multiple/", {"id": [hidden.pk, live.pk]})

    assert response.status_code == 200
    assert [item["id"] for item in json.loads(response.content)["result"]] == [live.pk]
    assert hidden.title not in response.content.decode()


@pytest.mark.django_db
def test_chosen_pages_with_a_malformed_id_are_a_bad_request(staff):
    response = client_for(staff["ks-contributor"]).get("/admin/choose-page/chosen-multiple/", {"id": ["12abc"]})
    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/reports/page-types-usage/", "/admin/reports/page-types-usage/results/"])
def test_page_types_report_names_only_pages_the_user_may_see(staff, superuser, pages, url):
    report = client_for(staff["ks-contributor"]).get(url)
    assert report.status_code == 200
    html = report.content.decode()
    assert pages["other unit's draft"].title not in html
    assert pages["outlet's draft"].title not in html
    # The last edited story the contributor may see: their colleague's draft.
    assert pages["colleague's draft"].title in html

    assert pages["other unit's draft"].title in client_for(superuser).get(url).content.decode()


@pytest.mark.django_db
def test_admin_page_search_already_keeps_to_the_users_part_of_the_tree(staff, pages):
    contributor = client_for(staff["ks-contributor"])
    for name in ("other unit's draft", "outlet's draft"):
        page = pages[name]
        response = contributor.get("/admin/pages/search/", {"q": page.title})
        assert f"/admin/pages/{page.pk}/edit/" not in response.content.decode()
