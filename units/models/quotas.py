from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from units.models.units import UnitKind


class QuotaPeriod(models.TextChoices):
    MONTH = "month", _("Every month")
    QUARTER = "quarter", _("Every quarter")
    NONE = "none", _("Not required")


class QuotaRule(models.Model):
    """How many stories a kind of unit (or one unit) must introduce, from a given date (chỉ tiêu).

    A rule already in force is never edited: a change is a new rule with a later date, so the
    figures of periods already past stay as they were.
    """

    unit_kind = models.CharField(_("kind of unit"), max_length=32, choices=UnitKind.choices, blank=True)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="quota_rules",
        help_text=_("Only for an exception: this unit instead of the rule for its kind."),
    )
    period = models.CharField(_("period"), max_length=10, choices=QuotaPeriod.choices)
    minimum = models.PositiveSmallIntegerField(_("at least"), default=1)
    effective_from = models.DateField(_("in force from"))
    note = models.CharField(_("basis"), max_length=255, blank=True, help_text=_("E.g. Kế hoạch 123/KH-UBND."))

    panels = [
        FieldRowPanel([FieldPanel("unit_kind"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("period"), FieldPanel("minimum"), FieldPanel("effective_from")]),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["effective_from", "unit_kind"]
        verbose_name = _("quota rule")
        verbose_name_plural = _("quota rules")
        constraints = [
            models.CheckConstraint(
                condition=(Q(unit__isnull=True) & ~Q(unit_kind="")) | (Q(unit__isnull=False) & Q(unit_kind="")),
                name="quota_rule_for_a_kind_or_a_unit",
            ),
        ]

    def __str__(self):
        who = self.unit.name if self.unit_id else self.get_unit_kind_display()
        if self.period == QuotaPeriod.NONE:
            return f"{who}: {self.get_period_display()} ({self.effective_from:%d/%m/%Y})"
        return f"{who}: ≥{self.minimum} / {self.get_period_display()} ({self.effective_from:%d/%m/%Y})"

    def clean(self):
        if bool(self.unit_id) == bool(self.unit_kind):
            raise ValidationError(_("Choose either a kind of unit or one unit."))
        if self.period != QuotaPeriod.NONE and self.minimum < 1:
            raise ValidationError({"minimum": _("A required period needs at least one story.")})
        today = timezone.localdate()
        if self.pk:
            before = QuotaRule.objects.get(pk=self.pk)
            changed = any(
                getattr(before, name) != getattr(self, name)
                for name in ("unit_kind", "unit_id", "period", "minimum", "effective_from")
            )
            if changed and before.effective_from <= today:
                raise ValidationError(
                    _("This rule is already in force; add a new rule from a later date instead of changing it.")
                )
        if self.effective_from and self.effective_from < today and not self.pk:
            # Back-dating a new rule would rewrite the figures of periods already past.
            raise ValidationError(
                {"effective_from": _("A new rule cannot take effect in the past: choose today or a later date.")}
            )
