import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from units.models.units import UnitKind


def province_today():
    """Today on the province's calendar: a rule takes effect on the province's dates, whatever time
    zone the person editing it has chosen for the admin."""
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(settings.TIME_ZONE))


class QuotaPeriod(models.TextChoices):
    MONTH = "month", _("Every month")
    QUARTER = "quarter", _("Every quarter")
    NONE = "none", _("Not required")


class RuleStatus(models.TextChoices):
    IN_FORCE = "in_force", pgettext_lazy("quota rule", "In force")
    ENDED = "ended", pgettext_lazy("quota rule", "Ended")
    FUTURE = "future", pgettext_lazy("quota rule", "Not yet in force")


class QuotaRuleQuerySet(models.QuerySet):
    """Rules by status, in SQL: "ended" when a later rule for the same target (the same unit, or
    the same kind with no unit) has taken effect by ``today``; "in force" when taken effect and
    not ended; "future" when not yet taken effect."""

    def _superseded(self, today):
        # A unit's rule compares with the unit's later rules; a kind's rule with the kind's. Under
        # the table's constraint a unit's rule has no kind and a kind's rule no unit, and
        # unit_id = NULL is never true in SQL, so the two branches never mix.
        later = QuotaRule.objects.filter(
            Q(unit=OuterRef("unit")) | Q(unit__isnull=True, unit_kind=OuterRef("unit_kind")),
            effective_from__gt=OuterRef("effective_from"),
            effective_from__lte=today,
        )
        return Exists(later)

    def with_status(self, today=None):
        """Each rule with ``rule_status``, one of RuleStatus."""
        today = today or province_today()
        return self.annotate(
            rule_status=Case(
                When(effective_from__gt=today, then=Value(RuleStatus.FUTURE.value)),
                When(self._superseded(today), then=Value(RuleStatus.ENDED.value)),
                default=Value(RuleStatus.IN_FORCE.value),
                output_field=models.CharField(),
            )
        )

    def in_status(self, status, today=None):
        today = today or province_today()
        if status == RuleStatus.FUTURE:
            return self.filter(effective_from__gt=today)
        if status == RuleStatus.ENDED:
            return self.filter(self._superseded(today), effective_from__lte=today)
        return self.filter(~self._superseded(today), effective_from__lte=today)


def _next_period_start(period, today):
    """The first day of the month or quarter after the one ``today`` falls in; today when no
    period is required."""
    if period == QuotaPeriod.NONE:
        return today
    months = 1 if period == QuotaPeriod.MONTH else 3
    first_month = today.month if period == QuotaPeriod.MONTH else 3 * ((today.month - 1) // 3) + 1
    month_index = today.year * 12 + first_month - 1 + months
    return datetime.date(month_index // 12, month_index % 12 + 1, 1)


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

    objects = QuotaRuleQuerySet.as_manager()

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
        who = self.target
        if self.period == QuotaPeriod.NONE:
            return f"{who}: {self.get_period_display()} ({self.effective_from:%d/%m/%Y})"
        return f"{who}: ≥{self.minimum} / {self.get_period_display()} ({self.effective_from:%d/%m/%Y})"

    @property
    def target(self):
        """Whom the rule binds: its unit, or its kind of unit."""
        return self.unit.name if self.unit_id else self.get_unit_kind_display()

    target.fget.short_description = pgettext_lazy("quota rule", "Applies to")

    def status(self):
        """In force, ended or future: from the listing's annotation when there is one."""
        value = getattr(self, "rule_status", None)
        if value is None:
            value = QuotaRule.objects.with_status().filter(pk=self.pk).values_list("rule_status", flat=True).first()
        return str(RuleStatus(value).label) if value else ""

    status.short_description = _("Status")
    status.admin_order_field = "rule_status"

    def has_taken_effect(self, today=None):
        return self.effective_from <= (today or province_today())

    def end_date(self, today=None):
        """When a rule ending this one takes effect: the start of the next period, never in the past."""
        today = today or province_today()
        return max(_next_period_start(self.period, today), today)

    def same_target(self):
        """The rules (this one included) for the same unit, or for the same kind with no unit."""
        if self.unit_id:
            return QuotaRule.objects.filter(unit_id=self.unit_id)
        return QuotaRule.objects.filter(unit__isnull=True, unit_kind=self.unit_kind)

    def clean(self):
        if bool(self.unit_id) == bool(self.unit_kind):
            raise ValidationError(_("Choose either a kind of unit or one unit."))
        if self.period != QuotaPeriod.NONE and self.minimum < 1:
            raise ValidationError({"minimum": _("A required period needs at least one story.")})
        today = province_today()
        before = QuotaRule.objects.filter(pk=self.pk).first() if self.pk else None
        if before is not None and before.has_taken_effect(today):
            changed = any(
                getattr(before, name) != getattr(self, name)
                for name in ("unit_kind", "unit_id", "period", "minimum", "effective_from")
            )
            if changed:
                raise ValidationError(
                    _("This rule is already in force; add a new rule from a later date instead of changing it.")
                )
        moved = before is None or before.effective_from != self.effective_from
        if self.effective_from and self.effective_from < today and moved:
            # Back-dating a rule (a new one, or a future one moved into the past) would rewrite
            # the figures of periods already past.
            raise ValidationError(
                {"effective_from": _("A new rule cannot take effect in the past: choose today or a later date.")}
            )
        if (
            self.effective_from
            and self.same_target().filter(effective_from=self.effective_from).exclude(pk=self.pk).exists()
        ):
            # Two rules for one target from one date would leave the report to pick one at random.
            raise ValidationError(
                {"effective_from": _("Another rule for the same kind of unit or unit takes effect on this date.")}
            )
