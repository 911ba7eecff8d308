"""What the Board and unit staff see of the queue on the dashboard: the units behind, with the ones
"awaiting the Board" told apart and what waits at each step, and the Board's own backlog."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail import hooks

from reports import panels as dashboard_panels
from reports.panels import add_quota_panels
from tests.factories import UnitFactory
from tests.helpers import at
from tests.reports.queue import at_board_step, june_2020, section_of

TODAY = datetime.date(2020, 6, 25)


@pytest.fixture
def june(staff, django_user_model):
    return june_2020(staff, django_user_model)


def panels_html(user, add, today=TODAY):
    request = RequestFactory().get("/admin/")
    request.user = user
    panels = []
    add(request, panels, today=today)
    with translation.override("en"):
        html = "".join(panel.render_html({"request": request}) for panel in panels)
    return panels, BeautifulSoup(html, "html.parser")


@pytest.mark.django_db
def test_the_board_sees_who_is_awaiting_the_board_and_what_waits(staff, june):
    _, soup = panels_html(staff["board"], add_quota_panels)
    table = soup.select_one("table.units-behind")
    ke_sach = table.select_one('tr[data-unit="huyen-ke-sach"]')
    assert ke_sach.select_one(".quota-count").get_text() == "0/1"
    assert ke_sach.select_one('[data-status="awaiting_board"]').get_text(strip=True) == "Awaiting the Board"
    assert ke_sach.select_one(".quota-queue").get_text(strip=True) == "Awaiting the Board's approval: 1"
    chau_thanh = table.select_one('tr[data-unit="huyen-chau-thanh"]')
    assert "1 more story needed" in chau_thanh.get_text(" ", strip=True)
    assert not chau_thanh.select('[data-status="awaiting_board"]')
    assert chau_thanh.select_one(".quota-queue").get_text(" ", strip=True) == (
        "Awaiting the unit's approval: 1 ; Sent back for changes: 1"
    )
    assert "1 of them would meet it once the Board approves what waits at its step" in soup.get_text(" ", strip=True)


@pytest.mark.django_db
def test_unit_staff_see_their_period_awaiting_the_board(staff, june):
    _, soup = panels_html(staff["ks-contributor"], add_quota_panels)
    row = soup.select_one('table.unit-quota tr[data-unit="huyen-ke-sach"]')
    assert row.select_one('[data-status="awaiting_board"]').get_text(strip=True) == "Awaiting the Board"
    assert "more story needed" not in row.get_text()


def backlog(soup):
    """[(unit slug, [(title, days, edit link)])] as the backlog panel lists them."""
    return [
        (
            section["data-unit"],
            [
                (li.a.get_text(strip=True), li.select_one(".board-backlog__days")["data-days"], li.a["href"])
                for li in section.select("li[data-story]")
            ],
        )
        for section in soup.select(".board-backlog__unit")
    ]


@pytest.mark.django_db
def test_the_board_backlog_lists_stories_at_its_step_oldest_first(staff, june):
    stories = june[0]
    panels, soup = panels_html(staff["board"], dashboard_panels.add_board_backlog_panel)
    assert [type(panel) for panel in panels] == [dashboard_panels.BoardBacklogPanel]
    edit = lambda key: reverse("wagtailadmin_pages:edit", args=[stories[key].pk])  # noqa: E731
    # Only Kế Sách has stories at the Board's step: the one at Châu Thành's own step, the one sent
    # back and the published one are not the Board's to act on.
    assert backlog(soup) == [
        (
            "huyen-ke-sach",
            [
                ("Ông Sơn Ngọc Thành làm đường", "102", edit("ks-march")),
                ("Chị Lâm Thị Sa Rin nuôi tôm sạch", "22", edit("ks-june")),
            ],
        )
    ]
    text = soup.get_text(" ", strip=True)
    assert "2 new stories wait at the Board's step" in text and "submitted 15/03/2020" in text

    # Another unit's older story puts that unit first.
    at_board_step(section_of("so-y-te"), at(2020, 2, 1), staff["yt-contributor"], staff["yt-approver"], "Trạm y tế xã")
    _, soup = panels_html(staff["board"], dashboard_panels.add_board_backlog_panel)
    assert [slug for slug, _ in backlog(soup)] == ["so-y-te", "huyen-ke-sach"]


@pytest.mark.django_db
def test_the_backlog_is_the_boards_only(staff, june):
    for user in ("ks-contributor", "ks-approver", "bst-editor"):
        panels, _ = panels_html(staff[user], dashboard_panels.add_board_backlog_panel)
        assert panels == []


@pytest.mark.django_db
def test_the_backlog_costs_the_same_for_more_units_and_stories(staff, june):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            panels_html(staff["board"], dashboard_panels.add_board_backlog_panel)
        return len(captured)

    few = queries()
    for n in range(12):
        unit = UnitFactory(slug=f"xa-moi-{n}", name=f"Xã Mới {n}", kind="district")
        at_board_step(section_of(unit.slug), at(2020, 6, 1 + n), staff["board"], staff["board"])
    _, soup = panels_html(staff["board"], dashboard_panels.add_board_backlog_panel)
    assert len(backlog(soup)) == 13
    assert queries() == few


@pytest.mark.django_db
def test_the_backlog_is_on_the_boards_dashboard(client, staff, june):
    with hooks.register_temporarily("construct_homepage_panels", dashboard_panels.add_board_backlog_panel):
        client.force_login(staff["board"])
        html = client.get("/admin/").content.decode()
    assert 'id="board-backlog"' in html or "board-backlog__unit" in html
    assert "Chị Lâm Thị Sa Rin nuôi tôm sạch" in html
