"""Every public page type costs at most QUERY_BUDGET queries when nothing is cached, and the same
number whether the site holds 3 stories or 30 (issue 20, item 4). The search page is the search
helper's to budget.

Each page is asked for twice before counting: the first request fills the caches that are not the
page's own (site root paths, locales, content types), which a running server keeps between
requests. The page cache is off in tests, so what is counted is the page being built.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image

from campaigns.models import CampaignIndexPage
from columns.models import ColumnIndexPage, OutletPage
from commendations.models import HallOfHonourPage
from exemplars.models import AwardType, ExemplarAward, ExemplarIndexPage, Field, UnitSectionPage
from home.models import HomePage
from submissions.models import NominationFormPage
from tests.factories import (
    CampaignPageFactory,
    ColumnArticlePageFactory,
    ColumnPageFactory,
    DocumentLibraryPageFactory,
    ExemplarPageFactory,
    HonouringEventPageFactory,
    StandardPageFactory,
)
from tests.helpers import at, png, published

QUERY_BUDGET = 15


def vi(model):
    return model.objects.get(locale__language_code="vi")


class World:
    """A small newsroom with one page of every public type, which ``grow`` fills with more stories,
    each with fields, an award, an image, a campaign, an honouring event and a column article."""

    def __init__(self):
        self.home = vi(HomePage)
        self.index = vi(ExemplarIndexPage)
        self.section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")
        self.fields = list(Field.objects.filter(slug__in=["san-xuat-kinh-doanh", "y-duc"]))
        self.award_type = AwardType.objects.filter(for_individuals=True).first()
        self.image = Image.objects.create(title="Ruộng lúa - tôm", file=png("lua-tom.png", size=(60, 40)))
        self.campaign_index = vi(CampaignIndexPage)
        self.campaign = published(
            CampaignPageFactory(parent=self.campaign_index, title="Nông thôn mới", slug="nong-thon-moi")
        )
        self.event = published(
            HonouringEventPageFactory(parent=self.section, title="Hội nghị sơ kết năm 2022", slug="so-ket-2022")
        )
        self.column_index = vi(ColumnIndexPage)
        self.outlet = OutletPage.objects.filter(locale__language_code="vi").get(unit__slug="bao-soc-trang")
        self.column = published(ColumnPageFactory(parent=self.outlet, title="Gương sáng đời thường", slug="guong-sang"))
        self.hall = vi(HallOfHonourPage)
        self.library = published(DocumentLibraryPageFactory(parent=self.home, slug="van-ban"))
        self.standard = published(StandardPageFactory(parent=self.home, slug="lien-he"))
        self.form = vi(NominationFormPage)
        self.stories = []
        self.articles = []

    def grow(self, n):
        for _ in range(n):
            i = len(self.stories)
            story = ExemplarPageFactory(
                parent=self.section,
                title=f"Ông Thạch Sô Phol nuôi tôm sạch {i}",
                slug=f"nuoi-tom-sach-{i}",
                first_published_at=at(2022, 5),
                main_image=self.image,
                campaign=self.campaign,
            )
            story.fields.set(self.fields)
            ExemplarAward.objects.create(page=story, award_type=self.award_type, year=2022, awarded_by="UBND tỉnh")
            if self.stories:
                story.related_links.create(story=self.stories[-1])
            story = published(story)
            self.stories.append(story)
            self.event.exemplars.add(story)
            article = ColumnArticlePageFactory(parent=self.column, title=f"Người tốt việc tốt {i}", slug=f"bai-{i}")
            article.featured_stories.create(story=story)
            self.articles.append(published(article))
        published(self.event)
        if not self.home.featured_stories.exists():
            self.home.featured_stories.create(story=self.stories[0])
            self.home = published(self.home)

    def urls(self):
        field = self.fields[0]
        unit = self.section.unit
        homes = {h.locale.language_code: h.url for h in HomePage.objects.select_related("locale")}
        return {
            "home vi": homes["vi"],
            "home km": homes["km"],
            "home en": homes["en"],
            "story index": self.index.url,
            "story index filtered": f"{self.index.url}?field={field.slug}&unit={unit.slug}&year=2022",
            "story index page 2": f"{self.index.url}?page=2",
            "unit section": self.section.url,
            "story": self.stories[0].url,
            "campaign index": self.campaign_index.url,
            "campaign": self.campaign.url,
            "honouring event": self.event.url,
            "column index": self.column_index.url,
            "outlet": self.outlet.url,
            "column": self.column.url,
            "column article": self.articles[0].url,
            "hall of honour": self.hall.url,
            "document library": self.library.url,
            "standard page": self.standard.url,
            "form page": self.form.url,
            "feed rss": "/rss/",
            "feed atom": "/atom/",
            "feed field": f"/rss/linh-vuc/{field.slug}/",
            "feed unit": f"/rss/don-vi/{unit.slug}/",
            "feed campaign": f"/rss/phong-trao/{self.campaign.slug}/",
            "feed column": f"/rss/chuyen-muc/{self.column.slug}/",
            "feed hall of honour": "/rss/vinh-danh/",
            "api stories": "/api/v2/pages/?type=exemplars.ExemplarPage&fields=summary,unit,fields&limit=20",
        }


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


@pytest.mark.django_db
def test_every_public_page_costs_at_most_the_budget_and_the_same_for_3_or_30_stories(client, newsroom, media_root):
    world = World()
    world.grow(3)
    small = {name: queries_for(client, url) for name, url in world.urls().items()}
    world.grow(27)
    large = {name: queries_for(client, url) for name, url in world.urls().items()}

    over = {name: count for name, count in large.items() if count > QUERY_BUDGET}
    grew = {name: (small[name], large[name]) for name in small if small[name] != large[name]}
    assert not over, over
    assert not grew, grew
