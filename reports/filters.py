"""Filters of the contribution reports: the year, which units, and a status in a given period.

The unit filters (kind, bloc) narrow the Unit queryset passed to the engine
(reports.contributions.contribution_report); the year chooses what the engine computes; the
status-in-period filter is applied by the view to the computed rows (see ``status_in``).
Malformed values never raise: they become form errors the report shows.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet

from reports.contributions import MET, NOT_REQUIRED, PENDING, SHORT, STATUS_LABELS, Period
from units.models import CONTRIBUTING_KINDS, EmulationBloc, Unit, UnitKind

FIRST_YEAR = 2019  # the plan, Kế hoạch 123/KH-UBND, was issued in September 2019


def report_years(today=None):
    """The years a report can show, newest first: from the plan's first year to this one."""
    this_year = (today or timezone.localdate()).year
    return list(range(max(this_year, FIRST_YEAR), FIRST_YEAR - 1, -1))


def status_in(result, period):
    """The status of a UnitResult in ``period``, or None if the unit has nothing to say about it.

    A month of a quarterly unit takes its quarter's status. A quarter of a monthly unit is met
    only if every required month of it was: short if any month fell short, else in progress if
    any month still is, else met if any month required something, else not required.
    """
    exact = result.period_result(period.key)
    if exact is not None:
        return exact.status
    if len(period.months) == 1:
        covering = result.result_for_month(period.number)
        return covering.status if covering else None
    statuses = {
        p.status for p in result.periods if p.period.year == period.year and p.period.months[0] in period.months
    }
    if not statuses:
        return None
    for status in (SHORT, PENDING, MET):
        if status in statuses:
            return status
    return NOT_REQUIRED


class PeriodKeyField(forms.CharField):
    """A period key, "2020-03" for a month or "2020-Q1" for a quarter; cleans to the normalised key
    (a string, so that the admin's active-filter pill reads well; ``Period.from_key`` gives the Period)."""

    default_error_messages = {
        "invalid": _("Enter a month as YYYY-MM (e.g. 2020-03) or a quarter as YYYY-Qn (e.g. 2020-Q1)."),
        "year": _("Choose a period from %(first)s to %(last)s."),
    }

    def to_python(self, value):
        value = super().to_python(value).strip()
        if not value:
            return None
        try:
            period = Period.from_key(value)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        years = report_years()
        if period.year not in years:
            raise ValidationError(
                self.error_messages["year"], code="year", params={"first": years[-1], "last": years[0]}
            )
        return period.key


class PeriodFilter(django_filters.Filter):
    field_class = PeriodKeyField


class ContributionFilterForm(forms.Form):
    """Checks what no single field can: a status needs its period, and both must agree with the year."""

    def clean(self):
        cleaned = super().clean()
        period = Period.from_key(cleaned["period"]) if cleaned.get("period") else None
        status = cleaned.get("status")
        if "period" in self.errors or "status" in self.errors:
            return cleaned
        if period and not status:
            self.add_error("status", _("Choose the status to look for in %(period)s.") % {"period": period.label})
        elif status and not period:
            self.add_error("period", _("Choose the period in which to look for this status."))
        if "year" not in self.fields or "year" in self.errors:
            return cleaned
        if cleaned.get("year") in (None, ""):
            cleaned["year"] = period.year if period else report_years()[0]
        else:
            cleaned["year"] = int(cleaned["year"])
        if period and period.year != cleaned["year"]:
            self.add_error(
                "period",
                _("%(period)s is not in %(year)s: choose a period of the year shown.")
                % {"period": period.label, "year": cleaned["year"]},
            )
        return cleaned


class YearFilterSetMixin:
    """A year, from the plan's first to the current one; the current year when none is given."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = report_years()
        year_filter = self.filters["year"]
        year_filter.extra["choices"] = [(str(year), str(year)) for year in years]
        year_filter.extra["initial"] = years[0]

    def keep(self, queryset, name, value):
        """Filters the view applies itself, not to the Unit queryset."""
        return queryset


class ContributionReportFilterSet(YearFilterSetMixin, WagtailFilterSet):
    year = django_filters.ChoiceFilter(label=_("Year"), method="keep", empty_label=None)
    kind = django_filters.ChoiceFilter(
        label=_("Kind"),
        choices=[(kind.value, kind.label) for kind in UnitKind if kind in CONTRIBUTING_KINDS],
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    bloc = django_filters.ModelChoiceFilter(
        label=_("Emulation bloc"),
        queryset=EmulationBloc.objects.all(),
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    period = PeriodFilter(
        label=pgettext_lazy("quota", "Period"),
        method="keep",
        help_text=_("A month as YYYY-MM (2020-03) or a quarter as YYYY-Qn (2020-Q1)."),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status in that period"),
        choices=list(STATUS_LABELS.items()),
        method="keep",
        empty_label=_("Any"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Unit
        fields = []
        form = ContributionFilterForm


class ScoringFilterSet(YearFilterSetMixin, WagtailFilterSet):
    year = django_filters.ChoiceFilter(label=_("Year"), method="keep", empty_label=None)

    class Meta:
        model = Unit
        fields = []
        form = ContributionFilterForm
