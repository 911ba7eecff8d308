"""The Board's rules for the yearly scoring (plan III.3): the weights of a year, and its adjustments.

Like the quota rules (units.models.quotas), the scoring is versioned, here by year: each year has
its own weights, and once the Board closes a year its weights and its adjustments are frozen, so
the ranking it announced stays what it was. A year without weights is ranked as before there were
any: by compliance, then stories (reports.scoring).
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel

from units.models import CONTRIBUTING_KINDS
from units.models.quotas import province_today

# The plan (Kế hoạch 123/KH-UBND) was issued in 2019, as reports.filters.FIRST_YEAR says; a model
# cannot import the filters (they load Wagtail's admin), so the bound is repeated here.
FIRST_YEAR = 2019
_YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)]
_NOT_NEGATIVE = [MinValueValidator(Decimal(0))]


def weight_field(label, default, help_text):
    return models.DecimalField(
        label, max_digits=6, decimal_places=2, default=Decimal(default), validators=_NOT_NEGATIVE, help_text=help_text
    )


class ScoringWeights(models.Model):
    """The points of a year's scoring: what each period met, story beyond quota, story featured by an
    outlet or replicated earns, and what each period missed costs."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True, validators=_YEAR_VALIDATORS)
    per_period_met = weight_field(_("points per period met"), 10, _("For each required period the unit met."))
    per_story_beyond_quota = weight_field(
        _("points per story beyond the quota"),
        1,
        _(
            "For each story counted in a period beyond what the period required "
            "(every story of a period that required none)."
        ),
    )
    per_story_featured = weight_field(
        _("points per story featured by an outlet"),
        2,
        _("For each of the unit's stories featured by a live column article first published in the year."),
    )
    per_story_replicated = weight_field(
        _("points per story replicated"),
        0,
        _("Replications are not recorded yet: until they are, this weight counts no story (0 points)."),
    )
    per_period_missed = weight_field(
        _("points taken off per period missed"), 5, _("Taken off for each required period that ended short.")
    )
    basis = models.CharField(
        _("basis"), max_length=255, blank=True, help_text=_("E.g. Hướng dẫn 05/HD-HĐTĐKT on the emulation scoring.")
    )
    closed_on = models.DateField(
        _("closed on"),
        null=True,
        blank=True,
        help_text=_("Once the year is closed, its weights and its adjustments can no longer be changed."),
    )

    panels = [
        FieldPanel("year"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("per_period_met"), FieldPanel("per_period_missed")]),
                FieldRowPanel([FieldPanel("per_story_beyond_quota"), FieldPanel("per_story_featured")]),
                FieldPanel("per_story_replicated"),
            ],
            heading=_("Points"),
        ),
        FieldPanel("basis"),
        HelpPanel(content=_("Close the year only when its scoring is final: nothing of it can be changed afterwards.")),
        FieldPanel("closed_on"),
    ]

    class Meta:
        ordering = ["-year"]
        verbose_name = _("scoring weights")
        verbose_name_plural = _("scoring weights")

    def __str__(self):
        return _("Scoring weights %(year)s") % {"year": self.year}

    @property
    def is_closed(self):
        return self.closed_on is not None

    def status(self):
        if self.closed_on is None:
            return pgettext_lazy("scoring year", "Open")
        return _("Closed on %(date)s") % {"date": f"{self.closed_on:%d/%m/%Y}"}

    status.short_description = _("Status")

    def clean(self):
        before = ScoringWeights.objects.filter(pk=self.pk).first() if self.pk else None
        if before is not None and before.is_closed:
            raise ValidationError(
                _("The scoring of %(year)s is closed: its weights can no longer be changed.") % {"year": before.year}
            )
        if self.closed_on is not None and self.year:
            if self.closed_on <= datetime.date(self.year, 12, 31):
                raise ValidationError({"closed_on": _("A year can only be closed after it has ended.")})
            if self.closed_on > province_today():
                raise ValidationError({"closed_on": _("A year cannot be closed on a date still to come.")})


def closed_years(years):
    """The years among ``years`` whose scoring is closed."""
    return set(ScoringWeights.objects.filter(year__in=years, closed_on__isnull=False).values_list("year", flat=True))


class ScoreAdjustment(models.Model):
    """Points the Board adds to (or takes from) a unit's score for a year, with its reason.

    Who recorded it and when are set by the admin view from the request, never from the form.
    """

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        on_delete=models.CASCADE,
        related_name="score_adjustments",
        limit_choices_to={"kind__in": sorted(kind.value for kind in CONTRIBUTING_KINDS)},
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=_YEAR_VALIDATORS)
    points = models.DecimalField(
        _("points"), max_digits=6, decimal_places=2, help_text=_("Negative to take points off.")
    )
    reason = models.TextField(_("reason"), max_length=1000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), null=True, editable=False)

    panels = [FieldRowPanel([FieldPanel("unit"), FieldPanel("year"), FieldPanel("points")]), FieldPanel("reason")]

    class Meta:
        ordering = ["-year", "unit__name", "recorded_at"]
        verbose_name = _("score adjustment")
        verbose_name_plural = _("score adjustments")

    def __str__(self):
        unit = self.unit.name if self.unit_id else ""
        return f"{unit} {self.year}: {self.points:+}"

    def summary(self):
        """The note as the scoring's exports show it: "reason (+5, who, date)"."""
        who = (self.recorded_by.get_full_name() or self.recorded_by.get_username()) if self.recorded_by else ""
        when = f"{timezone.localtime(self.recorded_at):%d/%m/%Y}" if self.recorded_at else ""
        # In the admin's number format ("+1.234,5" in Vietnamese), as the rest of the export.
        sign = "+" if self.points > 0 else ""
        points = sign + number_format(self.points.normalize(), use_l10n=True, force_grouping=True)
        details = ", ".join(part for part in (points, who, when) if part)
        return f"{self.reason} ({details})"

    def clean(self):
        if not self.year:
            return
        before = ScoreAdjustment.objects.filter(pk=self.pk).first() if self.pk else None
        years = {self.year} | ({before.year} if before else set())
        closed = closed_years(years)
        if closed:
            raise ValidationError(
                _("The scoring of %(year)s is closed: its adjustments can no longer be changed.")
                % {"year": min(closed)}
            )
        if self.year > province_today().year:
            raise ValidationError({"year": _("A year still to come has no score to adjust.")})
        if not ScoringWeights.objects.filter(year=self.year).exists():
            raise ValidationError(
                {"year": _("Set the scoring weights of %(year)s before adjusting its points.") % {"year": self.year}}
            )
        if self.points == 0:
            raise ValidationError({"points": _("An adjustment of no points changes nothing.")})
