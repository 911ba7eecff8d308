"""Replication records (nhân rộng): where a model or an exemplar was taken up.

A record is a page in the adopting unit's section, beside its stories and honouring events. Its
place in the tree makes it the adopting unit's: the unit's staff add and edit it there with the
page permissions they already hold there, and the section's workflow moderates it like a story
(the unit's approvers, then the Board, whose approval publishes); the Board may add one in any
section (units.roles, units.workflows). It is not a story: the contribution engine counts
``ExemplarPage`` only, and the section lists only stories and events.

Readers see records on the story they replicate (its "nhan-rong" section, ``ExemplarPage.get_context``),
never on a page of their own: a record's address sends its reader to that section while both are
live and public, and is a 404 otherwise (a draft never shows). It has no search document, no place
in the sitemap and no feed of its own; publishing it makes the story's cached page stale (the page
cache's generation moves on every publication) and names the story's addresses and feeds for the
CDN to forget (``cache_purges_with``, ``feed_routes``: cms/cache_invalidation.py).

A translated record (wagtail-localize) keeps its source's story, which wagtail-localize copies as
it is: a story shows the records of its own language that replicate any of its versions.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.permissions import policy_registry

from core.admin_search import FOLDED_TITLE_FIELDS, FoldedTitle
from core.forms import NewsroomPageForm
from core.pages import free_child_slug
from core.text import normalize, slugify_vi
from core.visibility import NewsroomPageManager, ViewRestrictionsFromSnapshot
from exemplars.models.pages import ExemplarPage, UnitSectionPage
from units.models import UnitKind
from units.page_permissions import NewsroomPagePermissions

ANCHOR = "nhan-rong"


class ScaleUnit(models.TextChoices):
    HOUSEHOLDS = "households", pgettext_lazy("replication", "households")
    HECTARES = "hectares", pgettext_lazy("replication", "hectares")
    MEMBERS = "members", pgettext_lazy("replication", "members")
    MILLION_DONG = "million_dong", pgettext_lazy("replication", "million đồng")
    OTHER = "other", pgettext_lazy("replication", "other (name it)")


def choosable_documents(user, record):
    """The documents ``user`` may cite as a record's source: those they may choose (a live record
    makes its document public: units/private_documents.py), and the one it cites already."""
    documents = get_document_model().objects.all()
    if user is None or user.is_superuser:
        return documents
    policy = policy_registry.get_by_type(get_document_model())
    allowed = policy.instances_user_has_any_permission_for(user, ["choose", "change"]).values("pk")
    return documents.filter(Q(pk__in=allowed) | Q(pk=record.source_document_id))


class ReplicationPageForm(NewsroomPageForm):
    """The record's form: the stories offered are live ones (a forged id of a draft is a form
    error, so nobody records the replication of a story nobody approved), and an empty title (and
    address) is written from the story and the place."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("story", "source_story"):
            if name in self.fields:
                self.fields[name].queryset = ExemplarPage.objects.live()
        if "source_document" in self.fields:
            self.fields["source_document"].queryset = choosable_documents(self.for_user, self.instance)
        for name in ("title", "slug"):
            if name in self.fields:
                self.fields[name].required = False
        if "title" in self.fields:
            self.fields["title"].help_text = _("Left empty, it is written from the story and the place.")

    def clean(self):
        data = self.cleaned_data
        if not data.get("title") and data.get("story"):
            record = ReplicationPage(
                story=data["story"], commune=data.get("commune", ""), district=data.get("district", "")
            )
            locale = self.instance.locale if self.instance.locale_id else self.parent_locale()
            if locale is not None:
                record.locale = locale
            record.unit = self.section_unit()
            data["title"] = record.default_title()
        if not data.get("title"):
            self.add_error("title", _("Give a title, or choose the story so that it can be written."))
        elif not data.get("slug"):
            parent = self.parent_page_or_own()
            if parent is not None:
                data["slug"] = free_child_slug(parent, data["title"], "nhan-rong", page=self.instance)
            else:
                data["slug"] = slugify_vi(data["title"], max_length=200)
        return super().clean()

    def parent_page_or_own(self):
        if self.parent_page is not None:
            return self.parent_page
        return self.instance.get_parent() if self.instance.pk else None

    def parent_locale(self):
        parent = self.parent_page_or_own()
        return parent.locale if parent is not None else None

    def section_unit(self):
        parent = self.parent_page_or_own()
        section = UnitSectionPage.objects.filter(pk=parent.pk).select_related("unit").first() if parent else None
        return section.unit if section is not None else None


class ReplicationPage(NewsroomPagePermissions, ViewRestrictionsFromSnapshot, FoldedTitle, Page):
    """A place where a model or an exemplar was taken up (nhân rộng), recorded by the adopting unit."""

    base_form_class = ReplicationPageForm

    story = models.ForeignKey(
        "exemplars.ExemplarPage",
        verbose_name=_("model or exemplar replicated"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="replications",
    )
    commune = models.CharField(
        pgettext_lazy("replication", "commune"),
        max_length=255,
        blank=True,
        help_text=_("Commune, ward or town. Leave commune and district empty if the whole unit adopted it."),
    )
    district = models.CharField(pgettext_lazy("replication", "district"), max_length=255, blank=True)
    adopted_on = models.DateField(pgettext_lazy("replication", "adopted on"))
    scale_value = models.DecimalField(
        pgettext_lazy("replication", "scale"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    scale_unit = models.CharField(
        pgettext_lazy("replication", "unit of measure"), max_length=20, choices=ScaleUnit.choices, blank=True
    )
    scale_unit_other = models.CharField(
        pgettext_lazy("replication", "other unit of measure"), max_length=100, blank=True
    )
    source_story = models.ForeignKey(
        "exemplars.ExemplarPage",
        verbose_name=pgettext_lazy("replication", "source story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=pgettext_lazy("replication", "source document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(pgettext_lazy("replication", "note"), blank=True)
    # The adopting unit: the section's, copied here as stories copy theirs.
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=pgettext_lazy("replication", "adopting unit"),
        null=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="replications",
    )

    objects = NewsroomPageManager()

    search_fields = Page.search_fields + FOLDED_TITLE_FIELDS
    content_panels = Page.content_panels + [
        PageChooserPanel("story", page_type="exemplars.ExemplarPage"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("commune"), FieldPanel("district")]), FieldPanel("adopted_on")],
            heading=_("Where and when"),
        ),
        FieldRowPanel(
            [FieldPanel("scale_value"), FieldPanel("scale_unit"), FieldPanel("scale_unit_other")],
            heading=pgettext_lazy("replication", "Scale"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("source_story", page_type="exemplars.ExemplarPage"),
                FieldPanel("source_document"),
                FieldPanel("note"),
            ],
            heading=pgettext_lazy("replication", "Source"),
        ),
    ]
    parent_page_types = ["exemplars.UnitSectionPage"]
    subpage_types = []
    # Readers meet a record on its story, never on a page of its own (``serve``); approvers read
    # its fields in the editor and in the revisions' comparison.
    preview_modes = []

    class Meta:
        verbose_name = _("replication record")
        verbose_name_plural = _("replication records")

    def clean(self):
        super().clean()
        errors = {}
        if self.scale_value is not None and not self.scale_unit:
            errors["scale_unit"] = _("Say what the scale counts.")
        if self.scale_unit and self.scale_value is None:
            errors["scale_value"] = _("Give the scale as a number.")
        if self.scale_unit == ScaleUnit.OTHER and not self.scale_unit_other.strip():
            errors["scale_unit_other"] = _("Name the unit of measure.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.path and self.depth > 1:
            parent_path = self.path[: -self.steplen]
            section = UnitSectionPage.objects.filter(path=parent_path).values("unit_id").first()
            if section is not None:
                self.unit_id = section["unit_id"]
        super().save(*args, **kwargs)

    @property
    def place(self):
        """Where it was taken up: "xã Phong Nẫm, huyện Kế Sách", or the adopting unit's name."""
        named = ", ".join(part for part in (self.commune.strip(), self.district.strip()) if part)
        if named:
            return named
        return self.unit.localized_name if self.unit_id else ""

    @property
    def scale(self):
        """The scale as read: "120 hộ", "35,5 ha", or "" when none was given."""
        if self.scale_value is None:
            return ""
        unit = self.scale_unit_other if self.scale_unit == ScaleUnit.OTHER else self.get_scale_unit_display()
        number = f"{self.scale_value.normalize():f}".replace(".", ",")
        return f"{number} {unit}".strip()

    def default_title(self):
        language = self.locale.language_code if self.locale_id else None
        with translation.override(language):
            title = gettext("Replication of “%(story)s” in %(place)s") % {
                "story": self.story.title,
                "place": self.place,
            }
        return title[:255]

    # A record has no page of its own for readers: it is read on its story.

    def public_story(self):
        if not self.story_id:
            return None
        return ExemplarPage.objects.visible_to_readers_of(self).filter(pk=self.story_id).first()

    def serve(self, request, *args, **kwargs):
        story = self.public_story()
        url = story.get_url(request) if story is not None else None
        if not url:
            raise Http404
        return redirect(f"{url}#{ANCHOR}")

    def get_sitemap_urls(self, request=None):
        return []

    def cache_purges_with(self):
        """The pages that show this record, whose cached copies a CDN must forget with it."""
        return [self.story] if self.story_id else []

    def feed_routes(self):
        """The story's feeds: its item there says where it was replicated."""
        return self.story.feed_routes() if self.story_id else []

    @classmethod
    def shown_on(cls, story):
        """The records readers of ``story`` see on it: live, public, in its language, replicating
        any of its versions; newest adoption first."""
        versions = ExemplarPage.objects.filter(translation_key=story.translation_key).values("pk")
        return (
            cls.objects.visible_to_readers_of(story)
            .filter(locale_id=story.locale_id, story__in=versions)
            .select_related("unit", "source_document")
            .order_by("-adopted_on", "-pk")
        )

    @classmethod
    def context_for(cls, story):
        """What the story's page shows: ``replications`` (each with ``shown_source``, its source
        story while readers may see it) and ``replication_count``. Two queries."""
        records = list(cls.shown_on(story))
        source_ids = {record.source_story_id for record in records if record.source_story_id}
        sources = {}
        if source_ids:
            sources = {
                page.pk: page for page in ExemplarPage.objects.visible_to_readers_of(story).filter(pk__in=source_ids)
            }
        for record in records:
            record.shown_source = sources.get(record.source_story_id)
        return {"replications": records, "replication_count": ReplicationCount.of(records)}


@dataclass(frozen=True)
class ReplicationCount:
    """How many distinct places took a model up: communes, districts (a record naming a district
    but no commune, or a whole district-level unit) and other units (a whole department, say)."""

    communes: int = 0
    districts: int = 0
    units: int = 0

    @classmethod
    def of(cls, records):
        communes, districts, units = set(), set(), set()
        for record in records:
            if record.commune.strip():
                communes.add((normalize(record.commune), normalize(record.district)))
            elif record.district.strip():
                districts.add(normalize(record.district))
            elif record.unit_id and record.unit.kind == UnitKind.DISTRICT:
                districts.add(normalize(record.unit.name))
            elif record.unit_id:
                units.add(record.unit_id)
        return cls(len(communes), len(districts), len(units))

    def __bool__(self):
        return bool(self.communes or self.districts or self.units)

    def places(self):
        """ "7 xã và 2 huyện" in the active language."""
        parts = []
        if self.communes:
            parts.append(ngettext("%(count)d commune", "%(count)d communes", self.communes) % {"count": self.communes})
        if self.districts:
            parts.append(
                ngettext("%(count)d district", "%(count)d districts", self.districts) % {"count": self.districts}
            )
        if self.units:
            parts.append(ngettext("%(count)d unit", "%(count)d units", self.units) % {"count": self.units})
        if len(parts) < 2:
            return "".join(parts)
        return gettext("%(list)s and %(last)s") % {"list": ", ".join(parts[:-1]), "last": parts[-1]}

    def __str__(self):
        return gettext("Replicated in %(places)s") % {"places": self.places()} if self else ""
