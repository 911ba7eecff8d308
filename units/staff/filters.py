import django_filters
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet

from units.models import Role, StaffMember, Unit


class StaffFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"),
        field_name="groups__newsroom_role__unit",
        queryset=Unit.objects.filter(role_groups__isnull=False).distinct().order_by("name"),
        distinct=True,
    )
    role = django_filters.ChoiceFilter(
        label=_("Role"), field_name="groups__newsroom_role__role", choices=Role.choices, distinct=True
    )
    is_active = django_filters.BooleanFilter(label=pgettext_lazy("staff account", "Active"))

    class Meta:
        model = StaffMember
        fields = ["unit", "role", "is_active"]
