"""Retention: closed submissions lose their personal data once closed for their kind's period; the
rows stay for the counts, open ones are untouched, a dry run changes nothing, a rerun does nothing
more, and each run is in Wagtail's audit log."""

import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from privacy.retention import apply_retention, months_before
from submissions.models import DifficultyReport, Nomination, NominationStatus, ReportStatus

from .conftest import nomination, report

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC)
CUTOFF = datetime.datetime(2024, 12, 7, 9, 0, tzinfo=datetime.UTC)  # 24 months before NOW


def closed(make, status, closed_at, **values):
    record = make(status=status, **values)
    type(record).objects.filter(pk=record.pk).update(closed_at=closed_at)
    return record


@pytest.fixture
def submissions(newsroom):
    return {
        "at_period": closed(nomination, NominationStatus.DECLINED, CUTOFF),
        "long_ago": closed(nomination, NominationStatus.STORY, CUTOFF - datetime.timedelta(days=400)),
        "just_before": closed(nomination, NominationStatus.DECLINED, CUTOFF + datetime.timedelta(seconds=1)),
        "open_old": nomination(status=NominationStatus.REVIEWED),
        "report_expired": closed(report, ReportStatus.RESOLVED, CUTOFF - datetime.timedelta(days=1)),
        "report_open": report(status=ReportStatus.IN_PROGRESS),
    }


def test_closing_starts_the_clock_and_reopening_stops_it(newsroom):
    record = nomination()
    assert record.closed_at is None

    record.status = NominationStatus.DECLINED
    record.save()
    assert record.closed_at is not None

    record.status = NominationStatus.REVIEWED
    record.save(update_fields=["status"])
    record.refresh_from_db()
    assert record.closed_at is None


def test_only_submissions_closed_for_the_whole_period_are_anonymised(submissions):
    Nomination.objects.filter(pk=submissions["open_old"].pk).update(created_at=CUTOFF - datetime.timedelta(days=900))

    apply_retention(now=NOW)

    def fresh(key):
        return type(submissions[key]).objects.get(pk=submissions[key].pk)

    for key in ("at_period", "long_ago"):
        erased = fresh(key)
        assert erased.anonymised_at == NOW
        assert (erased.nominee_name, erased.nominator_name, erased.nominator_phone, erased.nominator_email) == (
            "",
            "",
            "",
            "",
        )
        assert erased.address == "" and erased.achievements == ""
        # What the counts need stays.
        assert erased.unit.slug == "huyen-ke-sach" and erased.status in ("declined", "story")
        assert str(erased) == translation.gettext("(personal data erased)")
    for key in ("just_before", "open_old"):
        kept = fresh(key)
        assert kept.anonymised_at is None and kept.nominator_email == "tam.nguyen@example.vn"
    expired_report, open_report = fresh("report_expired"), fresh("report_open")
    assert (expired_report.reporter_name, expired_report.email, expired_report.phone) == ("", "", "")
    assert expired_report.subject == "Chưa rõ cách tính chỉ tiêu theo quý"  # the unit's difficulty stays
    assert open_report.reporter_name == "Trần Minh Hiếu"
    assert Nomination.objects.count() == 4 and DifficultyReport.objects.count() == 2


def test_each_kind_has_its_own_period(submissions, settings):
    settings.SUBMISSIONS_RETENTION_MONTHS = {**settings.SUBMISSIONS_RETENTION_MONTHS, "submissions.nomination": 36}

    results = {result.model: result.count for result in apply_retention(now=NOW)}

    assert results == {Nomination: 1, DifficultyReport: 1}  # only the one closed 400 days before the cutoff
    assert Nomination.objects.get(pk=submissions["at_period"].pk).anonymised_at is None


def test_a_dry_run_changes_nothing_and_logs_nothing(submissions):
    out = io.StringIO()
    before = list(Nomination.objects.values_list("nominator_email", flat=True))

    call_command("erase_expired_personal_data", "--dry-run", stdout=out)

    assert "submissions.nomination: " in out.getvalue() and "would be anonymised" in out.getvalue()
    assert list(Nomination.objects.values_list("nominator_email", flat=True)) == before
    assert not Nomination.objects.filter(anonymised_at__isnull=False).exists()
    assert not ModelLogEntry.objects.filter(action="privacy.retention").exists()


def test_each_run_is_logged_and_a_rerun_changes_nothing(submissions, admin_client):
    first = apply_retention(now=NOW)
    erased_at = dict(Nomination.objects.filter(anonymised_at__isnull=False).values_list("pk", "anonymised_at"))

    second = apply_retention(now=NOW)

    assert [r.count for r in first] == [2, 1] and [r.count for r in second] == [0, 0]
    assert dict(Nomination.objects.filter(anonymised_at__isnull=False).values_list("pk", "anonymised_at")) == erased_at
    entries = ModelLogEntry.objects.filter(action="privacy.retention").order_by("pk")
    nomination_type = ContentType.objects.get_for_model(Nomination)
    # Logged on the kind itself: Reports → Site history shows "nomination", the count in the message.
    assert [e.data["count"] for e in entries if e.object_id == str(nomination_type.pk)] == [2, 0]
    assert entries.count() == 4
    with translation.override("en"):
        assert entries.first().message.startswith("2 ")
    history = admin_client.get(reverse("wagtailadmin_reports:site_history"))
    # Reports → Site history, in the admin's language.
    assert history.status_code == 200 and "Đã ẩn danh 2 hồ sơ đã đóng quá 24 tháng" in history.content.decode()


def test_the_command_anonymises_with_the_current_time(submissions):
    out = io.StringIO()

    call_command("erase_expired_personal_data", stdout=out)

    # Today is later than NOW: the one closed a second after the cutoff has expired too; the open one has not.
    assert Nomination.objects.filter(anonymised_at__isnull=False).count() == 3
    assert "submissions.difficultyreport: 1 anonymised" in out.getvalue()


def test_months_are_calendar_months():
    assert months_before(datetime.datetime(2026, 3, 31, tzinfo=datetime.UTC), 1).date() == datetime.date(2026, 2, 28)
    assert months_before(NOW, 24) == CUTOFF
    assert timezone.is_aware(months_before(NOW, 24))
