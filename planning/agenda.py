"""What the editorial calendar shows a user between two dates, as one list of entries: the pages
whose publication is scheduled, the quota's period deadlines, the planned stories and the public
anniversaries. The month view, the list view and the iCalendar feed all read it.

Who sees what: everyone sees the anniversaries; the Board every unit's planned stories, scheduled
pages and the deadlines of each kind of unit; a unit's or outlet's staff only their own unit's
(the planned stories by planning.permissions, the pages by Wagtail's page permissions, the
deadlines of their unit).
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext, pgettext_lazy
from wagtail.models import Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.text import slugify_vi
from planning.anniversaries import occurrences_between
from planning.deadlines import deadlines_by_kind, deadlines_of_units
from planning.permissions import planning_unit_ids, visible_planned_stories
from units.roles import acts_as_board

ANNIVERSARY, DEADLINE, PLANNED, SCHEDULED = "anniversary", "deadline", "planned", "scheduled"
KIND_LABELS = {
    ANNIVERSARY: gettext_lazy("Anniversary"),
    DEADLINE: gettext_lazy("Quota deadline"),
    PLANNED: pgettext_lazy("calendar", "Planned story"),
    SCHEDULED: gettext_lazy("Scheduled to go live"),
}


@dataclass(frozen=True)
class Entry:
    kind: str  # ANNIVERSARY, DEADLINE, PLANNED or SCHEDULED
    start: datetime.date
    title: str
    detail: str = ""
    end: datetime.date | None = None  # the last day, for what lasts several days
    url: str = ""
    planned_id: int | None = None  # a planned story not yet a draft: the calendar offers "Make a draft"
    uid: str = ""

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]

    @property
    def last_day(self):
        return self.end or self.start

    def covers(self, day):
        return self.start <= day <= self.last_day


def entries_between(user, start, end, today=None):
    """Every entry ``user`` may see that falls (at least partly) between ``start`` and ``end``."""
    entries = (
        _anniversaries(start, end)
        + _deadlines(user, start, end, today)
        + _planned(user, start, end)
        + _scheduled(user, start, end)
    )
    return sorted(entries, key=lambda e: (e.start, _ORDER[e.kind], e.title))


_ORDER = {ANNIVERSARY: 0, DEADLINE: 1, SCHEDULED: 2, PLANNED: 3}


def _anniversaries(start, end):
    entries = []
    for occurrence in occurrences_between(start, end):
        years = occurrence.years
        detail = ngettext("%(years)d year", "%(years)d years", years) % {"years": years} if years else ""
        entries.append(
            Entry(
                ANNIVERSARY,
                occurrence.start,
                occurrence.anniversary.label,
                detail=detail,
                end=occurrence.end if occurrence.end != occurrence.start else None,
                uid=f"anniversary-{occurrence.anniversary.slug}-{occurrence.start:%Y}",
            )
        )
    return entries


def _deadlines(user, start, end, today):
    if acts_as_board(user):
        deadlines = deadlines_by_kind(start, end, today)
    else:
        deadlines = deadlines_of_units(planning_unit_ids(user), start, end, today)
    return [
        Entry(
            DEADLINE,
            deadline.date,
            pgettext("quota deadline", "%(period)s: %(who)s") % {"period": deadline.period_label, "who": deadline.who},
            detail=ngettext(
                "%(short)d of %(owing)d unit still short",
                "%(short)d of %(owing)d units still short",
                deadline.owing,
            )
            % {"short": deadline.short, "owing": deadline.owing},
            uid=f"deadline-{deadline.date:%Y%m%d}-{slugify_vi(deadline.who)}",
        )
        for deadline in deadlines
    ]


def _planned(user, start, end):
    stories = visible_planned_stories(user).due_between(start, end).select_related("unit", "assignee", "column")
    entries = []
    for story in stories:
        who = [story.unit.name] + ([story.column.title] if story.column_id else [])
        if story.assignee_id:
            who.append(story.assignee.get_full_name() or story.assignee.get_username())
        url = reverse("wagtailadmin_pages:edit", args=(story.converted_page_id,)) if story.is_converted else ""
        entries.append(
            Entry(
                PLANNED,
                story.due_date,
                story.title_idea,
                detail=" · ".join(who),
                url=url or reverse("wagtailsnippets_planning_plannedstory:edit", args=(story.pk,)),
                planned_id=None if story.is_converted else story.pk,
                uid=f"planned-{story.pk}",
            )
        )
    return entries


def _scheduled(user, start, end):
    """Pages ``user`` may edit whose publication is scheduled (an approved revision going live, or a
    draft with a go-live date) between ``start`` and ``end`` in the province's days."""
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    until = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    approved = Revision.objects.page_revisions().filter(approved_go_live_at__gte=since, approved_go_live_at__lt=until)
    going_live = {int(pk): at for pk, at in approved.values_list("object_id", "approved_go_live_at")}
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
    drafts = editable.filter(live=False, go_live_at__gte=since, go_live_at__lt=until)
    going_live.update({pk: at for pk, at in drafts.values_list("pk", "go_live_at") if pk not in going_live})
    pages = editable.filter(pk__in=going_live).only("pk", "title")
    return [
        Entry(
            SCHEDULED,
            timezone.localdate(going_live[page.pk], tz),
            page.title,
            detail=_("Goes live at %(time)s") % {"time": timezone.localtime(going_live[page.pk], tz).strftime("%H:%M")},
            url=reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            uid=f"scheduled-{page.pk}-{going_live[page.pk]:%Y%m%d%H%M}",
        )
        for page in pages
    ]
