from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.admin_search import FOLDED_TITLE_FIELDS, FoldedTitle
from core.blocks import StoryBodyBlock
from core.forms import NewsroomPageForm
from core.routing import RoutesDescendantsByPath
from core.search_documents import SearchDocument, stream_text
from core.visibility import NewsroomPageManager, ViewRestrictionsFromSnapshot
from home.documents import DocumentLibraryPage  # noqa: F401 -- its own module; imported so Django registers it
from home.listings import home_page_context
from units.page_permissions import NewsroomPagePermissions
from units.workflows import BOARD_WORKFLOW


class HomePage(NewsroomPagePermissions, ViewRestrictionsFromSnapshot, RoutesDescendantsByPath, FoldedTitle, Page):
    """The site's front page: featured and latest stories, campaigns, columns, browsing."""

    base_form_class = NewsroomPageForm
    search_fields = Page.search_fields + FOLDED_TITLE_FIELDS

    intro = models.TextField(_("introduction"), blank=True)

    objects = NewsroomPageManager()

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_stories", label=_("Featured stories"), max_num=6),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "exemplars.ExemplarIndexPage",
        "campaigns.CampaignIndexPage",
        "commendations.HallOfHonourPage",
        "columns.ColumnIndexPage",
        "home.StandardPage",
        "home.DocumentLibraryPage",
        "submissions.NominationFormPage",
        "submissions.DifficultyReportFormPage",
    ]

    # The site itself, to search engines (core/seo.py).
    seo_schema_type = "WebSite"

    # The Board approves what is written directly under a home page; in another language the home
    # page is where translators draft and the Board publishes (units.roles, units.workflows).
    moderation_workflow = BOARD_WORKFLOW
    # The Board edits and publishes the home page itself, not what lies below it (the outlets'
    # columns): see units.page_permissions.
    board_publishes_this_page = True
    board_publishes_translations_here = True
    translators_draft_here = True

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_context(self, request))
        return context


class HomeFeaturedStory(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_stories")
    story = models.ForeignKey(
        "exemplars.ExemplarPage", verbose_name=_("story"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("story")]


class StandardPage(NewsroomPagePermissions, ViewRestrictionsFromSnapshot, FoldedTitle, Page):
    """About pages and the like."""

    base_form_class = NewsroomPageForm

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"), blank=True)

    objects = NewsroomPageManager()

    search_fields = Page.search_fields + FOLDED_TITLE_FIELDS + [index.SearchField("intro"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    # The Board adds, edits and publishes the standard pages (units.roles).
    board_publishes_here = True

    def search_document(self):
        return SearchDocument(kind="page", title=self.title, summary=self.intro, text=stream_text(self.body))

    class Meta:
        verbose_name = _("standard page")
