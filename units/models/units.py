"""Who contributes: the units of the province and the emulation blocs they are scored in."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from core.names import NamedInLanguages
from core.text import slugify_vi


class UnitKind(models.TextChoices):
    DISTRICT = "district", _("District-level unit")
    DEPARTMENT = "department", _("Department or agency")
    PUBLIC_SERVICE = "public_service", _("Public service unit")
    CENTRAL_AGENCY = "central_agency", _("Central agency in the province")
    ENTERPRISE = "enterprise", _("Enterprise")
    MASS_ORGANISATION = "mass_organisation", _("Mass organisation")
    MEDIA_OUTLET = "media_outlet", _("Media outlet")
    BOARD = "board", _("Emulation and Commendation Board")


# Units that introduce exemplar stories (and so get a section in the exemplar index).
CONTRIBUTING_KINDS = frozenset(UnitKind) - {UnitKind.MEDIA_OUTLET, UnitKind.BOARD}


def unit_kind_order(field="unit__kind"):
    """Order units as the plan lists them: districts, departments, …, outlets, the Board."""
    return models.Case(
        *[models.When(**{field: kind}, then=models.Value(i)) for i, kind in enumerate(UnitKind.values)],
        output_field=models.IntegerField(),
    )


class EmulationBloc(NamedInLanguages):
    """A group of units scored against each other every year (khối thi đua), named for readers of
    every language (core.names)."""

    # Readers see it on public pages: saving or deleting one makes them stale (cms/cache_invalidation.py).
    invalidates_page_cache = True

    name = models.CharField(_("name"), max_length=255, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=False)
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
        verbose_name = _("emulation bloc")
        verbose_name_plural = _("emulation blocs")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify_vi(self.name, max_length=100)
        super().save(*args, **kwargs)


def validate_email_list(value):
    bad = [email for email in split_emails(value) if not _is_email(email)]
    if bad:
        raise ValidationError(_("Not a valid email address: %(emails)s"), params={"emails": ", ".join(bad)})


def _is_email(value):
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def split_emails(value):
    """Addresses from a field where staff type them one per line or separated by commas."""
    return [part.strip() for part in (value or "").replace(",", "\n").replace(";", "\n").splitlines() if part.strip()]


class UnitQuerySet(models.QuerySet):
    def active_on(self, date):
        """Units in their active life on ``date``."""
        return self.filter(Q(active_from__isnull=True) | Q(active_from__lte=date)).filter(
            Q(active_until__isnull=True) | Q(active_until__gte=date)
        )

    def active(self):
        return self.active_on(timezone.localdate())

    def active_between(self, start, end):
        """Units active on at least one day from ``start`` to ``end``."""
        return self.filter(Q(active_from__isnull=True) | Q(active_from__lte=end)).filter(
            Q(active_until__isnull=True) | Q(active_until__gte=start)
        )

    def contributing(self):
        return self.filter(kind__in=CONTRIBUTING_KINDS)


class Unit(NamedInLanguages):
    """An organisation of the province that takes part in the plan (đơn vị), named for readers of
    every language (core.names)."""

    # Readers see it on public pages: saving or deleting one makes them stale (cms/cache_invalidation.py).
    invalidates_page_cache = True

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_("Used in addresses and files; made from the name when left empty."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=UnitKind.choices, db_index=True)
    bloc = models.ForeignKey(
        EmulationBloc,
        verbose_name=_("emulation bloc"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
    )
    contact_emails = models.TextField(
        _("contact emails"),
        blank=True,
        validators=[validate_email_list],
        help_text=_("One address per line. Reminders and reports go to these addresses."),
    )
    active_from = models.DateField(_("active from"), null=True, blank=True)
    active_until = models.DateField(_("active until"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("successor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text=_("The unit that took over its work after a rename or a merger."),
    )

    # The unit's own images, documents and media; its staff may use nothing else.
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="unit",
    )

    objects = UnitQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("name_km"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("bloc")]),
        FieldPanel("contact_emails"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("active_from"), FieldPanel("active_until")]),
                FieldPanel("successor"),
            ],
            heading=_("Life of the unit"),
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.CheckConstraint(
                condition=Q(active_until__isnull=True)
                | Q(active_from__isnull=True)
                | Q(active_until__gte=models.F("active_from")),
                name="unit_active_until_after_active_from",
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.active_from and self.active_until and self.active_until < self.active_from:
            raise ValidationError({"active_until": _("A unit cannot end before it starts.")})
        if self.successor_id and self.successor_id == self.pk:
            raise ValidationError({"successor": _("A unit cannot succeed itself.")})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify_vi(self.name, max_length=100)
        super().save(*args, **kwargs)

    @property
    def label(self):
        """A compact name for cards and lists: the short name for Vietnamese readers, else the
        name in the reader's language."""
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        if language == settings.LANGUAGE_CODE:
            return self.short_name or self.name
        return self.name_in(language)

    @property
    def emails(self):
        return split_emails(self.contact_emails)

    @property
    def is_contributing(self):
        return self.kind in CONTRIBUTING_KINDS

    def is_active_on(self, date):
        return (self.active_from is None or self.active_from <= date) and (
            self.active_until is None or self.active_until >= date
        )

    @property
    def is_active(self):
        return self.is_active_on(timezone.localdate())

    is_active.fget.short_description = _("active")
