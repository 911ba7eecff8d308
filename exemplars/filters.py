"""The public listing's filters; each keeps its state in the URL and rejects bad values.

Django's and django-filter's own fields write the form, with Django's ``select.html``."""

import django_filters
from django import forms
from django.apps import apps
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.fragments import cached
from core.names import shown_name
from exemplars.models.taxonomy import ExemplarKind, Field, SubjectKind
from units.models import Unit

FIRST_YEAR = 2019


def year_choices():
    return [(str(year), str(year)) for year in range(timezone.localdate().year, FIRST_YEAR - 1, -1)]


def campaign_queryset(request):
    # The campaign model is found by name in the app registry: campaigns builds on exemplars, so
    # exemplars never imports campaigns. A private campaign's title is not offered to the public
    # (core/visibility.py).
    campaigns = apps.get_model("campaigns", "CampaignPage").objects.visible_to_public()
    return campaigns.filter(locale=Locale.get_active()).order_by("-start_date", "title")


def field_queryset(request):
    # One row per field in every language; readers see its name in theirs (core/names.py).
    return Field.objects.all()


def filter_options(request):
    """The objects each picked filter offers, read: ``{filter name: [object, …]}``."""
    return {
        "field": list(field_queryset(request)),
        "unit": list(Unit.objects.contributing()),
        "campaign": list(campaign_queryset(request)),
    }


def offered_choices(request):
    """``{filter name: [(slug, label in the reader's language, id), …]}``: what each picked filter offers."""
    return {
        name: [(obj.slug, shown_name(obj), obj.pk) for obj in objects]
        for name, objects in filter_options(request).items()
    }


def picked_by_slug(label, empty_label, field_name=None):
    """A filter on an object picked by its slug from a list that ExemplarFilter reads."""
    return django_filters.ChoiceFilter(
        label=label,
        field_name=field_name,
        method="filter_picked",
        empty_label=empty_label,
        # What Django says of a ModelChoiceField's unknown value.
        error_messages={"invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"]},
    )


def by_slug(objects):
    found = {}
    for obj in objects:
        found.setdefault(obj.slug, obj)  # as a lookup among the choices would, the first wins
    return found


class ExemplarFilter(django_filters.FilterSet):
    """Filters the index page's stories (ExemplarIndexPage.stories).

    A field, unit or campaign is picked by its slug from the list the form shows. Each list is read
    once, and Django's ChoiceField checks the slug against it: a ModelChoiceField would read the
    list to show it and look the slug up again, one more query for each of these filters used.
    """

    field = picked_by_slug(pgettext_lazy("sector of life", "Field"), _("All fields"), field_name="fields")
    unit = picked_by_slug(_("Unit"), _("All units"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ExemplarKind.choices, empty_label=_("All kinds"))
    subject_kind = django_filters.ChoiceFilter(
        label=_("Subject"), choices=SubjectKind.choices, empty_label=_("Everyone")
    )
    campaign = picked_by_slug(_("Campaign"), _("All campaigns"))
    year = django_filters.ChoiceFilter(
        label=_("Year"), field_name="first_published_at__year", choices=year_choices, empty_label=_("All years")
    )
    replicated = django_filters.ChoiceFilter(
        label=_("Replication"),
        choices=[("1", _("Replicated elsewhere"))],
        empty_label=_("All stories"),
        method="filter_replicated",
    )

    class Meta:
        # No model: every filter is declared above (the form shows them in this order), and the
        # page always passes its stories.
        form = forms.Form

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        # The lists depend on the reader's language; kept for the content generation (core/fragments.py),
        # as what the form and the filter need (slug, label, id) rather than objects to unpickle.
        lists = cached("exemplar-filter-choices", (get_language(),), lambda: offered_choices(request), request)
        self.offered = {}  # {field_name: {slug: id}}, for filter_picked
        for name, choices in lists.items():
            filter_ = self.filters[name]
            filter_.extra["choices"] = [(slug, label) for slug, label, _pk in choices]
            offered = self.offered[filter_.field_name] = {}
            for slug, _label, pk in choices:
                offered.setdefault(slug, pk)  # as a lookup among the choices would, the first wins

    def filter_picked(self, stories, name, slug):
        return stories.filter(**{name: self.offered[name][slug]})

    def filter_replicated(self, stories, name, value):
        """Stories with a live, public replication record in their language (of any of their
        versions, as the story's page shows them: exemplars/models/replication.py)."""
        records = apps.get_model("exemplars", "ReplicationPage").objects.visible_to_public()
        return stories.filter(
            Exists(records.filter(locale_id=OuterRef("locale_id"), story__translation_key=OuterRef("translation_key")))
        )
