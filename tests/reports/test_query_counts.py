"""The Board's contribution report page costs a fixed number of queries, however many units and stories."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from exemplars.models import UnitSectionPage
from tests.factories import ExemplarPageFactory, UnitFactory
from tests.helpers import at

REPORT = "units_reports:contributions"
YEAR = 2022
# A generous ceiling: a grid that queried per unit or per period would pass it at once with 25 more units.
REPORT_MAX_QUERIES = 40


@pytest.mark.django_db
def test_contribution_report_page_costs_the_same_for_more_units_and_stories(client, staff):
    client.force_login(staff["board"])
    ke_sach = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")

    def page_queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse(REPORT), {"year": YEAR})
        assert response.status_code == 200
        return len(captured), response

    for month in (1, 4):
        ExemplarPageFactory(parent=ke_sach, first_published_at=at(YEAR, month))
    page_queries()  # warm the menus and caches
    small, response = page_queries()
    rows_before = response.content.count(b"data-unit=")

    for n in range(25):
        unit = UnitFactory(slug=f"xa-bench-{n}", name=f"Xã Phú Tâm {n}", kind="district")
        section = UnitSectionPage.ensure_for(unit)[0]
        ExemplarPageFactory(parent=section, first_published_at=at(YEAR, 1 + n % 12))
    page_queries()  # the site and menus are kept per content generation, which the new pages moved
    large, response = page_queries()

    assert response.content.count(b"data-unit=") >= rows_before + 25
    assert small == large, (small, large)
    assert small <= REPORT_MAX_QUERIES
