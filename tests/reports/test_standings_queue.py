"""Standings that see the queue: beside what counts, the engine, the report's cells, its exports and
`contribution_report` say what waits at the unit's step, at the Board's step and what was sent back;
a period that what waits at the Board's step would meet is "awaiting the Board". Only published
stories count toward "met"."""

import csv
import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse

from exemplars.models import ExemplarPage
from reports.contributions import MET, PENDING, SHORT, contribution_report
from tests.factories import UnitFactory
from tests.helpers import at
from tests.reports.queue import at_board_step, june_2020, section_of
from tests.reports.test_report_views import csv_rows, grid, login, xlsx_rows
from units.models import Unit

TODAY = datetime.date(2020, 6, 25)
AWAITING_BOARD = "awaiting_board"  # the status, as the JSON and the grid write it
SLUGS = ["huyen-ke-sach", "huyen-chau-thanh", "so-y-te"]
REPORT = "units_reports:contributions"
STORIES = "units_reports:contribution_stories"


@pytest.fixture
def june(staff, django_user_model):
    return june_2020(staff, django_user_model)


def results(today=TODAY):
    found = contribution_report(2020, units=Unit.objects.filter(slug__in=SLUGS), today=today)
    return {result.unit.slug: result for result in found}


def figures(period_result):
    p = period_result
    return (p.count, p.required, p.status, p.awaiting_unit, p.awaiting_board, p.sent_back)


@pytest.mark.django_db
def test_each_stage_is_counted_beside_what_counts(june):
    found = results()
    ke_sach, chau_thanh, y_te = found["huyen-ke-sach"], found["huyen-chau-thanh"], found["so-y-te"]
    # At the Board's step: short, but what waits there would meet the period.
    assert figures(ke_sach.period_result("2020-06")) == (0, 1, AWAITING_BOARD, 0, 1, 0)
    assert figures(ke_sach.period_result("2020-03")) == (0, 1, AWAITING_BOARD, 0, 1, 0)
    # At its own step or sent back: nothing the Board can do; still in progress.
    assert figures(chau_thanh.period_result("2020-06")) == (0, 1, PENDING, 1, 0, 1)
    # Published through both steps: counts in the quarter it was first submitted in.
    assert figures(y_te.period_result("2020-Q2")) == (1, 1, MET, 0, 0, 0)
    assert (ke_sach.awaiting_unit, ke_sach.awaiting_board, ke_sach.sent_back) == (0, 2, 0)
    # The counting rule is unchanged: nothing waiting counts, and a past period awaiting the Board
    # is required and not met (January to May), the current one is not judged yet.
    assert ke_sach.total == 0 and chau_thanh.total == 0
    assert (ke_sach.periods_met, ke_sach.periods_required) == (0, 5)
    # Once the period is over, a unit whose stories wait at its own step is short.
    later = results(today=datetime.date(2020, 7, 5))["huyen-chau-thanh"].period_result("2020-06")
    assert later.status == SHORT and later.awaiting_unit == 1


@pytest.mark.django_db
def test_the_board_approving_keeps_the_story_in_its_period(june, staff):
    """Publishing through the workflow keeps the first submission: the story moves from "awaiting
    the Board" to counted in the same month, not in the month the Board approved it."""
    story = june[0]["ks-june"]
    story.current_workflow_task_state.approve(user=staff["board"])
    story = ExemplarPage.objects.get(pk=story.pk)
    assert story.live and story.first_submitted_at == at(2020, 6, 3)
    june_result = results()["huyen-ke-sach"].period_result("2020-06")
    assert figures(june_result) == (1, 1, MET, 0, 0, 0)


@pytest.mark.django_db
def test_the_report_costs_five_queries_whatever_the_number_of_units(june, staff, django_assert_num_queries):
    with django_assert_num_queries(5):
        before = contribution_report(2020, today=TODAY)
    for n in range(30):
        unit = UnitFactory(slug=f"xa-moi-{n}", name=f"Xã Mới {n}", kind="district")
        if n % 5 == 0:
            at_board_step(section_of(unit.slug), at(2020, 5, 4), staff["board"], staff["board"])
    with django_assert_num_queries(5):
        after = contribution_report(2020, today=TODAY)
    assert len(after) == len(before) + 30
    assert next(r for r in after if r.unit.slug == "xa-moi-5").period_result("2020-05").status == AWAITING_BOARD


@pytest.mark.django_db
def test_report_cells_show_what_waits(client, staff, june):
    board = login(client, staff["board"])
    response = board.get(reverse(REPORT), {"year": 2020})
    rows = grid(response)
    assert rows["huyen-ke-sach"]["2020-06"] == ("0/1", "awaiting_board", "1")
    assert rows["huyen-ke-sach"]["2020-03"] == ("0/1", "awaiting_board", "1")
    assert rows["huyen-chau-thanh"]["2020-06"][:2] == ("0/1", "short")  # the report's "today" is past June
    soup = BeautifulSoup(response.content, "html.parser")

    def cell(slug, key):
        return soup.select_one(f'tr[data-unit="{slug}"] td[data-period="{key}"]')

    june_ks = cell("huyen-ke-sach", "2020-06")
    assert "Awaiting the Board" in june_ks.select_one(".unit-report__status").get_text()
    assert {s["data-stage"]: s.get_text(strip=True) for s in june_ks.select(".unit-report__queue")} == {
        "board_step": "Board 1"
    }
    assert "Awaiting the Board's approval: 1" in june_ks["title"]
    june_ct = cell("huyen-chau-thanh", "2020-06")
    assert {s["data-stage"]: s.get_text(strip=True) for s in june_ct.select(".unit-report__queue")} == {
        "unit_step": "unit 1",
        "sent_back": "back 1",
    }
    # Nothing counts there yet, but the cell links to what waits.
    link = june_ks.select_one("a")["href"]
    assert link == reverse(STORIES, args=["huyen-ke-sach", "2020-06"])
    page = BeautifulSoup(board.get(link).content, "html.parser")
    [waiting] = page.select("table.unit-stories__waiting tbody tr")
    assert waiting["data-stage"] == "board_step" and "Chị Lâm Thị Sa Rin nuôi tôm sạch" in waiting.get_text()
    assert waiting.select_one("a")["href"] == reverse("wagtailadmin_pages:edit", args=[june[0]["ks-june"].pk])


@pytest.mark.django_db
def test_csv_and_xlsx_say_what_waits(client, staff, june):
    board = login(client, staff["board"])
    heading, *rows = csv_rows(board.get(reverse(REPORT), {"year": 2020, "export": "csv"}))
    by_unit = {row[0]: dict(zip(heading, row, strict=True)) for row in rows}
    ke_sach, chau_thanh = by_unit["Huyện Kế Sách"], by_unit["Huyện Châu Thành"]
    assert ke_sach["T6"] == "0/1 (Awaiting the Board's approval: 1)"
    assert ke_sach["T3"] == "0/1 (Awaiting the Board's approval: 1)" and ke_sach["T2"] == "0/1"
    assert chau_thanh["T6"] == "0/1 (Awaiting the unit's approval: 1; Sent back for changes: 1)"
    queue = ["Awaiting the unit's approval", "Awaiting the Board's approval", "Sent back for changes"]
    assert [ke_sach[column] for column in queue] == ["0", "2", "0"]
    assert [chau_thanh[column] for column in queue] == ["1", "0", "1"]
    assert ke_sach["Total"] == "0"

    heading, *rows = xlsx_rows(board.get(reverse(REPORT), {"year": 2020, "export": "xlsx"}))
    y_te = dict(zip(heading, next(row for row in rows if row[0] == "Sở Y tế"), strict=True))
    chau_thanh = dict(zip(heading, next(row for row in rows if row[0] == "Huyện Châu Thành"), strict=True))
    assert y_te["Q2"] == "1/1" and y_te["Total"] == 1
    assert [chau_thanh[column] for column in queue] == [1, 0, 1]  # numbers a spreadsheet adds up


def command(*args):
    out = io.StringIO()
    call_command("contribution_report", "--year", "2020", "--today", TODAY.isoformat(), *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_contribution_report_command_says_what_waits(june):
    units = [arg for slug in SLUGS for arg in ("--unit", slug)]
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(command(*units)))}
    ke_sach, chau_thanh = rows["huyen-ke-sach"], rows["huyen-chau-thanh"]
    assert (ke_sach["2020-06"], ke_sach["awaiting_board"], ke_sach["awaiting_board_periods"]) == (
        "0/1",
        "2",
        "2020-03 2020-06",
    )
    assert (chau_thanh["awaiting_unit"], chau_thanh["sent_back"], chau_thanh["awaiting_board_periods"]) == (
        "1",
        "1",
        "",
    )
    data = {item["slug"]: item for item in json.loads(command(*units, "--format", "json"))}
    june_ks = next(p for p in data["huyen-ke-sach"]["periods"] if p["key"] == "2020-06")
    assert (june_ks["count"], june_ks["status"], june_ks["awaiting_board"], june_ks["awaiting_unit"]) == (
        0,
        "awaiting_board",
        1,
        0,
    )
    june_ct = next(p for p in data["huyen-chau-thanh"]["periods"] if p["key"] == "2020-06")
    assert (june_ct["status"], june_ct["awaiting_unit"], june_ct["sent_back"]) == ("pending", 1, 1)
    assert data["huyen-ke-sach"]["awaiting_board_periods"] == ["2020-03", "2020-06"]
