"""What the editorial calendar keeps: the stories units and outlets plan, and each user's private
address for the calendar feed on their phone."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

TOKEN_BYTES = 32


class PlannedStoryQuerySet(models.QuerySet):
    def not_converted(self):
        return self.filter(converted_page__isnull=True)

    def due_between(self, start, end):
        return self.filter(due_date__gte=start, due_date__lte=end)


class PlannedStory(models.Model):
    """A story a unit means to write, or an outlet's planned column issue (kế hoạch bài viết): it
    becomes a draft in its unit's section (or the outlet's column) with one click."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="planned_stories"
    )
    title_idea = models.CharField(
        _("title idea"), max_length=255, help_text=_("The working title; the draft starts with it.")
    )
    due_date = models.DateField(pgettext_lazy("planned story", "due date"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="planned_stories",
    )
    # For an outlet: the column the issue is planned for. Any page type that takes drafted pages
    # below it and is not a unit's boundary page (planning/drafting.py); checked by the form.
    column = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("column"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For a media outlet: the column the issue is planned for."),
    )
    notes = models.TextField(_("notes"), blank=True)
    converted_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("draft"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PlannedStoryQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("planned story")
        verbose_name_plural = _("planned stories")

    def __str__(self):
        return self.title_idea

    @property
    def is_converted(self):
        return self.converted_page_id is not None


def new_token():
    return secrets.token_urlsafe(TOKEN_BYTES)


class CalendarFeedToken(models.Model):
    """The secret in a user's calendar feed address; rotating it makes the old address answer 404."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed_token")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar feed address")
        verbose_name_plural = _("calendar feed addresses")

    def __str__(self):
        return str(self.user)

    @classmethod
    def rotate(cls, user):
        """A new secret for ``user`` (the old address stops working at once)."""
        token, _created = cls.objects.update_or_create(user=user, defaults={"token": new_token()})
        return token
