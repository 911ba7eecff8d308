"""Facets of the public search; each keeps its state in the URL and rejects bad values."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.names import NameChoiceField
from exemplars.filters import field_queryset, year_choices
from exemplars.models import SubjectKind
from search.models import ContentKind, SearchEntry
from units.models import Unit


class NamedChoiceFilter(django_filters.ModelChoiceFilter):
    """Fields and units named in the reader's language (core/names.py)."""

    field_class = NameChoiceField


class SearchFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=pgettext_lazy("search content kind", "Content"), choices=ContentKind.choices, empty_label=_("Everything")
    )
    field = NamedChoiceFilter(
        label=pgettext_lazy("sector of life", "Field"),
        field_name="fields",
        to_field_name="slug",
        queryset=field_queryset,
        empty_label=_("All fields"),
    )
    unit = NamedChoiceFilter(
        label=_("Unit"), to_field_name="slug", queryset=Unit.objects.contributing(), empty_label=_("All units")
    )
    year = django_filters.ChoiceFilter(
        label=_("Year"), field_name="published_at__year", choices=year_choices, empty_label=_("All years")
    )
    subject_kind = django_filters.ChoiceFilter(
        label=_("Subject"), choices=SubjectKind.choices, empty_label=_("Everyone")
    )

    class Meta:
        model = SearchEntry
        fields = ["kind", "field", "unit", "year", "subject_kind"]
        form = forms.Form
