"""The filters of the proposals' listing: status, award type, level, proposing unit and year."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from commendations.models import CommendationProposal, ProposalStatus
from exemplars.models import AwardLevel, AwardType
from units.models import Unit

FIRST_YEAR = 2019  # the plan's year


def _years():
    return [(year, str(year)) for year in range(timezone.localdate().year, FIRST_YEAR - 1, -1)]


class ProposalFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ProposalStatus.choices)
    award_type = django_filters.ModelChoiceFilter(label=_("Award proposed"), queryset=AwardType.objects.all())
    level = django_filters.ChoiceFilter(label=_("Level"), choices=AwardLevel.choices)
    proposing_unit = django_filters.ModelChoiceFilter(label=_("Proposing unit"), queryset=Unit.objects.all())
    # A list of years, not a number: whatever is typed in the address, a year or nothing.
    year = django_filters.ChoiceFilter(label=_("Year proposed"), choices=_years, field_name="proposed_at__year")

    class Meta:
        model = CommendationProposal
        fields = ["status", "award_type", "level", "proposing_unit", "year"]
