"""Who sees which units in the reports: the Board and superusers see every unit, unit staff the
contributing units they work for, anyone else none. Worked out once per request, since the admin
menu asks as well as the view.
"""

import datetime

from django.utils.functional import cached_property

from units.models import Role, Unit
from units.roles import roles_of, units_of


class ReportScope:
    """The units a user may see in the reports: all of them for the Board and superusers, else the
    contributing units the user works for (none for a user without a unit role)."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def everything(self):
        return self.user.is_superuser or Role.BOARD in roles_of(self.user)

    @cached_property
    def unit_ids(self):
        """The ids of the units the user may see; None for all of them."""
        if self.everything:
            return None
        return frozenset(units_of(self.user).contributing().values_list("pk", flat=True))

    @property
    def sees_anything(self):
        return self.everything or bool(self.unit_ids)

    def restrict(self, units):
        return units if self.unit_ids is None else units.filter(pk__in=self.unit_ids)

    def may_see(self, unit):
        return self.unit_ids is None or unit.pk in self.unit_ids


def report_scope(request):
    """The request user's ReportScope, worked out once per request (the menu asks too)."""
    scope = getattr(request, "_contribution_report_scope", None)
    if scope is None or scope.user != request.user:
        scope = request._contribution_report_scope = ReportScope(request.user)
    return scope


def units_of_year(year):
    """The contributing units active at some time in ``year``: those a report of the year covers,
    before the scope restricts them to what the user may see."""
    return Unit.objects.contributing().active_between(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
