"""The editorial calendar in the admin: the month (a table of the month's weeks) or the same month
as a list (what phones get), the "Make a draft" button of a planned story, and the user's private
calendar feed address (rotate it, or revoke it).

A malformed ``month`` or ``view`` is a 400; a planned story the user may not change is a 403,
whatever the form said.
"""

import calendar
import datetime
import re

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from planning.agenda import entries_between
from planning.drafting import DraftRefused, make_draft
from planning.models import CalendarFeedToken, PlannedStory
from planning.permissions import planned_story_policy
from units.models import province_today

_MONTH = re.compile(r"(?P<year>[0-9]{4})-(?P<month>0[1-9]|1[0-2])", re.ASCII)
FIRST_YEAR, LAST_YEAR = 1900, 2199
GRID, LIST = "grid", "list"


def parse_month(value, today):
    """(year, month) from ``?month=YYYY-MM`` (this month when absent); BadRequest when malformed."""
    if value is None:
        return today.year, today.month
    match = _MONTH.fullmatch(value)
    if match is None or not FIRST_YEAR <= int(match["year"]) <= LAST_YEAR:
        raise BadRequest("month must be YYYY-MM")
    return int(match["year"]), int(match["month"])


def _shift(year, month, months):
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


class CalendarView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "planning/calendar.html"
    page_title = _("Editorial calendar")
    header_icon = "date"

    def get(self, request, *args, **kwargs):
        self.layout = request.GET.get("view", GRID)
        if self.layout not in (GRID, LIST):
            raise BadRequest("view must be grid or list")
        self.today = province_today()
        self.year, self.month = parse_month(request.GET.get("month"), self.today)
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return f"{MONTHS[self.month]} {self.year}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()}
        ]

    def _link(self, year, month, layout=None):
        return f"{reverse('planning:calendar')}?month={year:04d}-{month:02d}&view={layout or self.layout}"

    def _weeks(self, entries):
        """The month's weeks (Monday first): [[(date or None, [entries])]]."""
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(self.year, self.month)
        return [
            [(day, [e for e in entries if e.covers(day)]) if day.month == self.month else (None, []) for day in week]
            for week in weeks
        ]

    def _days(self, entries):
        """The month's days that hold something, for the list: [(date, [entries])]."""
        last = calendar.monthrange(self.year, self.month)[1]
        days = [datetime.date(self.year, self.month, n) for n in range(1, last + 1)]
        return [(day, found) for day in days if (found := [e for e in entries if e.covers(day)])]

    def get_context_data(self, **kwargs):
        start = datetime.date(self.year, self.month, 1)
        end = datetime.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        entries = entries_between(self.request.user, start, end, today=self.today)
        token = CalendarFeedToken.objects.filter(user=self.request.user).first()
        return super().get_context_data(
            layout=self.layout,
            today=self.today,
            month_start=start,
            weeks=self._weeks(entries) if self.layout == GRID else None,
            days=self._days(entries) if self.layout == LIST else None,
            previous_url=self._link(*_shift(self.year, self.month, -1)),
            next_url=self._link(*_shift(self.year, self.month, 1)),
            grid_url=self._link(self.year, self.month, GRID),
            list_url=self._link(self.year, self.month, LIST),
            may_plan=planned_story_policy.user_has_permission(self.request.user, "add"),
            add_url=reverse("wagtailsnippets_planning_plannedstory:add"),
            list_url_all=reverse("wagtailsnippets_planning_plannedstory:list"),
            feed_url=self.request.build_absolute_uri(reverse("planning_feed", args=(token.token,))) if token else "",
            **kwargs,
        )


class MakeDraftView(View):
    """POST only: the planned story becomes a draft, and its editor opens."""

    http_method_names = ["post"]

    def post(self, request, pk):
        planned = get_object_or_404(PlannedStory, pk=pk)
        if not planned_story_policy.user_has_permission_for_instance(request.user, "change", planned):
            raise PermissionDenied
        try:
            page = make_draft(planned.pk, request.user)
        except DraftRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(f"{reverse('planning:calendar')}?month={planned.due_date:%Y-%m}")
        messages.success(request, _("Draft “%(title)s” made from the plan.") % {"title": page.title})
        return redirect("wagtailadmin_pages:edit", page.pk)


class FeedAddressView(View):
    """POST only: a new private feed address ("rotate"), or none ("revoke")."""

    http_method_names = ["post"]
    revoke = False

    def post(self, request):
        if self.revoke:
            CalendarFeedToken.objects.filter(user=request.user).delete()
            messages.success(request, _("Your calendar feed address no longer works."))
        else:
            CalendarFeedToken.rotate(request.user)
            messages.success(request, _("Your calendar feed has a new address; the old one no longer works."))
        return redirect("planning:calendar")
