"""The dashboard's quota panels: the Board's units behind, and unit staff's own unit against its quota."""

import datetime
import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail import hooks

from exemplars.models import UnitSectionPage
from reports.panels import UnitQuotaPanel, UnitsBehindPanel, add_quota_panels
from tests.factories import ExemplarPageFactory, UnitFactory
from tests.helpers import at
from units.models import QuotaRule, Unit, UnitKind

# 25 May 2020: a district's May ends in 6 days, a department's second quarter in 36.
TODAY = datetime.date(2020, 5, 25)
DISTRICTS = 11


def story(unit_slug, when):
    return ExemplarPageFactory(
        parent=UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug=unit_slug),
        first_published_at=when,
    )


def dashboard(user, today=TODAY):
    """The quota panels ``user`` gets, and their HTML."""
    request = RequestFactory().get("/admin/")
    request.user = user
    panels = []
    add_quota_panels(request, panels, today=today)
    return panels, "".join(panel.render_html({"request": request}) for panel in panels)


def rows(html, table):
    """{unit slug: {"count": …, "deadline": …, "days": …}} for the rows of the table of class ``table``, in order."""
    body = re.search(rf'<table class="[^"]*\b{table}\b.*?</table>', html, re.S).group(0)
    found = {}
    for slug, row in re.findall(r'<tr data-unit="([^"]+)">(.*?)</tr>', body, re.S):
        found[slug] = {
            "count": re.search(r'class="quota-count">([^<]+)<', row).group(1),
            "deadline": re.search(r'class="quota-deadline">([^<]+)<', row).group(1),
            "days": re.search(r'class="quota-days-left">[^<\d]*(\d+)', row).group(1),
        }
    return found


@pytest.fixture
def may_2020(newsroom):
    """Kế Sách met May; Châu Thành (its own rule: 2 a month) has 1 of 2; Sở Y tế met the second quarter."""
    story("huyen-ke-sach", at(2020, 5, 4))
    QuotaRule.objects.create(
        unit=Unit.objects.get(slug="huyen-chau-thanh"),
        period="month",
        minimum=2,
        effective_from=datetime.date(2020, 1, 1),
    )
    story("huyen-chau-thanh", at(2020, 5, 12))
    story("huyen-chau-thanh", at(2020, 4, 12))  # April: does not count for May
    story("so-y-te", at(2020, 4, 2))


@pytest.mark.django_db
def test_board_sees_the_units_behind_closest_deadline_first(staff, may_2020):
    panels, html = dashboard(staff["board"])
    assert [type(panel) for panel in panels] == [UnitsBehindPanel]
    behind = rows(html, "units-behind")
    slugs = list(behind)
    assert "huyen-ke-sach" not in slugs and "so-y-te" not in slugs  # met
    assert "bao-soc-trang" not in slugs  # an outlet owes nothing
    districts = [slug for slug in slugs if Unit.objects.get(slug=slug).kind == UnitKind.DISTRICT]
    assert len(districts) == DISTRICTS - 1
    assert slugs[: len(districts)] == districts  # May ends before the quarter
    names = [Unit.objects.get(slug=slug).name for slug in districts]
    assert names == sorted(names)
    assert behind["huyen-chau-thanh"] == {"count": "1/2", "deadline": "31/05/2020", "days": "6"}
    assert behind["so-tai-chinh"] == {"count": "0/1", "deadline": "30/06/2020", "days": "36"}
    # Every unit owing something now is listed unless it met its quota.
    owing = Unit.objects.exclude(kind__in=[UnitKind.MEDIA_OUTLET, UnitKind.BOARD]).count()
    assert len(slugs) == owing - 2


@pytest.mark.django_db
def test_superuser_sees_the_board_panel(superuser, may_2020):
    panels, html = dashboard(superuser)
    assert [type(panel) for panel in panels] == [UnitsBehindPanel]
    assert "huyen-chau-thanh" in rows(html, "units-behind")


@pytest.mark.django_db
def test_board_panel_when_every_unit_met(staff, may_2020):
    # Only the units with a section can contribute: give the others nothing to owe.
    Unit.objects.exclude(slug__in=["huyen-ke-sach"]).update(active_until=datetime.date(2019, 12, 31))
    panels, html = dashboard(staff["board"])
    assert 'data-unit="' not in html
    assert "25/05/2020" in html


@pytest.mark.django_db
def test_contributor_sees_their_unit_only(staff, may_2020):
    panels, html = dashboard(staff["ks-contributor"])
    assert [type(panel) for panel in panels] == [UnitQuotaPanel]
    assert rows(html, "unit-quota") == {"huyen-ke-sach": {"count": "1/1", "deadline": "31/05/2020", "days": "6"}}
    assert "Huyện Kế Sách" in html
    for other in Unit.objects.exclude(slug="huyen-ke-sach"):
        assert other.name not in html and other.slug not in html


@pytest.mark.django_db
def test_contributor_short_then_met_in_june(staff, may_2020):
    june = datetime.date(2020, 6, 28)
    _, html = dashboard(staff["ks-approver"], today=june)
    assert rows(html, "unit-quota") == {"huyen-ke-sach": {"count": "0/1", "deadline": "30/06/2020", "days": "2"}}
    story("huyen-ke-sach", at(2020, 6, 27))
    _, html = dashboard(staff["ks-approver"], today=june)
    assert rows(html, "unit-quota")["huyen-ke-sach"]["count"] == "1/1"


@pytest.mark.django_db
def test_quarterly_department_staff(staff, may_2020):
    _, html = dashboard(staff["yt-contributor"])
    assert rows(html, "unit-quota") == {"so-y-te": {"count": "1/1", "deadline": "30/06/2020", "days": "36"}}


@pytest.mark.django_db
def test_outlet_staff_owe_nothing_and_see_no_quota(staff, may_2020):
    panels, html = dashboard(staff["bst-editor"])
    assert [type(panel) for panel in panels] == [UnitQuotaPanel]
    assert html.strip() == ""


@pytest.mark.django_db
def test_board_panel_queries_do_not_grow_with_units(staff, may_2020):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            dashboard(staff["board"])
        return len(captured)

    few = queries()
    for n in range(40):
        UnitFactory(slug=f"doanh-nghiep-{n}", name=f"Doanh nghiệp {n}", kind=UnitKind.ENTERPRISE)
        UnitFactory(slug=f"xa-moi-{n}", name=f"Xã Mới {n}", kind=UnitKind.DISTRICT)
    _, html = dashboard(staff["board"])
    assert "doanh-nghiep-39" in rows(html, "units-behind")
    assert queries() == few


@pytest.mark.django_db
def test_panels_on_the_admin_dashboard(client, staff, may_2020):
    with hooks.register_temporarily("construct_homepage_panels", add_quota_panels):
        client.force_login(staff["board"])
        board_page = client.get("/admin/")
        client.force_login(staff["ks-contributor"])
        contributor_page = client.get("/admin/")
    assert board_page.status_code == 200 and contributor_page.status_code == 200
    assert 'class="listing listing--dashboard units-behind"' in board_page.content.decode()
    html = contributor_page.content.decode()
    assert "units-behind" not in html and 'class="listing listing--dashboard unit-quota"' in html
