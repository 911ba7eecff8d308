import django_filters
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from exemplars.models import Field
from submissions.models import DifficultyReport, Nomination, NominationStatus, ReportStatus
from units.models import Unit


class NominationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=NominationStatus.choices)
    unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=Unit.objects.all())
    field = django_filters.ModelChoiceFilter(
        label=pgettext_lazy("sector of life", "Field"), queryset=Field.objects.all()
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Received"), widget=DateRangePickerWidget)

    class Meta:
        model = Nomination
        fields = ["status", "unit", "field", "created_at"]


class DifficultyReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ReportStatus.choices)
    unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=Unit.objects.all())
    created_at = django_filters.DateFromToRangeFilter(label=_("Received"), widget=DateRangePickerWidget)

    class Meta:
        model = DifficultyReport
        fields = ["status", "unit", "created_at"]
