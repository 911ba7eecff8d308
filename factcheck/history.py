"""What a fact-check link leaves in the story's History (Wagtail's page log), where the approvers
and the Board already read the workflow's steps and comments: who made or revoked a link, and
every comment with the checker's name. Wagtail's own comments need an account (and a field of the
page to hang on), which a checker has not; the log takes a name and a text."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.models import PageLogEntry

MADE = "factcheck.make"
REVOKED = "factcheck.revoke"
COMMENTED = "factcheck.comment"


def log_made(link, user):
    PageLogEntry.objects.log_action(
        link.page, MADE, user=user, revision=link.revision, data={"link": link.pk, "note": link.note}
    )


def log_revoked(link, user):
    PageLogEntry.objects.log_action(link.page, REVOKED, user=user, data={"link": link.pk, "note": link.note})


def log_comment(comment):
    link = comment.link
    PageLogEntry.objects.log_action(
        link.page,
        COMMENTED,
        revision=link.revision,
        data={"link": link.pk, "comment": comment.pk, "name": comment.name, "text": comment.text},
    )


class MadeFormatter(LogFormatter):
    label = _("Make a fact-check link")

    def format_message(self, log_entry):
        note = _data(log_entry, "note")
        if note:
            return gettext("Fact-check link made for %(whom)s") % {"whom": note}
        return gettext("Fact-check link made")


class RevokedFormatter(LogFormatter):
    label = _("Revoke a fact-check link")

    def format_message(self, log_entry):
        note = _data(log_entry, "note")
        if note:
            return gettext("Fact-check link for %(whom)s revoked") % {"whom": note}
        return gettext("Fact-check link revoked")


class CommentFormatter(LogFormatter):
    label = _("Fact-check comment")

    def format_message(self, log_entry):
        return gettext("Fact-check comment from %(name)s") % {"name": _data(log_entry, "name")}

    def format_comment(self, log_entry):
        return _data(log_entry, "text")


FORMATTERS = {MADE: MadeFormatter, REVOKED: RevokedFormatter, COMMENTED: CommentFormatter}


def _data(log_entry, key):
    data = log_entry.data if isinstance(log_entry.data, dict) else {}
    return str(data.get(key) or "")
