"""Who sees which units in the reports (reports.scope), checked on the scope itself: the Board and
superusers everything, a unit's staff their contributing units, an outlet's staff and anyone else
nothing; and which units a year's report covers, by the first and last day of the year."""

import datetime
from types import SimpleNamespace

import pytest

from reports.scope import ReportScope, report_scope, units_of_year
from tests.factories import UnitFactory
from units.models import Unit

pytestmark = pytest.mark.django_db


def slugs(units):
    return set(units.values_list("slug", flat=True))


def test_the_board_and_superusers_see_every_unit(staff, superuser):
    every = Unit.objects.all()
    for user in (staff["board"], superuser):
        scope = ReportScope(user)
        assert (scope.everything, scope.unit_ids, scope.sees_anything) == (True, None, True)
        assert scope.restrict(every) is every
        assert scope.may_see(Unit.objects.get(slug="bao-soc-trang"))


def test_unit_staff_see_only_their_contributing_units(staff):
    scope = ReportScope(staff["ks-approver"])
    ke_sach, y_te = Unit.objects.get(slug="huyen-ke-sach"), Unit.objects.get(slug="so-y-te")
    assert (scope.everything, scope.unit_ids, scope.sees_anything) == (False, frozenset({ke_sach.pk}), True)
    assert slugs(scope.restrict(Unit.objects.all())) == {"huyen-ke-sach"}
    assert (scope.may_see(ke_sach), scope.may_see(y_te)) == (True, False)


def test_an_outlet_s_staff_and_a_user_without_a_role_see_nothing(staff, django_user_model):
    # Báo Sóc Trăng is a unit, but not a contributing one: its editor has no report to read.
    nobody = django_user_model.objects.create_user("nguyen-thi-hong", "hong@example.invalid", "pw")
    for user in (staff["bst-editor"], nobody):
        scope = ReportScope(user)
        assert (scope.everything, scope.unit_ids, scope.sees_anything) == (False, frozenset(), False)
        assert not scope.restrict(Unit.objects.all()).exists()
        assert not scope.may_see(Unit.objects.get(slug="bao-soc-trang"))


def test_the_scope_is_worked_out_once_per_request_and_again_for_another_user(staff):
    request = SimpleNamespace(user=staff["board"])
    first = report_scope(request)
    assert report_scope(request) is first and first.everything
    request.user = staff["yt-contributor"]  # the user changed (logged in as another) on the same request
    second = report_scope(request)
    assert second is not first and second.user == staff["yt-contributor"] and not second.everything
    assert report_scope(request) is second


def test_a_year_covers_units_active_on_its_first_or_last_day_only(newsroom):
    # Units created or dissolved in Sóc Trăng's reorganisations: the edges are 1 January and 31 December.
    def unit(slug, active_from=None, active_until=None):
        return UnitFactory(slug=slug, active_from=active_from, active_until=active_until)

    unit("xa-dai-an-2", active_until=datetime.date(2020, 1, 1))  # dissolved on the year's first day
    unit("xa-long-duc", active_from=datetime.date(2020, 12, 31))  # created on its last day
    unit("xa-truoc", active_until=datetime.date(2019, 12, 31))  # dissolved the day before
    unit("xa-sau", active_from=datetime.date(2021, 1, 1))  # created the day after
    covered = slugs(units_of_year(2020))
    assert {"xa-dai-an-2", "xa-long-duc"} <= covered
    assert not {"xa-truoc", "xa-sau", "bao-soc-trang"} & covered
    assert "so-y-te" in covered
