"""Emulation campaigns and the events at which their exemplars are honoured."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page
from wagtail.search import index

from campaigns.forms import HonouringEventPageForm
from core.admin_search import FOLDED_TITLE_FIELDS, FoldedTitle
from core.api_fields import StoryBodyField, TranslationsField
from core.blocks import RICH_TEXT_FEATURES, StoryBodyBlock
from core.forms import NewsroomPageForm
from core.pages import IndexPage
from core.pagination import paginate
from core.search_documents import SearchDocument, stream_text
from core.visibility import NewsroomPageManager, ViewRestrictionsFromSnapshot
from exemplars.models import ExemplarPage, UnitSectionPage
from units.page_permissions import NewsroomPagePermissions


class CampaignIndexPage(NewsroomPagePermissions, ViewRestrictionsFromSnapshot, IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]

    # The Board runs the campaigns and publishes their pages (units.roles).
    board_publishes_here = True

    class Meta:
        verbose_name = _("campaign index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = CampaignPage.objects.visible_to_readers_of(self).child_of(self).order_by("-start_date", "title")
        context["campaigns"] = paginate(request, campaigns)
        return context


class CampaignPage(NewsroomPagePermissions, ViewRestrictionsFromSnapshot, FoldedTitle, Page):
    """A patriotic emulation movement (phong trào thi đua) launched by the province or the centre."""

    base_form_class = NewsroomPageForm

    launched_by = models.CharField(_("launched by"), max_length=255, help_text=_("E.g. UBND tỉnh Sóc Trăng."))
    document_number = models.CharField(_("document number"), max_length=100, blank=True)
    document_date = models.DateField(_("document date"), null=True, blank=True)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)
    summary = models.TextField(_("summary"), max_length=500, blank=True)
    goals = RichTextField(_("goals"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"), blank=True)

    objects = NewsroomPageManager()

    search_fields = (
        Page.search_fields
        + FOLDED_TITLE_FIELDS
        + [
            index.SearchField("summary"),
            index.SearchField("goals"),
            index.SearchField("body"),
        ]
    )
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("launched_by"),
                FieldRowPanel([FieldPanel("document_number"), FieldPanel("document_date")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("Campaign"),
        ),
        FieldPanel("summary"),
        FieldPanel("goals"),
        FieldPanel("body"),
    ]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = ["campaigns.HonouringEventPage"]

    # The read-only JSON API (docs/api.md).
    api_fields = [
        APIField("summary"),
        APIField("launched_by"),
        APIField("document_number"),
        APIField("document_date"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("goals"),
        APIField("body", serializer=StoryBodyField()),
        APIField("last_published_at"),
        APIField("translations", serializer=TranslationsField()),
    ]

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("A campaign cannot end before it starts.")})

    @property
    def is_current(self):
        today = timezone.localdate()
        return self.start_date <= today and (self.end_date is None or self.end_date >= today)

    def search_document(self):
        return SearchDocument(
            kind="campaign",
            title=self.title,
            summary=self.summary,
            text=" ".join([self.launched_by, self.document_number, stream_text(self.goals), stream_text(self.body)]),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = ExemplarPage.objects.visible_to_readers_of(self).filter(campaign=self, locale_id=self.locale_id)
        context["stories"] = paginate(request, ExemplarPage.for_listing(stories))
        context["events"] = (
            HonouringEventPage.objects.visible_to_readers_of(self)
            .child_of(self)
            .order_by("-date")
            .prefetch_related(Prefetch("exemplars", queryset=ExemplarPage.objects.visible_to_readers_of(self)))
        )
        return context


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("Summary conference")
    SEMINAR = "seminar", _("Seminar")
    EXCHANGE = "exchange", _("Exchange")
    # A unit's own reviews of its emulation work, where it honours its exemplars (plan II.3).
    HALF_YEAR_REVIEW = "half_year_review", _("Half-year review meeting")
    YEAR_END_REVIEW = "year_end_review", _("Year-end review meeting")


class HonouringEventPage(NewsroomPagePermissions, ViewRestrictionsFromSnapshot, FoldedTitle, Page):
    """A conference, seminar or exchange at which exemplars are honoured (hội nghị, tọa đàm, giao lưu).

    The Board records a campaign's events under the campaign. A unit records its own (its half-year
    or year-end review, sơ kết 6 tháng, tổng kết năm) in its section of the exemplar index, where
    its staff's page permissions already hold and the section's workflow moderates it like a story:
    the unit's approvers, then the Board, whose approval publishes. It is not a story, so it never
    counts towards the unit's quota (the contribution engine reads stories only).
    """

    base_form_class = HonouringEventPageForm

    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=255)
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    exemplars = ParentalManyToManyField(
        "exemplars.ExemplarPage", verbose_name=_("exemplars honoured"), blank=True, related_name="honoured_at"
    )
    photos = StreamField([("photo", ImageBlock(label=_("Photo")))], verbose_name=_("photos"), blank=True)

    objects = NewsroomPageManager()

    search_fields = (
        Page.search_fields + FOLDED_TITLE_FIELDS + [index.SearchField("place"), index.SearchField("description")]
    )
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("place"),
        FieldPanel("description"),
        FieldPanel("exemplars", widget=forms.SelectMultiple),
        FieldPanel("photos"),
    ]
    parent_page_types = ["campaigns.CampaignPage", "exemplars.UnitSectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("honouring event")
        verbose_name_plural = _("honouring events")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["honoured"] = ExemplarPage.for_listing(self.exemplars.visible_to_readers_of(self))
        # Who held it: a campaign (the Board's events) or a unit (its section's own events).
        context["held_by"] = held_by = self.get_parent().specific
        context["held_by_unit"] = held_by.unit if isinstance(held_by, UnitSectionPage) else None
        return context
