import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from units.models import EmulationBloc, Unit, UnitKind


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
