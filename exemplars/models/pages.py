"""The story pages: the exemplar index, unit sections and exemplar pages (their awards and related stories
are in exemplars/models/awards.py, their replication records in exemplars/models/replication.py)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.admin_search import FOLDED_TITLE_FIELDS, FoldedTitle
from core.api_fields import MainImageRenditionField, StoryBodyField, TranslationsField
from core.blocks import StoryBodyBlock
from core.forms import NewsroomPageForm
from core.fragments import cached, newest_live_id
from core.pages import IndexPage, in_given_order
from core.pagination import paginate
from core.search_documents import SearchDocument, stream_text
from core.seo import postal_address
from core.visibility import NewsroomPageManager, ViewRestrictionsFromSnapshot
from exemplars.api import AwardsField, CampaignField, FieldsField, ReplicationsField, UnitField
from exemplars.cards import card_rows
from exemplars.filters import ExemplarFilter
from exemplars.models.submission import KeepsFirstSubmission
from exemplars.models.taxonomy import ExemplarKind, Field, SubjectKind
from units.models import Role, UnitBoundaryPage, UnitKind
from units.page_permissions import NewsroomPagePermissions
from units.workflows import BOARD_WORKFLOW, EXEMPLAR_WORKFLOW


class ExemplarIndexPage(NewsroomPagePermissions, ViewRestrictionsFromSnapshot, IndexPage):
    """The public listing of every unit's stories, filterable."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["exemplars.UnitSectionPage"]

    # The Board publishes every story (units.roles); a story is approved by its unit first, while a
    # translation goes to the Board alone (units.workflows).
    board_publishes_here = True
    moderation_workflow = EXEMPLAR_WORKFLOW
    translation_moderation_workflow = BOARD_WORKFLOW

    class Meta:
        verbose_name = _("exemplar index")

    def stories(self):
        return ExemplarPage.objects.visible_to_readers_of(self).descendant_of(self).filter(locale_id=self.locale_id)

    def serve(self, request, *args, **kwargs):
        filterset = ExemplarFilter(request.GET or None, queryset=self.stories(), request=request)
        if filterset.is_bound and not filterset.is_valid():
            html = render_to_string(
                "exemplars/bad_filter.html", {"page": self, "filterset": filterset}, request=request
            )
            return HttpResponseBadRequest(html)
        request.exemplar_filterset = filterset
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filterset = getattr(request, "exemplar_filterset", None) or ExemplarFilter(
            None, queryset=self.stories(), request=request
        )
        context["filterset"] = filterset
        query = request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        # Counting is most of the listing's database time at 30,000 stories: kept (core/fragments.py).
        parts = (self.pk, newest_live_id(ExemplarPage, self.locale_id), context["filter_query"])
        count = cached("exemplar-index-count", parts, filterset.qs.count, request)
        # A page of ids: the cards are kept, read at once and built only when missing (exemplars/cards.py).
        context["stories"] = paginate(request, card_rows(filterset.qs), count=count)
        return context


class UnitSectionPage(NewsroomPagePermissions, ViewRestrictionsFromSnapshot, UnitBoundaryPage, IndexPage):
    """A unit's own part of the index: where its stories live, and its permission boundary."""

    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="sections")

    # A section bounds a unit of any kind but a media outlet, whose boundary is its outlet page.
    unit_kinds = frozenset(UnitKind) - {UnitKind.MEDIA_OUTLET}
    approving_role = Role.APPROVER

    content_panels = Page.content_panels + [FieldPanel("unit"), FieldPanel("intro")]
    parent_page_types = ["exemplars.ExemplarIndexPage"]
    # Besides its stories, a unit records its own honouring events here (half-year and year-end reviews),
    # named by label: this app imports nothing from campaigns; and where it took up another's model.
    subpage_types = ["exemplars.ExemplarPage", "campaigns.HonouringEventPage", "exemplars.ReplicationPage"]

    class Meta:
        verbose_name = _("unit section")

    def clean(self):
        super().clean()
        if self.unit_id:
            others = UnitSectionPage.objects.filter(unit_id=self.unit_id, locale_id=self.locale_id)
            if self.pk:
                others = others.exclude(pk=self.pk)
            if others.exists():
                raise ValidationError({"unit": _("This unit already has a section.")})

    @classmethod
    def ensure_for(cls, unit, index=None):
        """The unit's section in the default locale's exemplar index, created if missing."""
        existing = cls.objects.filter(unit=unit, locale__language_code=_default_language()).first()
        if existing:
            return existing, False
        index = index or ExemplarIndexPage.objects.filter(locale__language_code=_default_language()).first()
        if index is None:
            return None, False
        section = cls(title=unit.name, slug=unit.slug, unit=unit, locale=index.locale)
        index.add_child(instance=section)
        section.save_revision().publish()
        return section, True

    def save(self, *args, **kwargs):
        unit_changed = False
        if self.pk:
            previous = UnitSectionPage.objects.filter(pk=self.pk).values_list("unit_id", flat=True).first()
            unit_changed = previous is not None and previous != self.unit_id
        super().save(*args, **kwargs)
        if unit_changed:
            ExemplarPage.objects.child_of(self).update(unit_id=self.unit_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = ExemplarPage.objects.visible_to_readers_of(self).child_of(self)
        context["stories"] = paginate(request, card_rows(stories))
        events = honouring_event_model().objects.visible_to_readers_of(self).child_of(self)
        context["events"] = events.order_by("-date", "-pk")
        return context


def honouring_event_model():
    """The honouring event page type, through the stories' ``honoured_at``: no import of campaigns."""
    return ExemplarPage._meta.get_field("honoured_at").related_model


def _default_language():
    return settings.LANGUAGE_CODE


class ExemplarPage(NewsroomPagePermissions, ViewRestrictionsFromSnapshot, FoldedTitle, KeepsFirstSubmission, Page):
    """A story about an exemplar, a new model or a new factor, introduced by a unit."""

    base_form_class = NewsroomPageForm

    kind = models.CharField(_("kind"), max_length=20, choices=ExemplarKind.choices, default=ExemplarKind.EXEMPLAR)
    subject_kind = models.CharField(
        _("subject kind"), max_length=20, choices=SubjectKind.choices, default=SubjectKind.INDIVIDUAL
    )
    subject_name = models.CharField(
        _("subject name"), max_length=255, help_text=_("The person, collective or household the story is about.")
    )
    position = models.CharField(_("position or role"), max_length=255, blank=True)
    locality = models.CharField(_("locality"), max_length=255, blank=True, help_text=_("Hamlet, commune, district."))
    fields = ParentalManyToManyField(Field, verbose_name=_("fields"), blank=True, related_name="stories")
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("Two or three sentences, shown in listings, feeds and when shared.")
    )
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_alt = models.CharField(
        _("alt text of the main image"),
        max_length=255,
        blank=True,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"), blank=True)
    # When the unit first sent it for moderation: the date the plan's quota counts it by.
    first_submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True, editable=False)
    # The section's unit, copied here so listings and reports need no tree walk per story.
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        null=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="stories",
    )

    objects = NewsroomPageManager()

    search_fields = (
        Page.search_fields
        + FOLDED_TITLE_FIELDS
        + [
            index.SearchField("subject_name"),
            index.SearchField("summary"),
            index.SearchField("locality"),
            index.SearchField("body"),
            index.FilterField("kind"),
            index.FilterField("subject_kind"),
            index.FilterField("unit"),
        ]
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("subject_kind")]),
                FieldPanel("subject_name"),
                FieldRowPanel([FieldPanel("position"), FieldPanel("locality")]),
            ],
            heading=_("Who the story is about"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("main_image"), FieldPanel("main_image_alt")], heading=_("Main image")),
        FieldPanel("body"),
        InlinePanel("awards", label=_("Awards")),
        MultiFieldPanel(
            [FieldPanel("fields", widget=forms.CheckboxSelectMultiple), FieldPanel("campaign")],
            heading=_("Classification"),
        ),
        InlinePanel("related_links", label=_("Related stories")),
    ]

    parent_page_types = ["exemplars.UnitSectionPage"]
    subpage_types = []
    # A planned story of the editorial calendar becomes a draft of this type (planning/drafting.py).
    drafted_from_plans = True
    # A unit may draft a story from a Word file in its section (wordimport/): the file gives the
    # title and the body; who the story is about, the summary and the fields are the unit's to add,
    # marked on the editor until they are.
    word_import_asks_for = ("subject_name", "summary", "fields")

    # The read-only JSON API (docs/api.md); first_published_at is in every page's "meta".
    api_fields = [
        APIField("summary"),
        APIField("kind"),
        APIField("subject_kind"),
        APIField("subject_name"),
        APIField("position"),
        APIField("locality"),
        APIField("unit", serializer=UnitField()),
        APIField("fields", serializer=FieldsField()),
        APIField("campaign", serializer=CampaignField()),
        APIField("awards", serializer=AwardsField()),
        APIField("replications", serializer=ReplicationsField()),
        APIField("main_image_thumbnail", serializer=MainImageRenditionField("fill-480x320")),
        APIField("main_image_large", serializer=MainImageRenditionField("fill-1200x630")),
        APIField("main_image_alt"),
        APIField("body", serializer=StoryBodyField()),
        APIField("last_published_at"),
        APIField("translations", serializer=TranslationsField()),
    ]

    class Meta:
        verbose_name = _("exemplar story")
        verbose_name_plural = _("exemplar stories")
        indexes = [models.Index(fields=["unit", "page_ptr"], name="exemplar_story_unit_page")]

    def save(self, *args, **kwargs):
        section = self._section()
        if section is not None:
            self.unit_id = section.unit_id
        super().save(*args, **kwargs)

    def _section(self):
        if not self.path or self.depth <= 1:
            return None
        parent_path = self.path[: -self.steplen]
        return UnitSectionPage.objects.filter(path=parent_path).only("unit_id").first()

    @property
    def image_alt(self):
        if self.main_image_alt:
            return self.main_image_alt
        return getattr(self.main_image, "description", "") or self.subject_name

    @classmethod
    def for_listing(cls, queryset):
        """Stories with what a listing card shows, in a fixed number of queries."""
        return (
            queryset.select_related("unit", "main_image", "locale")
            .prefetch_related("fields", "main_image__renditions")
            .order_by("-first_published_at", "-pk")
        )

    # A story is chosen (featured on the home page, related, featured in an article) to be shown
    # to readers: the admin's page chooser offers only live ones (units.page_visibility).
    chooser_offers_live_only = True

    @classmethod
    def chosen_for(cls, page, ids):
        """The stories an editor chose for ``page`` (related stories, an article's featured ones),
        as cards, in the editor's order, leaving out what readers of ``page`` may not see."""
        return in_given_order(cls.for_listing(cls.objects.visible_to_readers_of(page)), ids)

    def feed_routes(self):
        """``(url name, slug)`` of the feeds besides the main one the story shows in: its unit's,
        its fields' and its campaign's (the CDN purges them when it changes)."""
        routes = [("feed_unit", self.unit.slug)] if self.unit_id else []
        if self.pk:
            routes += [("feed_field", slug) for slug in self.fields.values_list("slug", flat=True)]
        if self.campaign_id:
            routes.append(("feed_campaign", self.campaign.slug))
        return routes

    def cache_purges_with(self):
        """The pages besides its ancestors that show the story (cms/cache_invalidation.py): its
        campaign, the events that honoured it and the stories relating it."""
        shown = [self.campaign] if self.campaign_id else []
        related = ExemplarPage.objects.filter(related_links__story__translation_key=self.translation_key)
        return [*shown, *self.honoured_at.all(), *related.distinct()] if self.pk else shown

    # What the story tells search engines and social networks (core/seo.py).
    seo_schema_type = "NewsArticle"

    def seo_author_unit(self):
        return self.unit if self.unit_id else None

    def seo_article_details(self):
        return {"articleSection": str(self.get_kind_display()), "about": self.seo_subject()}

    def seo_subject(self):
        """Who the story is about, for schema.org: a Person (an individual) or an Organization (a
        collective, or a household, which schema.org has no type for, so its description says so)."""
        individual = self.subject_kind == SubjectKind.INDIVIDUAL
        subject = {"@type": "Person" if individual else "Organization", "name": self.subject_name}
        if individual and self.position:
            subject["jobTitle"] = self.position
        if self.subject_kind == SubjectKind.HOUSEHOLD:
            subject["description"] = str(SubjectKind.HOUSEHOLD.label)
        if self.locality:
            subject["address"] = postal_address(self.locality)
        return subject

    def search_document(self):
        fields = list(self.fields.all())
        unit = self.unit if self.unit_id else None
        # Readers search in the page's language: the unit and fields by their names in it.
        language = self.locale.language_code
        return SearchDocument(
            kind="story",
            title=self.title,
            summary=self.summary,
            text=" ".join(
                [
                    self.subject_name,
                    self.position,
                    self.locality,
                    unit.name_in(language) if unit else "",
                    " ".join(f.name_in(language) for f in fields),
                    stream_text(self.body),
                ]
            ),
            unit_id=self.unit_id,
            subject_kind=self.subject_kind,
            field_ids=[f.pk for f in fields],
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read, or even built (the visibility subqueries cost), only when the template's kept
        # fragments are missing (core/fragments.py): all lazy.
        context["awards"] = SimpleLazyObject(lambda: list(self.awards.select_related("award_type")))
        context["campaign"] = SimpleLazyObject(self._visible_campaign)
        context["related_stories"] = SimpleLazyObject(
            lambda: ExemplarPage.chosen_for(self, list(self.related_links.values_list("story_id", flat=True)))
        )
        # The events that honoured it, as readers may see them (no draft, nothing private). A
        # translated event keeps its source's exemplars (wagtail-localize copies them): matched by key.
        context["honoured_at"] = SimpleLazyObject(self._honoured_at)
        # Where it was taken up (exemplars/models/replication.py, which imports this module).
        found = SimpleLazyObject(lambda: self._meta.get_field("replications").related_model.context_for(self))
        context.update({n: SimpleLazyObject(lambda n=n: found[n]) for n in ("replications", "replication_count")})
        return context

    def _visible_campaign(self):  # a private campaign is not named on a public story (one query)
        campaigns = self._meta.get_field("campaign").related_model.objects.visible_to_readers_of(self)
        return campaigns.filter(pk=self.campaign_id).first() if self.campaign_id else None

    def _honoured_at(self):
        events = honouring_event_model().objects.visible_to_readers_of(self).filter(locale_id=self.locale_id)
        versions = ExemplarPage.objects.filter(translation_key=self.translation_key)
        return list(events.filter(pk__in=versions.values("honoured_at")).order_by("-date", "-pk"))
