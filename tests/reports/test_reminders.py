"""`send_quota_reminders`: units still short near the end of a period are emailed once, in Vietnamese."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from exemplars.models import UnitSectionPage
from reports.reminders import send_reminders
from tests.factories import ExemplarPageFactory
from units.models import QuotaReminder, Unit

KE_SACH = ["vanthu.kesach@example.invalid", "thiduakhenthuong.kesach@example.invalid"]
Y_TE = ["vanphong.syt@example.invalid"]
# 25 June 2020: five days before the end of June and of the second quarter.
FIVE_DAYS_BEFORE = "2020-06-25"


def story(unit_slug, year, month, day):
    section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug=unit_slug)
    return ExemplarPageFactory(
        parent=section, first_published_at=timezone.make_aware(datetime.datetime(year, month, day, 9))
    )


def remind(*args):
    out = io.StringIO()
    call_command("send_quota_reminders", *args, stdout=out)
    return out.getvalue()


def line_for(output, unit_name):
    return next(line for line in output.splitlines() if line.startswith(unit_name))


@pytest.fixture
def addresses(newsroom):
    """Only Kế Sách (short in June) and Sở Y tế (met in the quarter) have contact addresses."""
    Unit.objects.update(contact_emails="")
    Unit.objects.filter(slug="huyen-ke-sach").update(contact_emails="\n".join(KE_SACH))
    Unit.objects.filter(slug="so-y-te").update(contact_emails=", ".join(Y_TE))
    story("huyen-ke-sach", 2020, 5, 10)  # May: does not count for June
    story("so-y-te", 2020, 4, 20)


@pytest.mark.django_db
def test_a_short_unit_five_days_before_the_end_gets_one_email(addresses):
    output = remind("--today", FIVE_DAYS_BEFORE)
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == KE_SACH
    assert "Huyện Kế Sách" in email.subject and "T6/2020" in email.subject
    assert "0/1" in email.subject and "30/06/2020" in email.subject
    assert "http://testserver/admin/" in email.body and "30/06/2020" in email.body
    reminder = QuotaReminder.objects.get()
    assert (reminder.unit.slug, reminder.period_key) == ("huyen-ke-sach", "2020-06")
    assert reminder.recipients.splitlines() == KE_SACH
    assert "sent to " + ", ".join(KE_SACH) in line_for(output, "Huyện Kế Sách")
    assert "no contact address" in line_for(output, "Huyện Châu Thành")  # short too, but nowhere to write
    assert not any(line.startswith("Sở Y tế") for line in output.splitlines())  # met its quarter


@pytest.mark.django_db
def test_the_email_is_in_vietnamese(addresses):
    remind("--today", FIVE_DAYS_BEFORE)
    email = mail.outbox[0]
    assert email.subject.startswith("Nhắc việc:")
    assert "bài viết gương điển hình" in email.subject
    assert "Kính gửi: Huyện Kế Sách" in email.body
    assert "còn 5 ngày" in email.body
    assert "Ban Thi đua - Khen thưởng" in email.body
    assert "\n" not in email.subject
    assert email.from_email == "Ban Thi đua - Khen thưởng <btdkt.sonv@soctrang.gov.vn>"


@pytest.mark.django_db
def test_a_short_quarterly_unit_is_reminded_too(addresses):
    QuotaReminder.objects.all().delete()
    Unit.objects.filter(slug="so-tai-chinh").update(contact_emails="sotaichinh@example.invalid")
    remind("--today", FIVE_DAYS_BEFORE)
    quarterly = [email for email in mail.outbox if email.to == ["sotaichinh@example.invalid"]]
    assert len(quarterly) == 1 and "Q2/2020" in quarterly[0].subject
    assert QuotaReminder.objects.get(unit__slug="so-tai-chinh").period_key == "2020-Q2"


@pytest.mark.django_db
def test_a_met_unit_gets_nothing(addresses):
    story("huyen-ke-sach", 2020, 6, 3)
    output = remind("--today", FIVE_DAYS_BEFORE)
    assert mail.outbox == []
    assert not QuotaReminder.objects.exists()
    assert "Huyện Kế Sách" not in output


@pytest.mark.django_db
def test_twenty_days_before_the_end_is_too_early_by_default(addresses):
    output = remind("--today", "2020-06-10")
    assert mail.outbox == [] and not QuotaReminder.objects.exists()
    assert "Huyện Kế Sách" not in output
    remind("--today", "2020-06-10", "--days-before", "20")
    assert [email.to for email in mail.outbox] == [KE_SACH]


@pytest.mark.django_db
def test_running_twice_sends_nothing_twice(addresses):
    remind("--today", FIVE_DAYS_BEFORE)
    again = remind("--today", FIVE_DAYS_BEFORE)
    later = remind("--today", "2020-06-29")
    assert len(mail.outbox) == 1
    assert QuotaReminder.objects.count() == 1
    assert "already reminded" in line_for(again, "Huyện Kế Sách")
    assert "already reminded" in line_for(later, "Huyện Kế Sách")
    # The next period is a new one.
    remind("--today", "2020-07-27")
    assert len(mail.outbox) == 2
    assert set(QuotaReminder.objects.values_list("period_key", flat=True)) == {"2020-06", "2020-07"}


@pytest.mark.django_db
def test_dry_run_sends_and_records_nothing(addresses):
    output = remind("--today", FIVE_DAYS_BEFORE, "--dry-run")
    assert mail.outbox == []
    assert not QuotaReminder.objects.exists()
    assert "would send to " + ", ".join(KE_SACH) in line_for(output, "Huyện Kế Sách")
    remind("--today", FIVE_DAYS_BEFORE)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_reminder_recorded_meanwhile_is_not_sent_again(addresses):
    QuotaReminder.objects.create(unit=Unit.objects.get(slug="huyen-ke-sach"), period_key="2020-06")
    outcomes = send_reminders(today=datetime.date(2020, 6, 25))
    assert mail.outbox == []
    assert next(o for o in outcomes if o.standing.unit.slug == "huyen-ke-sach").action == "already_sent"


@pytest.mark.django_db
def test_a_unit_no_longer_active_is_not_reminded(addresses):
    Unit.objects.filter(slug="huyen-ke-sach").update(active_until=datetime.date(2020, 6, 15))
    remind("--today", FIVE_DAYS_BEFORE)
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize("bad", [["--today", "25/06/2020"], ["--today", "2020-02-30"], ["--days-before", "-1"]])
def test_bad_options_are_refused(addresses, bad):
    with pytest.raises(CommandError, match="--today must be a date written YYYY-MM-DD|--days-before"):
        remind(*bad)
