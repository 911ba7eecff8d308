"""The hall of honour's skeleton page; made and translated by setup_newsroom."""

from django.utils.translation import gettext_lazy as _

from commendations.models import HallOfHonourPage
from core.skeleton import SkeletonPage

HALL_OF_HONOUR = SkeletonPage(
    HallOfHonourPage,
    "vinh-danh",
    title="Vinh danh",
    intro="Các gương điển hình tiên tiến được khen thưởng, theo cấp khen thưởng và năm.",
    translated_title=_("Hall of honour"),
    translated_intro=_("The exemplars who received awards, by level of award and by year."),
)
