"""The hall of honour's filters: year, level, award type and unit, kept in the URL; a value that is
not offered is refused (the page answers 400), like the exemplar index's (exemplars/filters.py)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.names import shown_name
from exemplars.filters import by_slug, picked_by_slug
from exemplars.models import AwardLevel, AwardType
from units.models import Unit


class HallOfHonourFilter(django_filters.FilterSet):
    """Filters the awards of a hall of honour (HallOfHonourPage.awards).

    The years offered are those of its awards; award types and units are named in the reader's
    language (core/names.py).
    """

    year = django_filters.ChoiceFilter(label=_("Year"), empty_label=_("All years"))
    level = django_filters.ChoiceFilter(
        label=pgettext_lazy("award", "Level"),
        field_name="award_type__level",
        choices=AwardLevel.choices,
        empty_label=_("All levels"),
    )
    award_type = django_filters.ChoiceFilter(
        label=_("Award"),
        method="filter_award_type",
        empty_label=_("All awards"),
        error_messages={"invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"]},
    )
    unit = picked_by_slug(_("Unit"), _("All units"), field_name="page__unit")

    class Meta:
        form = forms.Form

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        years = queryset.order_by("-year").values_list("year", flat=True).distinct()
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in years]
        self.award_types = {str(award_type.pk): award_type for award_type in AwardType.objects.all()}
        self.filters["award_type"].extra["choices"] = [(pk, shown_name(obj)) for pk, obj in self.award_types.items()]
        units = Unit.objects.contributing()
        self.filters["unit"].extra["choices"] = [(unit.slug, shown_name(unit)) for unit in units]
        self.offered = {"page__unit": by_slug(units)}

    def filter_award_type(self, awards, name, pk):
        return awards.filter(award_type=self.award_types[pk])

    def filter_picked(self, awards, name, slug):
        return awards.filter(**{name: self.offered[name][slug]})
