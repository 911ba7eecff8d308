"""The public listing's filters; each keeps its state in the URL and rejects bad values."""

import django_filters
import django_filters.fields
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from exemplars.models import ExemplarKind, ExemplarPage, Field, SubjectKind
from units.models import Unit

FIRST_YEAR = 2019


def year_choices():
    return [(str(year), str(year)) for year in range(timezone.localdate().year, FIRST_YEAR - 1, -1)]


def campaign_queryset(request):
    # The campaign model comes through the story's relation: campaigns builds on exemplars, so
    # exemplars never imports campaigns. A private campaign's title is not offered to the public
    # (core/visibility.py).
    campaigns = ExemplarPage._meta.get_field("campaign").related_model.objects.visible_to_public()
    return campaigns.filter(locale=Locale.get_active()).order_by("-start_date", "title")


def field_queryset(request):
    return Field.objects.filter(locale=Locale.get_active())


def _attrs_html(attrs):
    """A widget's attributes as django/forms/widgets/attrs.html writes them."""
    shown = ((name, value) for name, value in attrs.items() if value is not False)
    return format_html_join("", " {}{}", ((name, "" if v is True else format_html('="{}"', v)) for name, v in shown))


class ListingSelect(forms.Select):
    """A <select> written in Python, with exactly the markup of Django's select.html.

    The template version includes a template per option: with 60 units, the years and the fields,
    that was a large share of rendering an uncached listing."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], _attrs_html(widget["attrs"]))]
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in group_choices:
                parts.append(
                    format_html(
                        # select_option.html ends with a newline, hence the blank line after each.
                        '\n  <option value="{}"{}>{}</option>\n',
                        str(option["value"]),
                        _attrs_html(option["attrs"]),
                        option["label"],
                    )
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")  # the form renderer strips the template's last newline
        return mark_safe("".join(parts))


class ListingChoiceIterator(django_filters.fields.ModelChoiceIterator):
    """The same choices in the same order, read with one plain query.

    Django reads choices with ``queryset.iterator()``, which on PostgreSQL opens a server-side
    cursor (DECLARE … WITH HOLD, FETCH, CLOSE): three round trips for a few dozen rows."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        for obj in self.field.choice_objects():
            yield self.choice(obj)


class ListingModelChoiceField(django_filters.fields.ModelChoiceField):
    """Validates the submitted value against the same list of objects the <select> shows.

    Django looks the value up with one more query (``queryset.get``); the form lists every
    choice anyway, so one query serves both."""

    iterator = ListingChoiceIterator

    def choice_objects(self):
        # Kept with the queryset it came from: a copied field (each form copies its fields)
        # or a new queryset reads again.
        cached = self.__dict__.get("_choice_objects")
        if cached is None or cached[0] is not self.queryset:
            cached = (self.queryset, list(self.queryset.all()))
            self._choice_objects = cached
        return cached[1]

    def to_python(self, value):
        if self.null_label is not None and value == self.null_value:
            return value
        if value in self.empty_values:
            return None
        self.validate_no_null_characters(value)
        opts = self.queryset.model._meta
        key = self.to_field_name or "pk"
        model_field = opts.pk if key == "pk" else opts.get_field(key)
        if isinstance(value, self.queryset.model):
            value = getattr(value, key)
        try:
            wanted = model_field.to_python(value)
        except (ValueError, TypeError, ValidationError):
            wanted = None
        if wanted is not None:
            for obj in self.choice_objects():
                if getattr(obj, model_field.attname) == wanted:
                    return obj
        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})


class ListingModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = ListingModelChoiceField


class ExemplarFilter(django_filters.FilterSet):
    field = ListingModelChoiceFilter(
        label=_("Field"),
        field_name="fields",
        to_field_name="slug",
        queryset=field_queryset,
        empty_label=_("All fields"),
        widget=ListingSelect,
    )
    unit = ListingModelChoiceFilter(
        label=_("Unit"),
        to_field_name="slug",
        queryset=Unit.objects.contributing(),
        empty_label=_("All units"),
        widget=ListingSelect,
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=ExemplarKind.choices, empty_label=_("All kinds"), widget=ListingSelect
    )
    subject_kind = django_filters.ChoiceFilter(
        label=_("Subject"), choices=SubjectKind.choices, empty_label=_("Everyone"), widget=ListingSelect
    )
    campaign = ListingModelChoiceFilter(
        label=_("Campaign"),
        to_field_name="slug",
        queryset=campaign_queryset,
        empty_label=_("All campaigns"),
        widget=ListingSelect,
    )
    year = django_filters.ChoiceFilter(
        label=_("Year"),
        field_name="first_published_at__year",
        choices=year_choices,
        empty_label=_("All years"),
        widget=ListingSelect,
    )

    class Meta:
        model = ExemplarPage
        fields = ["field", "unit", "kind", "subject_kind", "campaign", "year"]
        form = forms.Form
