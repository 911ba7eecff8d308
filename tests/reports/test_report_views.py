"""The Board's contribution report, a cell's stories, the exports and the yearly scoring, as users see them."""

import csv
import datetime
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from exemplars.models import ExemplarPage, UnitSectionPage
from tests.factories import ExemplarPageFactory, UnitFactory
from tests.helpers import at
from units.models import EmulationBloc, Role, Unit
from units.roles import add_member

YEAR = 2020
REPORT = "units_reports:contributions"
REPORT_RESULTS = "units_reports:contributions_results"
STORIES = "units_reports:contribution_stories"
SCORING = "units_reports:scoring"
VHXH = "khoi-van-hoa-xa-hoi"


def story(section, published, submitted=None, **kwargs):
    page = ExemplarPageFactory(parent=section, first_published_at=published, **kwargs)
    if submitted:
        ExemplarPage.objects.filter(pk=page.pk).update(first_submitted_at=submitted)
    return page


def section_of(slug):
    return UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug=slug, locale__language_code="vi")


def login(client, user, language="en"):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def grid(response):
    """{unit slug: {period key: (text, status, colspan)}} as the report's table shows it."""
    soup = BeautifulSoup(response.content, "html.parser")
    rows = {}
    for tr in soup.select("table.unit-report__grid tbody tr"):
        rows[tr["data-unit"]] = {
            td["data-period"]: (
                td.select_one(".unit-report__count").get_text(strip=True),
                td["data-status"],
                td["colspan"],
            )
            for td in tr.select("td[data-period]")
        }
    return rows


def row_figures(response, slug):
    soup = BeautifulSoup(response.content, "html.parser")
    tr = soup.select_one(f'table.unit-report__grid tr[data-unit="{slug}"]')
    return {td["data-column"]: td.get_text(strip=True) for td in tr.select("td[data-column]")}


def content_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response):
    return list(csv.reader(io.StringIO(content_of(response).decode("utf-8-sig"))))


def xlsx_rows(response):
    sheet = openpyxl.load_workbook(io.BytesIO(content_of(response))).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def board(client, staff):
    return login(client, staff["board"])


@pytest.fixture
def a_year_of_stories(newsroom):
    """Kế Sách (monthly): January, two in February, May, December. Sở Y tế (quarterly): Q1 twice, Q3."""
    ke_sach, y_te = section_of("huyen-ke-sach"), section_of("so-y-te")
    for month in (1, 2, 2, 5, 12):
        story(ke_sach, at(YEAR, month, 10))
    story(y_te, at(YEAR, 2, 1))
    story(y_te, at(YEAR, 3, 31, 23))
    story(y_te, at(YEAR, 9, 30))


@pytest.mark.django_db
def test_report_shows_each_units_periods_against_the_quota(board, a_year_of_stories):
    response = board.get(reverse(REPORT), {"year": YEAR})
    assert response.status_code == 200
    rows = grid(response)
    ke_sach, y_te = rows["huyen-ke-sach"], rows["so-y-te"]
    assert len(ke_sach) == 12 and len(y_te) == 4
    assert ke_sach["2020-01"] == ("1/1", "met", "1")
    assert ke_sach["2020-02"] == ("2/1", "met", "1")
    assert ke_sach["2020-03"] == ("0/1", "short", "1")
    assert y_te["2020-Q1"] == ("2/1", "met", "3")
    assert y_te["2020-Q2"] == ("0/1", "short", "3")
    figures = {"huyen-ke-sach": ("5", "4/12", "33.3"), "so-y-te": ("3", "2/4", "50.0")}
    for slug, (total, periods, compliance) in figures.items():
        # No replication record in this year: no model replicated (reports.contributions).
        expected = {"total": total, "replicated": "0", "periods": periods, "compliance": compliance}
        assert row_figures(response, slug) == expected
    # Only contributing units: no media outlet, not the Board itself.
    assert "bao-soc-trang" not in rows and "ban-thi-dua-khen-thuong" not in rows
    assert len(rows) == Unit.objects.contributing().count()


@pytest.mark.django_db
def test_before_the_quota_a_period_is_not_required_and_shows_a_dash(board, newsroom):
    story(section_of("huyen-ke-sach"), at(2019, 9, 20))
    rows = grid(board.get(reverse(REPORT), {"year": 2019}))
    assert rows["huyen-ke-sach"]["2019-09"] == ("1/–", "not_required", "1")
    assert rows["huyen-ke-sach"]["2019-10"] == ("0/1", "short", "1")


@pytest.mark.django_db
def test_current_year_is_the_default_and_shows_periods_in_progress(board, newsroom):
    response = board.get(reverse(REPORT))
    assert response.status_code == 200
    today = timezone.localdate()
    assert BeautifulSoup(response.content, "html.parser").select_one(".unit-report")["data-year"] == str(today.year)
    this_month = f"{today.year}-{today.month:02d}"
    assert grid(response)["huyen-ke-sach"][this_month][1] == "pending"


@pytest.mark.django_db
def test_grid_has_a_legend_and_text_labels_and_a_chart_of_stories_per_month(board, a_year_of_stories):
    response = board.get(reverse(REPORT), {"year": YEAR})
    soup = BeautifulSoup(response.content, "html.parser")
    legend = [li.get_text(" ", strip=True) for li in soup.select(".unit-report__legend li")]
    assert legend == ["✓ Met", "⧖ Awaiting the Board", "✗ Short", "… In progress", "– Not required"]
    cell = soup.select_one('tr[data-unit="huyen-ke-sach"] td[data-period="2020-03"]')
    assert cell.select_one(".unit-report__status").get_text(strip=True)  # a word, not only a colour
    svg = soup.select_one("svg.unit-report__svg")
    assert svg["role"] == "img" and svg.title and svg.desc
    bars = svg.select(".unit-report__chart-bars rect")
    assert len(bars) == 12
    assert [bar.title.get_text() for bar in bars][:3] == ["T1: 1", "T2: 3", "T3: 1"]
    assert "T9: 1" in svg.desc.get_text() and "T12: 1" in svg.desc.get_text()


@pytest.mark.django_db
def test_filters_by_kind_bloc_and_status_in_a_period_combine(board, newsroom):
    ke_sach, chau_thanh = section_of("huyen-ke-sach"), section_of("huyen-chau-thanh")
    for month in (1, 2, 3):
        story(ke_sach, at(YEAR, month, 5))
    story(chau_thanh, at(YEAR, 3, 5))
    story(section_of("so-y-te"), at(YEAR, 2, 1))
    vhxh = EmulationBloc.objects.get(slug=VHXH)

    def units(year=YEAR, **params):
        response = board.get(reverse(REPORT), {"year": year, **params} if year else params)
        assert response.status_code == 200
        return set(grid(response))

    assert units(kind="district") == set(Unit.objects.filter(kind="district").values_list("slug", flat=True))
    assert units(kind="district", period="2020-03", status="met") == {"huyen-ke-sach", "huyen-chau-thanh"}
    assert units(kind="district", period="2020-01", status="met") == {"huyen-ke-sach"}
    short_in_january = units(kind="district", period="2020-01", status="short")
    assert "huyen-ke-sach" not in short_in_january and "huyen-chau-thanh" in short_in_january
    assert len(short_in_january) == 10
    # A quarter of a monthly unit is met only if each of its months was.
    assert units(kind="district", period="2020-Q1", status="met") == {"huyen-ke-sach"}
    assert units(bloc=vhxh.pk, period="2020-Q1", status="met") == {"so-y-te"}
    # A month of a quarterly unit takes its quarter's status.
    assert units(bloc=vhxh.pk, period="2020-02", status="met") == {"so-y-te"}
    others = units(kind="department", bloc=vhxh.pk, period="2020-Q1", status="short")
    assert len(others) == 5 and "so-y-te" not in others
    assert units(kind="district", bloc=vhxh.pk) == set()
    # The period alone says which year to show.
    assert units(year=None, kind="district", period="2019-11", status="short") == units(kind="district", year=2019)


@pytest.mark.parametrize(
    "params",
    [
        {"year": "abc"},
        {"year": "2018"},
        {"year": "99999999999999999999"},
        {"period": "2020-13", "status": "met"},
        {"period": "2020-Q5", "status": "short"},
        {"period": "99999-01", "status": "met"},
        {"period": "abc", "status": "met"},
        {"period": "2020-03"},
        {"status": "met"},
        {"status": "bogus", "period": "2020-03"},
        {"year": "2020", "period": "2019-03", "status": "met"},
        {"bloc": "abc"},
        {"bloc": "999999"},
        {"kind": "media_outlet"},
        {"kind": "nope"},
    ],
)
@pytest.mark.django_db
def test_malformed_filters_show_the_error_and_never_fail(board, params):
    response = board.get(reverse(REPORT), params)
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".unit-report__errors[role=alert]")
    assert not soup.select("table.unit-report__grid")

    results = board.get(reverse(REPORT_RESULTS), params)  # the fragment the filter drilldown fetches
    assert results.status_code == 200 and b"unit-report__errors" in results.content

    export = board.get(reverse(REPORT), {**params, "export": "csv"})
    assert export.status_code == 400 and export["Content-Type"].startswith("text/html")


@pytest.mark.django_db
def test_csv_export_has_the_reports_numbers(board, a_year_of_stories):
    response = board.get(reverse(REPORT), {"year": YEAR, "kind": "district", "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="dong-gop-don-vi-2020.csv"'
    heading, *rows = csv_rows(response)
    months = [f"T{m}" for m in range(1, 13)]
    quarters = [f"Q{q}" for q in range(1, 5)]
    assert heading == [
        "Unit",
        "Kind",
        "Emulation bloc",
        *months,
        *quarters,
        "Awaiting the unit's approval",
        "Awaiting the Board's approval",
        "Sent back for changes",
        "Total",
        "Models replicated",
        "Periods met",
        "Periods required",
        "Compliance (%)",
        "Quota rules applied",
    ]
    assert len(rows) == 11
    ke_sach = dict(zip(heading, next(row for row in rows if row[0] == "Huyện Kế Sách"), strict=True))
    assert [ke_sach[m] for m in months] == ["1/1", "2/1", "0/1", "0/1", "1/1"] + ["0/1"] * 6 + ["1/1"]
    assert [ke_sach[q] for q in quarters] == ["", "", "", ""]
    assert ke_sach["Emulation bloc"] == "Khối huyện, thị xã, thành phố"
    # Nothing of Kế Sách's waits in moderation.
    assert [ke_sach[column] for column in heading[19:22]] == ["0", "0", "0"]
    assert (ke_sach["Total"], ke_sach["Periods met"], ke_sach["Periods required"], ke_sach["Compliance (%)"]) == (
        "5",
        "4",
        "12",
        "33.3",
    )


@pytest.mark.django_db
def test_xlsx_export_has_the_reports_numbers(board, a_year_of_stories):
    response = board.get(reverse(REPORT), {"year": YEAR, "export": "xlsx"})
    assert response.status_code == 200
    heading, *rows = xlsx_rows(response)
    y_te = dict(zip(heading, next(row for row in rows if row[0] == "Sở Y tế"), strict=True))
    assert [y_te[f"Q{q}"] for q in range(1, 5)] == ["2/1", "0/1", "1/1", "0/1"]
    assert all(y_te[f"T{m}"] in (None, "") for m in range(1, 13))
    assert (y_te["Total"], y_te["Periods met"], y_te["Periods required"], y_te["Compliance (%)"]) == (3, 2, 4, 50)
    assert len(rows) == Unit.objects.contributing().count()


@pytest.mark.django_db
def test_exports_follow_the_filters(board, a_year_of_stories):
    response = board.get(reverse(REPORT), {"year": YEAR, "period": "2020-Q1", "status": "met", "export": "csv"})
    assert [row[0] for row in csv_rows(response)[1:]] == ["Sở Y tế"]


@pytest.mark.django_db
def test_exports_do_not_grow_in_queries_with_units(board, a_year_of_stories):
    def queries(export):
        with CaptureQueriesContext(connection) as captured:
            response = board.get(reverse(REPORT), {"year": YEAR, "export": export})
            content_of(response)
        return len(captured)

    before = {export: queries(export) for export in ("csv", "xlsx")}
    for n in range(30):
        UnitFactory(slug=f"doanh-nghiep-{n}", name=f"Doanh nghiệp {n}", kind="enterprise")
    assert {export: queries(export) for export in ("csv", "xlsx")} == before


@pytest.mark.django_db
def test_board_sees_every_unit_and_unit_staff_only_their_own(client, staff, a_year_of_stories):
    board_units = set(grid(login(client, staff["board"]).get(reverse(REPORT), {"year": YEAR})))
    assert len(board_units) == Unit.objects.contributing().count()

    contributor = login(client, staff["ks-contributor"])
    response = contributor.get(reverse(REPORT), {"year": YEAR})
    assert response.status_code == 200
    assert set(grid(response)) == {"huyen-ke-sach"}
    assert set(grid(contributor.get(reverse(REPORT), {"year": YEAR, "kind": "department"}))) == set()
    assert [row[0] for row in csv_rows(contributor.get(reverse(REPORT), {"year": YEAR, "export": "csv"}))[1:]] == [
        "Huyện Kế Sách"
    ]
    assert [row[0] for row in xlsx_rows(contributor.get(reverse(REPORT), {"year": YEAR, "export": "xlsx"}))[1:]] == [
        "Huyện Kế Sách"
    ]

    approver = login(client, staff["yt-approver"])
    assert set(grid(approver.get(reverse(REPORT), {"year": YEAR}))) == {"so-y-te"}


@pytest.mark.django_db
def test_a_user_without_a_unit_role_is_turned_away(client, newsroom, django_user_model, staff):
    nobody = django_user_model.objects.create_user("nobody", "nobody@example.invalid", "pw")
    editors = Group.objects.create(name="Admin access only")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    nobody.groups.add(editors)
    translator = django_user_model.objects.create_user("dich-gia", "km@example.invalid", "pw")
    add_member(translator, Role.TRANSLATOR_KM)
    for user in (nobody, translator):
        login(client, user)
        for url in (reverse(REPORT), reverse(REPORT) + "?export=csv", reverse(SCORING)):
            response = client.get(url)
            assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
        home = client.get(reverse("wagtailadmin_home"))
        assert reverse(REPORT).encode() not in home.content
    anonymous = client.__class__()
    assert anonymous.get(reverse(REPORT)).status_code == 302


@pytest.mark.django_db
def test_menu_shows_the_reports_to_those_who_may_see_them(client, staff):
    login(client, staff["ks-contributor"])
    home = client.get(reverse("wagtailadmin_home")).content
    assert reverse(REPORT).encode() in home and reverse(SCORING).encode() not in home
    login(client, staff["board"])
    home = client.get(reverse("wagtailadmin_home")).content
    assert reverse(REPORT).encode() in home and reverse(SCORING).encode() in home


@pytest.mark.django_db
def test_a_cell_links_to_exactly_the_stories_it_counts(board, newsroom):
    ke_sach = section_of("huyen-ke-sach")
    march = [
        story(ke_sach, at(YEAR, 3, 2), title="Tháng ba thứ nhất"),
        story(ke_sach, at(YEAR, 3, 30), title="Tháng ba thứ hai"),
    ]
    submitted_in_february = story(ke_sach, at(YEAR, 3, 3), submitted=at(YEAR, 2, 27), title="Gửi duyệt tháng hai")
    story(ke_sach, at(YEAR, 4, 1), title="Tháng tư")
    story(section_of("so-y-te"), at(YEAR, 3, 15), title="Sở Y tế tháng ba")
    draft = ExemplarPageFactory(parent=ke_sach, title="Bản nháp tháng ba", live=False, first_published_at=None)
    ExemplarPage.objects.filter(pk=draft.pk).update(first_submitted_at=at(YEAR, 3, 10))

    soup = BeautifulSoup(board.get(reverse(REPORT), {"year": YEAR}).content, "html.parser")
    link = soup.select_one('tr[data-unit="huyen-ke-sach"] td[data-period="2020-03"] a')["href"]
    assert link == reverse(STORIES, args=["huyen-ke-sach", "2020-03"])
    assert not soup.select('tr[data-unit="huyen-ke-sach"] td[data-period="2020-06"] a')  # nothing to list

    response = board.get(link)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    listed = {tr.select_one("td a").get_text(strip=True) for tr in page.select("tr[data-story]")}
    assert listed == {p.title for p in march}
    edit_links = {tr.select_one("td a")["href"] for tr in page.select("tr[data-story]")}
    assert edit_links == {reverse("wagtailadmin_pages:edit", args=[p.pk]) for p in march}

    february = BeautifulSoup(board.get(reverse(STORIES, args=["huyen-ke-sach", "2020-02"])).content, "html.parser")
    assert [tr["data-story"] for tr in february.select("tr[data-story]")] == [str(submitted_in_february.pk)]

    quarter = BeautifulSoup(board.get(reverse(STORIES, args=["so-y-te", "2020-Q1"])).content, "html.parser")
    assert [tr.select_one("td a").get_text(strip=True) for tr in quarter.select("tr[data-story]")] == [
        "Sở Y tế tháng ba"
    ]


@pytest.mark.django_db
def test_cell_list_refuses_unknown_units_bad_periods_and_other_units(client, staff):
    board = login(client, staff["board"])
    assert board.get(reverse(STORIES, args=["khong-co-don-vi-nay", "2020-03"])).status_code == 404
    for bad in ("2020-13", "2020-Q5", "2020", "abc", "99999-01", "1900-01"):
        assert board.get(reverse(STORIES, args=["huyen-ke-sach", bad])).status_code == 404

    contributor = login(client, staff["ks-contributor"])
    assert contributor.get(reverse(STORIES, args=["huyen-ke-sach", "2020-03"])).status_code == 200
    refused = contributor.get(reverse(STORIES, args=["so-y-te", "2020-Q1"]))
    assert refused.status_code in (302, 403, 404)
    assert b"so-y-te" not in refused.content


@pytest.mark.django_db
def test_yearly_scoring_ranks_units_within_their_bloc(board, newsroom):
    y_te, giao_duc, dan_toc = section_of("so-y-te"), section_of("so-giao-duc-va-dao-tao"), section_of("ban-dan-toc")
    for quarter_month in (2, 5, 8, 11):
        story(y_te, at(YEAR, quarter_month, 3))
        story(giao_duc, at(YEAR, quarter_month, 3))
    story(giao_duc, at(YEAR, 1, 20))
    story(dan_toc, at(YEAR, 2, 3))
    vhxh = EmulationBloc.objects.get(slug=VHXH)
    UnitFactory(slug="a-so-moi", name="A Sở Mới", kind="department", bloc=vhxh, active_from=datetime.date(YEAR, 12, 15))

    response = board.get(reverse(SCORING), {"year": YEAR})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.select_one(f'section[data-bloc="{VHXH}"]')
    ranked = [
        (tr["data-unit"], tr.select_one('[data-column="rank"]').get_text(strip=True))
        for tr in section.select("tbody tr")
    ]
    assert ranked[:3] == [("so-giao-duc-va-dao-tao", "1"), ("so-y-te", "2"), ("ban-dan-toc", "3")]
    level = ranked[3:6]
    assert [rank for _slug, rank in level] == ["4", "4", "4"]  # nothing introduced: level, ordered by name
    names = dict(Unit.objects.values_list("slug", "name"))
    assert [names[slug] for slug, _rank in level] == sorted(names[slug] for slug, _rank in level)
    assert ranked[-1] == ("a-so-moi", "7")  # owed nothing this year: no compliance, last
    assert [s["data-bloc"] for s in soup.select("section[data-bloc]")] == list(
        EmulationBloc.objects.values_list("slug", flat=True)
    )

    export = board.get(reverse(SCORING), {"year": YEAR, "export": "xlsx"})
    heading, *rows = xlsx_rows(export)
    assert heading == [
        "Emulation bloc",
        "Rank",
        "Unit",
        "Kind",
        "Total",
        "Periods met",
        "Periods required",
        "Compliance (%)",
    ]
    in_bloc = [row for row in rows if row[0] == vhxh.name]
    assert [(row[1], row[2], row[4], row[7]) for row in in_bloc[:3]] == [
        (1, "Sở Giáo dục và Đào tạo", 5, 100),
        (2, "Sở Y tế", 4, 100),
        (3, "Ban Dân tộc", 1, 25),
    ]
    assert in_bloc[-1][1:3] == [7, "A Sở Mới"] and in_bloc[-1][7] is None
    assert len(rows) == Unit.objects.contributing().count()


@pytest.mark.django_db
def test_yearly_scoring_is_for_the_board_only(client, staff):
    assert login(client, staff["ks-approver"]).get(reverse(SCORING)).status_code == 302
    assert login(client, staff["board"]).get(reverse(SCORING)).status_code == 200
    assert login(client, staff["board"]).get(reverse(SCORING), {"year": "abc"}).status_code == 400


@pytest.mark.django_db
def test_report_runs_a_fixed_number_of_queries_whatever_the_number_of_units(board, newsroom):
    for i, slug in enumerate(["huyen-ke-sach", "so-y-te", "tinh-doan"]):
        story(section_of(slug), at(YEAR, i + 1, 3))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = board.get(reverse(REPORT), {"year": YEAR})
        assert response.status_code == 200
        return len(captured), len(grid(response))

    queries()  # warm the caches a first request fills
    few, units_before = queries()
    for n in range(60):
        unit = UnitFactory(slug=f"xa-moi-{n}", name=f"Xã Mới {n}", kind="district" if n % 2 else "enterprise")
        if n % 10 == 0:
            story(section_of(unit.slug), at(YEAR, 6, 1))  # its section is made with the unit
    queries()  # the site and menus are kept per content generation, which the new pages moved
    many, units_after = queries()
    assert units_after == units_before + 60
    assert many == few
