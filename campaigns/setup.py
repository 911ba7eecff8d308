"""Seeding the campaign index; run by setup_newsroom."""

from django.utils.translation import gettext_lazy as _

from campaigns.models import CampaignIndexPage
from core.skeleton import SkeletonPage

CAMPAIGN_INDEX = SkeletonPage(
    CampaignIndexPage,
    "phong-trao-thi-dua",
    title="Phong trào thi đua",
    intro="Các phong trào thi đua yêu nước và hoạt động tôn vinh điển hình.",
    translated_title=_("Emulation campaigns"),
    translated_intro=_("The province's patriotic emulation campaigns and the events that honour their exemplars."),
)
