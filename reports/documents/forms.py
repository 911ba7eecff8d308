"""The period a report document covers, as chosen in the admin: a half-year, a year, the whole plan
or a range of dates. Whatever arrives in the query string is checked here: anything malformed is a
form error (shown with a 400), never a document of something else and never a 500.
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.widgets import AdminDateInput

from reports.documents.spans import HALF, PLAN, PLAN_START, YEAR, date_range, half_year, whole_plan, whole_year
from reports.filters import report_years

SPAN_CHOICES = [
    (HALF, _("Half-year review (sơ kết)")),
    (YEAR, _("Year-end review (tổng kết năm)")),
    (PLAN, _("Whole plan or a date range (tổng kết kế hoạch)")),
]
# As the admin's date picker writes them (WAGTAIL_DATE_FORMAT), and ISO for links and scripts.
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
HALF_CHOICES = [(1, _("First half (January–June)")), (2, _("Second half (July–December)"))]


class DocumentPeriodForm(forms.Form):
    document = forms.ChoiceField(label=pgettext_lazy("report document", "Document"), choices=SPAN_CHOICES, initial=YEAR)
    year = forms.TypedChoiceField(
        label=_("Year"), coerce=int, required=False, help_text=_("For the half-year and year-end reviews.")
    )
    half = forms.TypedChoiceField(
        label=_("Half"), choices=HALF_CHOICES, coerce=int, required=False, help_text=_("For the half-year review.")
    )
    date_from = forms.DateField(
        label=pgettext_lazy("start of a period", "From"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=AdminDateInput,
        help_text=_("For the plan's review. Empty: the plan's start, 04/09/2019."),
    )
    date_to = forms.DateField(
        label=pgettext_lazy("date range", "To"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=AdminDateInput,
        help_text=_("For the plan's review. Empty: today."),
    )

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.fields["year"].choices = [(year, str(year)) for year in report_years(self.today)]

    def clean(self):
        data = super().clean()
        kind = data.get("document")
        if kind in (HALF, YEAR) and not data.get("year"):
            self.add_error("year", _("Choose a year."))
        if kind == HALF and not data.get("half"):
            self.add_error("half", _("Choose a half of the year."))
        if kind == PLAN:
            self._clean_range(data)
        return data

    def _clean_range(self, data):
        date_from, date_to = data.get("date_from"), data.get("date_to")
        if date_from and date_from < datetime.date(PLAN_START.year, 1, 1):
            self.add_error("date_from", _("Choose a date from 2019 on: the plan started on 04/09/2019."))
        if date_to and date_to > self.today:
            self.add_error("date_to", _("The range cannot end after today."))
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The range must end after it starts."))

    def span(self):
        """The Span chosen (call once the form is valid)."""
        data = self.cleaned_data
        if data["document"] == HALF:
            return half_year(data["year"], data["half"])
        if data["document"] == YEAR:
            return whole_year(data["year"])
        if data.get("date_from") or data.get("date_to"):
            return date_range(data.get("date_from") or PLAN_START, data.get("date_to") or self.today)
        return whole_plan(self.today)
