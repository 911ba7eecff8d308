import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from units.models import EmulationBloc, QuotaRule, RuleStatus, Unit, UnitKind


class UnitFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=UnitKind.choices)
    bloc = django_filters.ModelChoiceFilter(label=_("Emulation bloc"), queryset=EmulationBloc.objects.all())
    active = django_filters.BooleanFilter(label=_("Active today"), method="filter_active")

    class Meta:
        model = Unit
        fields = ["kind", "bloc", "active"]

    def filter_active(self, queryset, name, value):
        if value is None:
            return queryset
        active = Unit.objects.active_on(timezone.localdate()).values("pk")
        return queryset.filter(pk__in=active) if value else queryset.exclude(pk__in=active)


class QuotaRuleFilterSet(WagtailFilterSet):
    unit_kind = django_filters.ChoiceFilter(label=_("Kind of unit"), choices=UnitKind.choices, method="filter_kind")
    unit = django_filters.ModelChoiceFilter(
        label=_("Applies to unit"), queryset=Unit.objects.order_by("name"), method="filter_unit"
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RuleStatus.choices, method="filter_status")

    class Meta:
        model = QuotaRule
        fields = ["unit_kind", "unit", "status"]

    def filter_kind(self, queryset, name, value):
        # The kind's own rules and the exceptions made for units of that kind.
        return queryset.filter(Q(unit_kind=value) | Q(unit__kind=value)) if value else queryset

    def filter_unit(self, queryset, name, value):
        # What can bind the unit: its own rules (exceptions) and the rules for its kind.
        if value is None:
            return queryset
        return queryset.filter(Q(unit=value) | Q(unit__isnull=True, unit_kind=value.kind))

    def filter_status(self, queryset, name, value):
        return queryset.in_status(value) if value else queryset
