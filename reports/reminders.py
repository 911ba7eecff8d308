"""Where each unit stands in its current period, and the reminders to units still short near its end.

A unit whose period what waits at the Board's step would meet ("awaiting the Board") is not
reminded: the next move is the Board's. Reminders go to the unit's contributors and approvers
(by role, units.roles.members_of) and its contact addresses.

Both read the figures of ``reports.contributions.contribution_report`` for the current year, so the
dashboard, the reminders and the admin report always agree, at a fixed number of queries whatever
the number of units.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.mail import unique_addresses
from reports.contributions import AWAITING_BOARD, MET, PeriodResult, contribution_report
from units.models import QuotaReminder, Unit
from units.roles import CONTRIBUTING_ROLES, members_of

DEFAULT_DAYS_BEFORE = 7


@dataclass
class Standing:
    """A unit's current period (``result``: a PeriodResult that requires something) and the days left in it."""

    unit: Unit
    result: PeriodResult
    days_left: int

    @property
    def is_met(self):
        return self.result.status == MET

    @property
    def awaiting_board(self):
        """Short, but what waits at the Board's step would meet the period."""
        return self.result.status == AWAITING_BOARD

    @property
    def missing(self):
        """How many more stories the period needs."""
        return max(self.result.required - self.result.count, 0)

    @property
    def deadline(self):
        return self.result.period.end


def standings(today=None, units=None):
    """The Standing of every unit that owes something in the period ``today`` falls in.

    ``units``: a Unit queryset (default: every unit active at some time in ``today``'s year).
    Units that owe nothing now (no rule, a rule of "not required", a period outside their active
    life) are left out.
    """
    today = today or timezone.localdate()
    found = []
    for unit_result in contribution_report(today.year, units=units, today=today):
        current = next((p for p in unit_result.periods if p.period.contains(today)), None)
        if current is not None and current.required > 0:
            found.append(Standing(unit_result.unit, current, (current.period.end - today).days))
    return found


def not_met(found):
    """The standings of ``found`` not yet met, the closest deadline first, then by unit name."""
    return sorted(
        (standing for standing in found if not standing.is_met),
        key=lambda standing: (standing.days_left, standing.unit.name),
    )


def recipients_for(unit):
    """The unit's contributors and approvers with an email, then its contact addresses; each address once."""
    return unique_addresses([user.email for user in members_of(unit, CONTRIBUTING_ROLES)] + unit.emails)


def behind(today=None, units=None):
    """The units that have not yet met their current period's quota, as standings (see ``not_met``)."""
    return not_met(standings(today, units))


def admin_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"


def reminder_message(standing, recipients):
    """The reminder email to a unit, in the site's language (settings.LANGUAGE_CODE)."""
    context = {
        "unit": standing.unit,
        "period": standing.result.period,
        "count": standing.result.count,
        "required": standing.result.required,
        "awaiting_unit": standing.result.awaiting_unit,
        "awaiting_board": standing.result.awaiting_board,
        "sent_back": standing.result.sent_back,
        "deadline": standing.deadline,
        "days_left": standing.days_left,
        "admin_url": admin_url(),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("reports/emails/quota_reminder_subject.txt", context)
        body = render_to_string("reports/emails/quota_reminder_body.txt", context)
    subject = " ".join(subject.split())  # one line, whatever the template's layout
    body = body.strip() + "\n"
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


@dataclass
class Outcome:
    """What happened to one unit short near the end of its period: "sent", "would_send", "no_address"
    (nobody to tell), "already_sent", or "awaiting_board" (not reminded: the Board's step would meet it)."""

    standing: Standing
    action: str
    recipients: list
    sent_before: datetime.datetime | None = None


def send_reminders(today=None, days_before=DEFAULT_DAYS_BEFORE, dry_run=False):
    """Remind every active unit still short in its current period that ends within ``days_before`` days,
    unless what waits at the Board's step would meet it.

    Once per unit and period: a QuotaReminder is recorded with each email (both or neither), and
    a unit with a reminder for the period is not emailed again. ``dry_run`` sends and records
    nothing. Returns an Outcome per unit not met near the end of its period, in the order of
    ``not_met``, those awaiting the Board included (and left alone).
    """
    today = today or timezone.localdate()
    near = [
        standing
        for standing in not_met(standings(today))
        if standing.days_left <= days_before and standing.unit.is_active_on(today)
    ]
    due = [standing for standing in near if not standing.awaiting_board]
    earlier = {
        (reminder.unit_id, reminder.period_key): reminder.sent_at
        for reminder in QuotaReminder.objects.filter(
            unit__in=[standing.unit.pk for standing in due],
            period_key__in={standing.result.period.key for standing in due},
        )
    }
    outcomes = []
    for standing in near:
        unit, key = standing.unit, standing.result.period.key
        recipients = [] if standing.awaiting_board else recipients_for(unit)
        if standing.awaiting_board:
            outcomes.append(Outcome(standing, "awaiting_board", recipients))
        elif (unit.pk, key) in earlier:
            outcomes.append(Outcome(standing, "already_sent", recipients, earlier[(unit.pk, key)]))
        elif not recipients:
            outcomes.append(Outcome(standing, "no_address", recipients))
        elif dry_run:
            outcomes.append(Outcome(standing, "would_send", recipients))
        else:
            outcomes.append(_send(standing, recipients))
    return outcomes


def _send(standing, recipients):
    unit, key = standing.unit, standing.result.period.key
    try:
        with transaction.atomic():
            QuotaReminder.objects.create(unit=unit, period_key=key, recipients="\n".join(recipients))
            reminder_message(standing, recipients).send()
    except IntegrityError:  # another run got there first
        sent_at = QuotaReminder.objects.filter(unit=unit, period_key=key).values_list("sent_at", flat=True).first()
        return Outcome(standing, "already_sent", recipients, sent_at)
    return Outcome(standing, "sent", recipients)
