from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class QuotaReminder(models.Model):
    """A reminder sent to a unit still short of its quota near the end of a period: one per unit and period."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="quota_reminders"
    )
    period_key = models.CharField(_("period"), max_length=10, help_text=_("E.g. 2020-06 or 2020-Q2."))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipients = models.TextField(_("recipients"), blank=True, help_text=_("The addresses it went to, one a line."))

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("quota reminder")
        verbose_name_plural = _("quota reminders")
        constraints = [
            models.UniqueConstraint(fields=["unit", "period_key"], name="one_quota_reminder_per_unit_and_period"),
        ]

    def __str__(self):
        return f"{self.unit} {self.period_key} ({timezone.localtime(self.sent_at):%d/%m/%Y})"
