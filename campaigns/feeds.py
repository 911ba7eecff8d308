"""The feed of an emulation campaign's stories (URL in campaigns/feed_urls.py).

A campaign is looked up by slug among the live, public campaigns of the active locale; stories
match it through its translation key, so a translated story still linked to the Vietnamese
campaign is found. The stories' feed it builds on is exemplars/feeds.py.
"""

from django.utils.translation import gettext

from campaigns.models import CampaignPage
from exemplars.feeds import StoryFeed


class CampaignFeed(StoryFeed):
    url_name = "feed_campaign"

    def lookup(self, slug):
        campaign = self.live_pages(CampaignPage).filter(slug=slug).order_by("path").first()
        if campaign is None:
            raise CampaignPage.DoesNotExist(slug)
        return campaign

    def title(self, campaign):
        return gettext("Stories of %(campaign)s") % {"campaign": campaign.title}

    def description(self, campaign):
        return campaign.summary or gettext("The latest exemplar stories of the campaign %(campaign)s.") % {
            "campaign": campaign.title
        }

    def link(self, campaign):
        return self.absolute(campaign.get_url(self.request))

    def stories(self, campaign):
        return super().stories(campaign).filter(campaign__translation_key=campaign.translation_key)
