"""The editorial calendar as an iCalendar feed (RFC 5545) for a phone's calendar app, at a private
address per user: ``/lich-bien-tap/<token>.ics``. Phones cannot log in, so the secret in the address
is the key: a wrong or revoked token, or a user who lost access to the admin, is a 404.

The feed holds the same entries as the admin's calendar, for the user, from a month ago to a year
ahead, each as an all-day event. Written by hand: it is a few lines of text.
"""

import datetime

from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.views.decorators.http import require_GET
from wagtail.users.models import UserProfile

from planning.agenda import entries_between
from planning.models import CalendarFeedToken
from units.models import province_today

PAST_DAYS, FUTURE_DAYS = 31, 366
PRODUCT = "-//So Noi vu Soc Trang//Lich bien tap//VI"
LINE_OCTETS = 75


def escape(text):
    """TEXT as RFC 5545 writes it: backslash, semicolon, comma and newline escaped."""
    text = str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line):
    """A content line folded at 75 octets, never inside a UTF-8 character."""
    parts, current = [], ""
    for char in line:
        limit = LINE_OCTETS if not parts else LINE_OCTETS - 1
        if len((current + char).encode("utf-8")) > limit:
            parts.append(current)
            current = char
        else:
            current += char
    parts.append(current)
    return "\r\n ".join(parts)


def _event(entry, host, stamp):
    end = entry.last_day + datetime.timedelta(days=1)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape(entry.uid)}@{host}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{entry.start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"SUMMARY:{escape(entry.title)}",
        f"CATEGORIES:{entry.kind.upper()}",
        "TRANSP:TRANSPARENT",
    ]
    if entry.detail:
        lines.append(f"DESCRIPTION:{escape(entry.detail)}")
    if entry.url:
        lines.append(f"URL:https://{host}{entry.url}")
    return lines + ["END:VEVENT"]


def calendar_text(entries, host, name):
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    lines.append(f"X-WR-CALNAME:{escape(name)}")
    lines.append("X-WR-TIMEZONE:Asia/Ho_Chi_Minh")
    for entry in entries:
        lines += _event(entry, host, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


@require_GET
def feed(request, token):
    link = CalendarFeedToken.objects.select_related("user").filter(token=token).first()
    if link is None or not link.user.is_active or not link.user.has_perm("wagtailadmin.access_admin"):
        raise Http404
    today = province_today()
    start, end = today - datetime.timedelta(days=PAST_DAYS), today + datetime.timedelta(days=FUTURE_DAYS)
    # In the language the user reads the admin in: the phone's request says nothing about it.
    with translation.override(UserProfile.get_for_user(link.user).get_preferred_language()):
        entries = entries_between(link.user, start, end, today=today)
        body = calendar_text(entries, request.get_host(), translation.gettext("Editorial calendar"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
