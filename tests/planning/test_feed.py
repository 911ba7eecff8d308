"""Each user's private iCalendar feed: valid VCALENDAR, only with the right token, and a rotated or
revoked token answers 404."""

import pytest
from django.utils import translation

from planning.feed import fold
from planning.models import CalendarFeedToken
from tests.planning.conftest import CALENDAR
from units.models import province_today


def feed_url(token):
    return f"/lich-bien-tap/{token}.ics"


@pytest.fixture
def ks_token(staff):
    return CalendarFeedToken.rotate(staff["ks-contributor"])


def test_the_feed_is_a_valid_vcalendar_with_the_users_entries(client, staff, ks_token, ke_sach_plan, y_te_plan):
    ke_sach_plan.due_date = y_te_plan.due_date = province_today()
    ke_sach_plan.save()
    y_te_plan.save()
    response = client.get(feed_url(ks_token.token))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    lines = body.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    assert body.count("BEGIN:VEVENT") == body.count("END:VEVENT") > 0
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = body.replace("\r\n ", "")
    assert f"SUMMARY:{ke_sach_plan.title_idea}" in unfolded
    assert y_te_plan.title_idea not in unfolded  # another unit's plan
    with translation.override("vi"):  # the user's admin language
        national_day = translation.gettext("National Day")
    assert f"SUMMARY:{national_day}" in unfolded and "DTSTART;VALUE=DATE:" in unfolded


def test_a_wrong_token_is_a_404(client, ks_token):
    assert client.get(feed_url("not-the-token")).status_code == 404
    assert client.get(feed_url(ks_token.token[:-1])).status_code == 404


def test_rotating_the_address_retires_the_old_one(client, staff, ks_token):
    client.force_login(staff["ks-contributor"])
    old = ks_token.token
    response = client.post(f"{CALENDAR}dia-chi-lich/doi/")
    assert response.status_code == 302
    new = CalendarFeedToken.objects.get(user=staff["ks-contributor"]).token
    assert new != old
    client.logout()
    assert client.get(feed_url(old)).status_code == 404
    assert client.get(feed_url(new)).status_code == 200


def test_revoking_the_address(client, staff, ks_token):
    client.force_login(staff["ks-contributor"])
    client.post(f"{CALENDAR}dia-chi-lich/thu-hoi/")
    assert not CalendarFeedToken.objects.filter(user=staff["ks-contributor"]).exists()
    assert client.get(feed_url(ks_token.token)).status_code == 404
    page = client.get(CALENDAR).content.decode()
    assert ks_token.token not in page


def test_the_calendar_page_shows_the_users_own_address(client, staff, ks_token):
    client.force_login(staff["ks-contributor"])
    assert feed_url(ks_token.token) in client.get(CALENDAR).content.decode()
    client.force_login(staff["yt-contributor"])
    assert ks_token.token not in client.get(CALENDAR).content.decode()


def test_a_deactivated_user_s_feed_is_a_404(client, staff, ks_token):
    user = staff["ks-contributor"]
    user.is_active = False
    user.save()
    assert client.get(feed_url(ks_token.token)).status_code == 404


def test_long_lines_are_folded_without_splitting_a_character():
    line = "SUMMARY:" + "Gương điển hình tiên tiến " * 8
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
