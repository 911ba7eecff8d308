"""The outlets' output beside the contribution report (the Board), and on outlet editors' dashboard.

The figures are reports.outlets' (``outlet_output``), counted in the province's time zone; the
report runs that engine's fixed number of queries whatever the number of outlets or articles.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from reports.contributions import Period, province_timezone
from reports.filters import report_years
from reports.outlets import outlet_output, source_outlets
from reports.scope import report_scope
from units.models import QuotaPeriod, Role, Unit
from units.roles import roles_of

MONTH_CHOICES = [(month, f"T{month}") for month in range(1, 13)]


class OutletOutputForm(forms.Form):
    """A year and a range of its months; malformed values are form errors, never a 500."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    month_from = forms.TypedChoiceField(
        label=_("From month"), choices=MONTH_CHOICES, coerce=int, required=False, empty_value=1
    )
    month_to = forms.TypedChoiceField(label=_("To month"), choices=MONTH_CHOICES, coerce=int, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in report_years()]

    def clean(self):
        data = super().clean()
        data["year"] = data.get("year") or report_years()[0]
        data["month_from"] = data.get("month_from") or 1
        data["month_to"] = data.get("month_to") or 12
        if data["month_from"] > data["month_to"]:
            raise forms.ValidationError(_("The first month must not come after the last."))
        return data

    def dates(self):
        data = self.cleaned_data
        first = Period(QuotaPeriod.MONTH, data["year"], data["month_from"])
        last = Period(QuotaPeriod.MONTH, data["year"], data["month_to"])
        return first.start, last.end


def output_in_province_time(date_from, date_to, outlets=None):
    with timezone.override(settings.TIME_ZONE):
        return outlet_output(date_from, date_to, outlets=outlets)


class OutletOutputView(WagtailAdminTemplateMixin, TemplateView):
    """Per outlet and month of a year: articles per column, broadcasts, the stories they featured."""

    template_name = "reports/outlet_output.html"
    header_icon = "doc-full-inverse"
    page_title = _("Outlets' output")

    def dispatch(self, request, *args, **kwargs):
        if not report_scope(request).everything:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def form(self):
        # Every field is optional: an empty query string is the current year, all its months.
        return OutletOutputForm(self.request.GET)

    @cached_property
    def form_valid(self):
        return self.form.is_valid()

    def get_page_subtitle(self):
        return str(self.form.cleaned_data["year"]) if self.form_valid else ""

    def get_header_buttons(self):
        url = reverse("units_reports:contributions")
        return [HeaderButton(_("Unit contributions"), url=url, icon_name="table")]

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.form_valid:
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = output_in_province_time(*self.form.dates()) if self.form_valid else []
        context.update(form=self.form, form_valid=self.form_valid, results=results)
        return context


def outlets_edited_by(user):
    """The source-language outlet pages of the outlets whose editor ``user`` is."""
    units = Unit.objects.filter(role_groups__group__user=user, role_groups__role=Role.OUTLET_EDITOR)
    return source_outlets().filter(unit__in=units).select_related("unit")


def previous_month(month):
    return (month - datetime.timedelta(days=1)).replace(day=1)


class OutletOutputPanel(Component):
    """For outlet editors: their own outlet's output this month and last (and no other outlet's)."""

    name = "outlet_output"
    template_name = "reports/panels/outlet_output.html"
    order = 210

    def __init__(self, user, today=None):
        self.user = user
        self.today = today

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        today = self.today or timezone.localdate(timezone=province_timezone())
        this_month = today.replace(day=1)
        last_month = previous_month(this_month)
        outlets = list(outlets_edited_by(self.user))
        results = output_in_province_time(last_month, today, outlets=outlets) if outlets else []
        found = {(result.outlet.pk, result.month): result for result in results}
        context["outlets"] = [
            {"outlet": outlet, "months": [(month, found.get((outlet.pk, month))) for month in (this_month, last_month)]}
            for outlet in outlets
        ]
        return context


def add_outlet_output_panel(request, panels, today=None):
    if Role.OUTLET_EDITOR in roles_of(request.user):
        panels.append(OutletOutputPanel(request.user, today=today))
