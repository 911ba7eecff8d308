"""What stories are classified by: fields (lĩnh vực), story and subject kinds and the award types
of the 2022 Law on Emulation and Commendation."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from core.names import NamedInLanguages
from core.text import slugify_vi


class Field(NamedInLanguages):
    """A sector of life a story belongs to (lĩnh vực), named for readers of every language (core.names)."""

    # Readers see it on public pages: saving or deleting one makes them stale (cms/cache_invalidation.py).
    invalidates_page_cache = True

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("name_km"), FieldPanel("name_en")]),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("field")
        verbose_name_plural = _("fields")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify_vi(self.name, max_length=100)
        super().save(*args, **kwargs)


class ExemplarKind(models.TextChoices):
    EXEMPLAR = "exemplar", _("Exemplar")
    NEW_MODEL = "new_model", _("New model")
    NEW_FACTOR = "new_factor", _("New factor")


class SubjectKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    COLLECTIVE = "collective", _("Collective")
    HOUSEHOLD = "household", _("Household")


class AwardCategory(models.TextChoices):
    """The forms of the Law on Emulation and Commendation (06/2022/QH15)."""

    EMULATION_TITLE = "emulation_title", _("Emulation title")
    ORDER = "order", _("Order (Huân chương)")
    MEDAL = "medal", _("Medal (Huy chương)")
    STATE_HONORARY_TITLE = "state_honorary_title", _("State honorary title")
    PRIZE = "prize", _("Prize")
    COMMEMORATIVE_MEDAL = "commemorative_medal", _("Commemorative medal")
    CERTIFICATE_OF_MERIT = "certificate_of_merit", _("Certificate of merit (Bằng khen)")
    CERTIFICATE_OF_COMMENDATION = "certificate_of_commendation", _("Certificate of commendation (Giấy khen)")


class AwardLevel(models.TextChoices):
    STATE = "state", _("State")
    NATIONAL = "national", _("Government or nationwide")
    PROVINCE = "province", _("Ministry, sector or province")
    GRASSROOTS = "grassroots", _("Grassroots")


class AwardType(NamedInLanguages):
    """An honour an exemplar can receive, as the 2022 Law lists them, named for readers of every
    language (core.names)."""

    # Readers see it on public pages: saving or deleting one makes them stale (cms/cache_invalidation.py).
    invalidates_page_cache = True

    name = models.CharField(_("name"), max_length=255)
    category = models.CharField(_("category"), max_length=40, choices=AwardCategory.choices)
    level = models.CharField(_("level"), max_length=20, choices=AwardLevel.choices)
    for_individuals = models.BooleanField(_("for individuals"), default=False)
    for_collectives = models.BooleanField(_("for collectives"), default=False)
    for_households = models.BooleanField(_("for households"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("name_km"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("category"), FieldPanel("level")]),
        FieldRowPanel([FieldPanel("for_individuals"), FieldPanel("for_collectives"), FieldPanel("for_households")]),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("award type")
        verbose_name_plural = _("award types")

    def __str__(self):
        return self.name

    def is_for(self, subject_kind):
        return {
            SubjectKind.INDIVIDUAL: self.for_individuals,
            SubjectKind.COLLECTIVE: self.for_collectives,
            SubjectKind.HOUSEHOLD: self.for_households,
        }.get(subject_kind, False)
