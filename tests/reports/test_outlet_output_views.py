"""The outlets' output in the admin: the Board's report beside the contributions, the editors' panel."""

import datetime

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from columns.models import OutletPage
from reports.outlet_views import add_outlet_output_panel
from tests.factories import ColumnArticlePageFactory, ColumnPageFactory, ExemplarPageFactory
from tests.helpers import at
from tests.reports.test_report_views import login

OUTPUT = "units_reports:outlet_output"
TODAY = datetime.date(2020, 4, 10)


@pytest.fixture
def articles(newsroom, section):
    newspaper = OutletPage.objects.get(unit__slug="bao-soc-trang", locale__language_code="vi")
    station = OutletPage.objects.get(unit__slug="dai-phat-thanh-va-truyen-hinh-soc-trang", locale__language_code="vi")
    guong_sang = ColumnPageFactory(parent=newspaper, title="Gương sáng đời thường")
    dien_hinh = ColumnPageFactory(parent=station, title="Điển hình tiên tiến")
    story = ExemplarPageFactory(parent=section, title="Nông dân Lâm Văn Sang làm giàu từ cây lúa")
    first = ColumnArticlePageFactory(parent=guong_sang, title="Lão nông hiến đất", first_published_at=at(2020, 3, 12))
    first.featured_stories.create(story=story)
    first.save()
    ColumnArticlePageFactory(parent=guong_sang, title="Người mẹ của trẻ mồ côi", first_published_at=at(2020, 4, 2))
    ColumnArticlePageFactory(parent=dien_hinh, title="Cô giáo vùng lõi Khmer", first_published_at=at(2020, 3, 19))
    ColumnArticlePageFactory(parent=dien_hinh, title="Bài tháng Hai", first_published_at=at(2020, 2, 19))


@pytest.mark.django_db
def test_board_sees_each_outlets_output_for_a_range_of_months(client, staff, articles):
    login(client, staff["board"], "vi")
    html = client.get(reverse(OUTPUT), {"year": 2020, "month_from": 3, "month_to": 3}).content.decode()

    assert "Báo Sóc Trăng — T3/2020" in html and "Đài Phát thanh và Truyền hình Sóc Trăng — T3/2020" in html
    assert "Gương sáng đời thường" in html
    # Which story each article featured, and the story's unit.
    assert "<em>Lão nông hiến đất</em>: Nông dân Lâm Văn Sang làm giàu từ cây lúa (Huyện Kế Sách)" in html
    assert "T4/2020" not in html and "T2/2020" not in html
    # The contribution report leads to it.
    report = client.get(reverse("units_reports:contributions"), {"year": 2020}).content.decode()
    assert reverse(OUTPUT) in report


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"year": "1900"},
        {"year": "abc"},
        {"year": 2020, "month_from": 13},
        {"year": 2020, "month_from": 5, "month_to": 2},
    ],
)
def test_bad_filters_are_a_400_with_the_error_never_a_500(client, staff, articles, params):
    login(client, staff["board"])
    response = client.get(reverse(OUTPUT), params)
    assert response.status_code == 400
    assert "Gương sáng đời thường" not in response.content.decode()


@pytest.mark.django_db
def test_unit_staff_and_outlet_editors_cannot_open_the_boards_outlet_report(client, staff, articles):
    for role in ("ks-contributor", "bst-editor"):
        login(client, staff[role])
        response = client.get(reverse(OUTPUT), {"year": 2020})
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    anonymous = client.__class__()
    assert anonymous.get(reverse(OUTPUT)).status_code == 302


def dashboard(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    panels = []
    add_outlet_output_panel(request, panels, today=TODAY)
    return panels, "".join(panel.render_html({"request": request}) for panel in panels)


@pytest.mark.django_db
def test_outlet_editor_sees_only_their_outlets_output_this_month_and_last(staff, articles):
    panels, html = dashboard(staff["bst-editor"])

    assert len(panels) == 1
    assert "Báo Sóc Trăng" in html and "T4/2020" in html and "T3/2020" in html
    assert "Người mẹ của trẻ mồ côi" not in html  # an article is named only for the stories it featured
    assert html.count("Gương sáng đời thường") == 2  # March and April
    assert "Điển hình tiên tiến" not in html and "Đài Phát thanh" not in html

    _panels, station_html = dashboard(staff["dai-editor"])
    assert "Điển hình tiên tiến" in station_html and "Gương sáng đời thường" not in station_html


@pytest.mark.django_db
def test_no_outlet_panel_for_reporters_unit_staff_or_the_board(staff, articles):
    for role in ("bst-reporter", "ks-approver", "board"):
        assert dashboard(staff[role])[0] == []


@pytest.mark.django_db
def test_outlet_panel_costs_the_same_however_many_articles(staff, articles):
    dashboard(staff["bst-editor"])  # warm the role caches
    with CaptureQueriesContext(connection) as few:
        dashboard(staff["bst-editor"])
    newspaper = OutletPage.objects.get(unit__slug="bao-soc-trang", locale__language_code="vi")
    for i in range(3):
        column = ColumnPageFactory(parent=newspaper, title=f"Chuyên mục {i}")
        for day in (1, 2, 3):
            ColumnArticlePageFactory(parent=column, first_published_at=at(2020, 4, day))
    with CaptureQueriesContext(connection) as many:
        _panels, html = dashboard(staff["bst-editor"])
    assert "Chuyên mục 2" in html
    assert len(many) == len(few), [q["sql"] for q in many]
