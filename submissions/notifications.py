"""Emails to the Board about new submissions."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.mail import unique_addresses
from units.models import Unit, UnitKind
from units.roles import board_group

logger = logging.getLogger(__name__)


def board_recipients():
    """Active Board members with an email, the Board unit's contact addresses and
    SUBMISSIONS_NOTIFY_EMAILS, without repeats."""
    addresses = []
    group = board_group()
    if group is not None:
        addresses += group.user_set.filter(is_active=True).exclude(email="").values_list("email", flat=True)
    for unit in Unit.objects.filter(kind=UnitKind.BOARD):
        addresses += unit.emails
    addresses += settings.SUBMISSIONS_NOTIFY_EMAILS
    return unique_addresses(addresses)


def _admin_url(submission):
    name = f"wagtailsnippets_submissions_{submission._meta.model_name}:edit"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=[submission.pk])


def notify_board(submission):
    """Email the Board about ``submission`` in the site's language. Returns whether it was sent;
    a failure is logged, never raised: the submission is already stored."""
    recipients = board_recipients()
    if not recipients:
        logger.warning("No Board address to tell about %s %s", submission._meta.model_name, submission.pk)
        return False
    with translation.override(settings.LANGUAGE_CODE):
        if submission._meta.model_name == "nomination":
            subject = _("New exemplar nomination: %(name)s") % {"name": submission.nominee_name}
        else:
            subject = _("New difficulty report from %(unit)s: %(subject)s") % {
                "unit": submission.unit.name,
                "subject": submission.subject,
            }
        body = render_to_string(
            f"submissions/email/{submission._meta.model_name}.txt",
            {"submission": submission, "admin_url": _admin_url(submission)},
        )
    try:
        send_mail(" ".join(subject.split())[:200], body, None, recipients)
    except Exception:
        logger.exception("Could not email the Board about %s %s", submission._meta.model_name, submission.pk)
        return False
    return True
