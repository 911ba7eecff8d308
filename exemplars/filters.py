"""The public listing's filters; each keeps its state in the URL and rejects bad values."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from exemplars.models import ExemplarKind, ExemplarPage, Field, SubjectKind
from units.models import Unit

FIRST_YEAR = 2019


def year_choices():
    return [(str(year), str(year)) for year in range(timezone.localdate().year, FIRST_YEAR - 1, -1)]


def campaign_queryset(request):
    from wagtail.models import Locale

    from campaigns.models import CampaignPage

    return CampaignPage.objects.live().filter(locale=Locale.get_active()).order_by("-start_date", "title")


def field_queryset(request):
    from wagtail.models import Locale

    return Field.objects.filter(locale=Locale.get_active())


class ExemplarFilter(django_filters.FilterSet):
    field = django_filters.ModelChoiceFilter(
        label=_("Field"),
        field_name="fields",
        to_field_name="slug",
        queryset=field_queryset,
        empty_label=_("All fields"),
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"), to_field_name="slug", queryset=Unit.objects.contributing(), empty_label=_("All units")
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ExemplarKind.choices, empty_label=_("All kinds"))
    subject_kind = django_filters.ChoiceFilter(
        label=_("Subject"), choices=SubjectKind.choices, empty_label=_("Everyone")
    )
    campaign = django_filters.ModelChoiceFilter(
        label=_("Campaign"), to_field_name="slug", queryset=campaign_queryset, empty_label=_("All campaigns")
    )
    year = django_filters.ChoiceFilter(
        label=_("Year"), field_name="first_published_at__year", choices=year_choices, empty_label=_("All years")
    )

    class Meta:
        model = ExemplarPage
        fields = ["field", "unit", "kind", "subject_kind", "campaign", "year"]
        form = forms.Form
