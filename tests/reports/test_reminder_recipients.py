"""Quota reminders reach people: the unit's contributors and approvers (by role) and its contact
addresses, each once; a unit awaiting the Board is not reminded; a unit whose stories wait at its own
step is told so; a dry run lists each unit's recipients and names the units with nobody to tell."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command

from tests.reports.queue import june_2020
from units.models import QuotaReminder, Unit

TODAY = datetime.date(2020, 6, 25)
CHAU_THANH_CONTACT = "vanphong.chauthanh@example.invalid"


@pytest.fixture
def june(staff, django_user_model):
    Unit.objects.update(contact_emails="")
    # The approver's address again, typed differently: one email, not two.
    Unit.objects.filter(slug="huyen-chau-thanh").update(
        contact_emails=f"{CHAU_THANH_CONTACT}\nLyVanHung.ChauThanh@example.invalid"
    )
    Unit.objects.filter(slug="huyen-ke-sach").update(contact_emails="vanthu.kesach@example.invalid")
    return june_2020(staff, django_user_model)


def remind(*args):
    out = io.StringIO()
    call_command("send_quota_reminders", "--today", TODAY.isoformat(), *args, stdout=out)
    return out.getvalue()


def line_for(output, unit_name):
    return next(line for line in output.splitlines() if line.startswith(unit_name))


CHAU_THANH_RECIPIENTS = [
    "lyvanhung.chauthanh@example.invalid",  # the approver
    "tranthimai.chauthanh@example.invalid",  # the contributor
    CHAU_THANH_CONTACT,
]


@pytest.mark.django_db
def test_dry_run_lists_recipients_leaves_units_awaiting_the_board_and_names_those_with_nobody(june):
    output = remind("--dry-run")
    assert mail.outbox == [] and not QuotaReminder.objects.exists()
    ke_sach = line_for(output, "Huyện Kế Sách")
    assert "awaiting the Board" in ke_sach and "no reminder" in ke_sach and "would send" not in ke_sach
    chau_thanh = line_for(output, "Huyện Châu Thành")
    assert chau_thanh.endswith("would send to " + ", ".join(CHAU_THANH_RECIPIENTS))
    assert "1 awaiting the unit's approval, 1 sent back" in chau_thanh
    nobody = re.search(r"Nobody to tell at \d+ unit\(s\): (.*)\.$", output, re.M).group(1).split(", ")
    assert "Huyện Mỹ Xuyên" in nobody
    assert "Huyện Kế Sách" not in nobody and "Huyện Châu Thành" not in nobody
    assert "nobody to tell" in line_for(output, "Huyện Mỹ Xuyên")


@pytest.mark.django_db
def test_reminders_reach_the_units_people_and_say_what_waits_at_its_step(june):
    remind()
    assert [email.to for email in mail.outbox if "Huyện Kế Sách" in email.subject] == []
    [email] = [email for email in mail.outbox if "Huyện Châu Thành" in email.subject]
    assert email.to == CHAU_THANH_RECIPIENTS
    body = email.body
    # In the site's language once the catalogue has the sentence; in English until then.
    assert (
        "1 bài viết của kỳ này đang chờ lãnh đạo đơn vị duyệt" in body
        or "1 story of this period is waiting for your unit's approval" in body
    )
    assert "1 bài viết bị trả lại để chỉnh sửa" in body or "1 story was sent back for changes" in body
    reminder = QuotaReminder.objects.get(unit__slug="huyen-chau-thanh")
    assert reminder.recipients.splitlines() == CHAU_THANH_RECIPIENTS
    assert not QuotaReminder.objects.filter(unit__slug="huyen-ke-sach").exists()
