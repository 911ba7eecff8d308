"""The outlets' dedicated pages and columns (chuyên trang, chuyên mục) and their articles."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from columns.api import MediaFileField
from core.admin_search import FOLDED_TITLE_FIELDS, FoldedTitle
from core.api_fields import MainImageRenditionField, StoryBodyField, TranslationsField
from core.blocks import RICH_TEXT_FEATURES, StoryBodyBlock
from core.forms import NewsroomPageForm
from core.pages import IndexPage
from core.pagination import paginate
from core.search_documents import SearchDocument, stream_text
from core.visibility import NewsroomPageManager, ViewRestrictionsFromSnapshot
from exemplars.models import ExemplarPage
from units.models import Role, UnitBoundaryPage, UnitKind
from units.page_permissions import NewsroomPagePermissions
from units.workflows import COLUMN_WORKFLOW


class ColumnIndexPage(NewsroomPagePermissions, ViewRestrictionsFromSnapshot, IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["columns.OutletPage"]

    # The outlet's editors approve and publish its columns (units.workflows).
    moderation_workflow = COLUMN_WORKFLOW

    class Meta:
        verbose_name = _("column index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["outlets"] = OutletPage.objects.visible_to_readers_of(self).child_of(self).select_related("unit")
        context["columns"] = ColumnPage.objects.visible_to_readers_of(self).descendant_of(self).order_by("path")
        return context


class OutletPage(NewsroomPagePermissions, ViewRestrictionsFromSnapshot, UnitBoundaryPage, IndexPage):
    """A media outlet's home in the site; the permission boundary for its reporters and editors."""

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("outlet"),
        on_delete=models.PROTECT,
        related_name="outlet_pages",
        limit_choices_to={"kind": UnitKind.MEDIA_OUTLET},
    )

    unit_kinds = frozenset({UnitKind.MEDIA_OUTLET})
    approving_role = Role.OUTLET_EDITOR

    content_panels = Page.content_panels + [FieldPanel("unit"), FieldPanel("intro")]
    parent_page_types = ["columns.ColumnIndexPage"]
    subpage_types = ["columns.ColumnPage"]

    class Meta:
        verbose_name = _("outlet")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["columns"] = ColumnPage.objects.visible_to_readers_of(self).child_of(self)
        return context


class ColumnKind(models.TextChoices):
    DEDICATED_PAGE = "dedicated_page", _("Dedicated page")
    COLUMN = "column", _("Column")


class TargetPeriod(models.TextChoices):
    WEEK = "week", _("each week")
    MONTH = "month", _("each month")


# A month holds four whole weeks, whatever its length: a weekly target asks four issues of it.
WEEKS_IN_A_MONTH = 4


class ColumnPage(NewsroomPagePermissions, ViewRestrictionsFromSnapshot, FoldedTitle, Page):
    base_form_class = NewsroomPageForm
    kind = models.CharField(_("kind"), max_length=20, choices=ColumnKind.choices, default=ColumnKind.COLUMN)
    description = models.TextField(_("description"), blank=True)
    broadcast_schedule = models.CharField(
        _("broadcast schedule"),
        max_length=255,
        blank=True,
        help_text=_("For radio and television: when it is on air, e.g. 20:00 every Thursday on STV1."),
    )
    # The outlet's target for the column, judged in the outlets' output (reports.outlets) as a
    # unit's quota is: by month, with the outlet as the unit.
    target_issues = models.PositiveSmallIntegerField(
        _("target"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("How many issues the column should publish, e.g. 1 each week. Leave blank for no target."),
    )
    target_period = models.CharField(
        _("target period"), max_length=10, choices=TargetPeriod.choices, default=TargetPeriod.WEEK
    )

    objects = NewsroomPageManager()

    search_fields = Page.search_fields + FOLDED_TITLE_FIELDS + [index.SearchField("description")]
    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("broadcast_schedule"),
        FieldRowPanel(
            [FieldPanel("target_issues"), FieldPanel("target_period")], heading=pgettext_lazy("column target", "Target")
        ),
    ]
    parent_page_types = ["columns.OutletPage"]
    subpage_types = ["columns.ColumnArticlePage"]

    class Meta:
        verbose_name = _("column")
        verbose_name_plural = _("columns")

    def issues_required_in_a_month(self):
        """What the column's target asks of a month: 0 without a target."""
        if not self.target_issues:
            return 0
        return self.target_issues * (WEEKS_IN_A_MONTH if self.target_period == TargetPeriod.WEEK else 1)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = (
            ColumnArticlePage.objects.visible_to_readers_of(self)
            .child_of(self)
            .select_related("media", "main_image")
            .prefetch_related("main_image__renditions")
            .order_by("-first_published_at", "-pk")
        )
        context["articles"] = paginate(request, articles)
        return context


class ColumnArticlePage(NewsroomPagePermissions, ViewRestrictionsFromSnapshot, FoldedTitle, Page):
    base_form_class = NewsroomPageForm
    summary = models.TextField(_("summary"), max_length=500, blank=True)
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_alt = models.CharField(_("alt text of the main image"), max_length=255, blank=True)
    media = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("audio or video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A broadcast's air date and channel, for the outlets' output (reports.outlets); when blank, the
    # report takes the day it was first published and the column's broadcast schedule.
    aired_on = models.DateField(_("air date"), null=True, blank=True)
    channel = models.CharField(
        _("channel"), max_length=100, blank=True, help_text=_("For example STV1 or FM 99.5 MHz.")
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"), blank=True)
    transcript = RichTextField(
        _("transcript"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("The words of a broadcast, for readers who cannot listen."),
    )

    objects = NewsroomPageManager()

    search_fields = (
        Page.search_fields
        + FOLDED_TITLE_FIELDS
        + [
            index.SearchField("summary"),
            index.SearchField("body"),
            index.SearchField("transcript"),
        ]
    )
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("main_image"), FieldPanel("main_image_alt")], heading=_("Main image")),
        MultiFieldPanel(
            [FieldPanel("media"), FieldRowPanel([FieldPanel("aired_on"), FieldPanel("channel")])],
            heading=_("Audio or video"),
        ),
        FieldPanel("body"),
        FieldPanel("transcript"),
        InlinePanel("featured_stories", label=_("Featured exemplar stories")),
    ]
    parent_page_types = ["columns.ColumnPage"]
    subpage_types = []

    # A reporter may draft an article from a Word file in a column (wordimport/): the file gives the
    # title and the body; the summary is the reporter's to add, marked on the editor until it is.
    word_import_asks_for = ("summary",)
    # An outlet's planned column issue becomes a draft of this type (planning/drafting.py).
    drafted_from_plans = True

    # The read-only JSON API (docs/api.md).
    api_fields = [
        APIField("summary"),
        APIField("main_image_thumbnail", serializer=MainImageRenditionField("fill-480x320")),
        APIField("main_image_large", serializer=MainImageRenditionField("fill-1200x630")),
        APIField("main_image_alt"),
        APIField("media", serializer=MediaFileField()),
        APIField("body", serializer=StoryBodyField()),
        APIField("transcript"),
        APIField("last_published_at"),
        APIField("translations", serializer=TranslationsField()),
    ]

    class Meta:
        verbose_name = _("column article")
        verbose_name_plural = _("column articles")

    @property
    def image_alt(self):
        return self.main_image_alt or getattr(self.main_image, "description", "") or self.title

    def feed_routes(self):
        """``(url name, slug)`` of the feed besides the main one the article shows in: its column's."""
        column = self.get_parent()
        return [("feed_column", column.slug)] if column is not None else []

    # What the article tells search engines and social networks (core/seo.py).
    seo_schema_type = "NewsArticle"

    def seo_author_unit(self):
        """The outlet whose column this is: the article's author."""
        outlet = OutletPage.objects.ancestor_of(self).select_related("unit").first()
        return outlet.unit if outlet is not None else None

    def search_document(self):
        return SearchDocument(
            kind="article",
            title=self.title,
            summary=self.summary,
            text=" ".join([stream_text(self.body), stream_text(self.transcript)]),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured"] = ExemplarPage.chosen_for(
            self, list(self.featured_stories.values_list("story_id", flat=True))
        )
        return context

    @classmethod
    def cached_pages_showing(cls, page):
        """The articles featuring ``page`` (in any language), made stale with it (cms/cache_invalidation.py)."""
        return cls.objects.filter(featured_stories__story__translation_key=page.translation_key).distinct()


class ColumnArticleFeaturedStory(Orderable):
    page = ParentalKey(ColumnArticlePage, on_delete=models.CASCADE, related_name="featured_stories")
    story = models.ForeignKey(
        "exemplars.ExemplarPage", verbose_name=_("story"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("story", page_type="exemplars.ExemplarPage")]
