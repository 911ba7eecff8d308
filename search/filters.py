"""Facets of the public search; each keeps its state in the URL and rejects bad values.

A field or unit is picked by its slug from the list kept for the content generation (as the
story listing's filters do, exemplars/filters.py): checking a choice costs no query."""

import django_filters
from django import forms
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.fragments import cached
from core.names import shown_name
from exemplars.filters import picked_by_slug, year_choices
from exemplars.models import Field, SubjectKind
from search.models import ContentKind, SearchEntry
from units.models import Unit


def _options():
    """{filter's field name: [(slug, name in the reader's language, id)]}: plain values, cheap to
    read back from the cache."""
    lists = {"fields": Field.objects.all(), "unit": Unit.objects.contributing()}
    return {name: [(obj.slug, shown_name(obj), obj.pk) for obj in objects] for name, objects in lists.items()}


class SearchFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=pgettext_lazy("search content kind", "Content"), choices=ContentKind.choices, empty_label=_("Everything")
    )
    field = picked_by_slug(pgettext_lazy("sector of life", "Field"), _("All fields"), field_name="fields")
    unit = picked_by_slug(_("Unit"), _("All units"))
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

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        lists = cached("search-filter-choices", (get_language(),), _options, request)
        self.offered = {}  # {field_name: {slug: id}}
        for name, choices in lists.items():
            filter_ = self.filters["field" if name == "fields" else name]
            filter_.extra["choices"] = [(slug, label) for slug, label, _pk in choices]
            offered = self.offered[name] = {}
            for slug, _label, pk in choices:
                offered.setdefault(slug, pk)  # as a lookup among the choices would, the first wins

    def filter_picked(self, entries, name, slug):
        return entries.filter(**{name: self.offered[name][slug]})

    def picked(self):
        """The form's cleaned values, with the picked field and unit as ids (call once valid)."""
        cleaned = dict(self.form.cleaned_data)
        for facet, name in (("field", "fields"), ("unit", "unit")):
            cleaned[facet] = self.offered[name].get(cleaned.get(facet) or "")
        return cleaned
