"""Retention: a closed submission keeps its personal data for its kind's period
(SUBMISSIONS_RETENTION_MONTHS), then it is anonymised; the row stays, so counts keep working.

A submission expires once it has been closed for the whole period: closed on 7 December 2024, with
24 months, it is anonymised from 7 December 2026 at the same hour on. Open submissions, and those
already anonymised, are never touched, so running it again (daily, from cron) changes nothing more.
"""

import calendar
import uuid
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from privacy.actions import RETENTION, relabel_history
from privacy.people import submission_models


def months_before(moment, months):
    """``moment`` ``months`` calendar months earlier (31 March less one month: 28 or 29 February)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


@dataclass
class KindResult:
    model: type
    months: int
    cutoff: object
    count: int


def expired(model, now):
    cutoff = months_before(now, model.retention_months())
    queryset = model.objects.filter(closed_at__isnull=False, closed_at__lte=cutoff, anonymised_at__isnull=True)
    return cutoff, queryset


def apply_retention(now=None, dry_run=False):
    """Anonymise every expired submission of every kind; one result per kind. A real run is logged
    in Wagtail's audit log, one entry per kind (on the kind itself), with how many rows it erased."""
    now = now or timezone.now()
    results = []
    for model in submission_models():
        cutoff, queryset = expired(model, now)
        if dry_run:
            results.append(KindResult(model, model.retention_months(), cutoff, queryset.count()))
            continue
        with transaction.atomic():
            records = list(queryset.select_for_update())
            for record in records:
                record.anonymise(when=now)
                relabel_history(record)
            result = KindResult(model, model.retention_months(), cutoff, len(records))
            log(
                instance=ContentType.objects.get_for_model(model),
                action=RETENTION,
                uuid=uuid.uuid4(),  # one entry per kind in the history, even inside a request's log context
                data={"model": model._meta.label_lower, "count": result.count, "months": result.months},
            )
        results.append(result)
    return results
