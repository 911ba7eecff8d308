"""Fact-check links: a read-only preview of one revision of a story in moderation, for someone
without an account (the commune chairman, the exemplar themselves), with a comment box.

Only the SHA-256 of a link's token is stored: the link is shown once, to whoever makes it, and a
copy of the database (a backup, a report) opens nothing. Tokens come from ``secrets`` with 256 bits
of entropy, so a fast hash is enough: there is nothing to guess.
"""

import datetime
import hashlib
import re
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision

DEFAULT_DAYS = 7
MAX_DAYS = 30
TOKEN_BYTES = 32
# What secrets.token_urlsafe(32) gives: 43 characters of the URL-safe base64 alphabet.
TOKEN_FORMAT = re.compile(r"[A-Za-z0-9_-]{43}", re.ASCII)
NAME_MAX_LENGTH = 120
COMMENT_MAX_LENGTH = 2000


def hash_token(token):
    return hashlib.sha256(token.encode("ascii")).hexdigest()


class FactCheckLinkQuerySet(models.QuerySet):
    def for_token(self, token):
        """The link whose token is ``token``, or None (a malformed token is simply no link)."""
        if not isinstance(token, str) or not TOKEN_FORMAT.fullmatch(token):
            return None
        return self.select_related("page", "revision").filter(token_hash=hash_token(token)).first()


class FactCheckLink(models.Model):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="fact_check_links")
    # The revision the checker reads, whatever is edited after the link was made.
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    note = models.CharField(_("for whom"), max_length=NAME_MAX_LENGTH, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("made by")
    )
    created_at = models.DateTimeField(_("made at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_opened_at = models.DateTimeField(_("first opened at"), null=True, blank=True)
    open_count = models.PositiveIntegerField(_("times opened"), default=0)

    objects = FactCheckLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("fact-check link")
        verbose_name_plural = _("fact-check links")
        ordering = ["-created_at", "-pk"]

    @classmethod
    def make(cls, page, user, days=DEFAULT_DAYS, note=""):
        """A new link to the page's latest revision; returns ``(link, token)``: the token exists
        nowhere else once this returns."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        now = timezone.now()
        link = cls.objects.create(
            page=page,
            revision=page.get_latest_revision(),
            token_hash=hash_token(token),
            note=note,
            created_by=user,
            created_at=now,
            expires_at=now + datetime.timedelta(days=days),
        )
        return link, token

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self):
        return not self.is_revoked and not self.is_expired

    def revoke(self, user):
        self.revoked_at = timezone.now()
        self.revoked_by = user
        self.save(update_fields=["revoked_at", "revoked_by"])

    def record_opening(self):
        now = timezone.now()
        FactCheckLink.objects.filter(pk=self.pk, first_opened_at__isnull=True).update(first_opened_at=now)
        FactCheckLink.objects.filter(pk=self.pk).update(open_count=models.F("open_count") + 1)

    def __str__(self):
        return f"{self.page_id}:{self.pk}"


class FactCheckComment(models.Model):
    link = models.ForeignKey(FactCheckLink, on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(_("your name"), max_length=NAME_MAX_LENGTH)
    text = models.TextField(_("your comment"), max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("fact-check comment")
        verbose_name_plural = _("fact-check comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.name
