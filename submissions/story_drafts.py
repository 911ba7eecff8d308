"""A nomination becomes a story: the Board drafts one in a unit's section, or links one that exists.

The draft is the unit's to write, so it is never published here: it starts from what the reader
sent (the nominee's name and kind, the address, the field, the achievements as the body and the
first sentences as the summary), in the section of the unit the Board chooses (only sections of
active contributing units, in the default locale). Its page history says the Board member created
it. The nomination then names the story and says "turned into a story", and the unit's
contributors and approvers are told by email (core.mail queues it with the action's transaction).

Both actions are logged on the nomination in Wagtail's audit log (``DRAFTED``, ``LINKED``; their
labels are registered in submissions/wagtail_hooks.py), so its history says who did what and when.
"""

import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.rich_text import RichText

from core.mail import unique_addresses
from core.pages import free_child_slug
from core.text import multiline, nfc, single_line
from exemplars.models import ExemplarPage, UnitSectionPage
from submissions.models import Nomination, NominationStatus
from units.models import Unit
from units.page_permissions import may_add_page_type
from units.roles import CONTRIBUTING_ROLES, members_of

logger = logging.getLogger(__name__)

DRAFTED = "newsroom.nomination.draft_story"
LINKED = "newsroom.nomination.link_story"

TITLE_LENGTH = 255
SUMMARY_LENGTH = 500  # ExemplarPage.summary's limit
# The end of a sentence: its stop (with any closing quote or bracket), then a space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")


class StoryRefused(Exception):
    """The action cannot be done; ``str()`` says why, for the Board."""


class AlreadyLinked(StoryRefused):
    """The nomination already has a story (``story``), which the Board may open instead."""

    def __init__(self, story):
        super().__init__(_("This nomination already has a story: %(title)s.") % {"title": story.title})
        self.story = story


@dataclass(frozen=True)
class Outcome:
    """What an action did: the nomination's story, and how many people were emailed about it
    (None: the email could not be queued)."""

    story: ExemplarPage
    notified: int | None


# What goes into the draft ----------------------------------------------------------------------


def sections_for_drafts():
    """The sections a draft may go to: those of active contributing units, in the default locale."""
    units = Unit.objects.contributing().active()
    return (
        UnitSectionPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE, unit__in=units)
        .select_related("unit")
        .order_by("unit__name")
    )


def default_section(nomination):
    """The nominated unit's section, if drafts may go there."""
    if nomination.unit_id is None:
        return None
    return sections_for_drafts().filter(unit_id=nomination.unit_id).first()


def draft_title(nomination):
    """The draft's first title: the nominee's name (the unit writes a better one)."""
    return nfc(single_line(nomination.nominee_name)).strip()[:TITLE_LENGTH]


def paragraphs(text):
    """The non-empty lines of ``text``, in NFC, each one paragraph."""
    return [line.strip() for line in nfc(multiline(text or "")).split("\n") if line.strip()]


def summary_of(text, limit=SUMMARY_LENGTH):
    """The first sentences of ``text`` that fit in ``limit`` characters; a first sentence longer than
    that is cut at a word and ends with "…"."""
    flat = " ".join(paragraphs(text))
    if len(flat) <= limit:
        return flat
    summary = ""
    for sentence in _SENTENCE_END.split(flat):
        candidate = f"{summary} {sentence}".strip()
        if len(candidate) > limit:
            break
        summary = candidate
    if summary:
        return summary
    cut = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}…"


def body_of(text):
    """The achievements as StoryBodyBlock paragraphs, escaped (a reader's text is never HTML)."""
    return [("paragraph", RichText(f"<p>{escape(line)}</p>")) for line in paragraphs(text)]


def story_field(nomination):
    """The nomination's field (one row per field in every language: core/names.py)."""
    return nomination.field


def _one_line(text, field_name):
    """``text`` as the story's one-line field ``field_name`` holds it: NFC, clean, not too long."""
    return nfc(single_line(text or "")).strip()[: ExemplarPage._meta.get_field(field_name).max_length]


def build_draft(nomination, section, user, title=None):
    """The unsaved draft page for ``nomination`` under ``section``, owned by ``user``."""
    title = nfc(single_line(title or "")).strip()[:TITLE_LENGTH] or draft_title(nomination)
    page = ExemplarPage(
        title=title,
        slug=free_child_slug(section, title, "guong-dien-hinh"),
        subject_name=_one_line(nomination.nominee_name, "subject_name"),
        subject_kind=nomination.nominee_kind,
        locality=_one_line(nomination.address, "locality"),
        summary=summary_of(nomination.achievements),
        body=body_of(nomination.achievements),
        owner=user,
        live=False,
        locale=section.locale,
    )
    field = story_field(nomination)
    if field is not None:
        page.fields = [field]
    return page


# The actions ------------------------------------------------------------------------------------


def _locked(nomination):
    """The nomination, locked for this transaction: two Board members acting at once make one story."""
    locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if locked.story_id is not None:
        raise AlreadyLinked(ExemplarPage.objects.get(pk=locked.story_id))
    return locked


@transaction.atomic
def create_draft_story(nomination, section, user, title=None):
    """Draft a story from ``nomination`` in ``section`` as ``user`` (never published), link it, log
    it and tell the unit. Raises PermissionDenied if ``user`` may not add a story there, and
    StoryRefused if the section is not a unit section or the nomination already has a story."""
    if not isinstance(section, UnitSectionPage):
        raise StoryRefused(_("A story can only be drafted in a unit's section."))
    if not may_add_page_type(section, user, ExemplarPage):
        raise PermissionDenied
    nomination = _locked(nomination)
    page = build_draft(nomination, section, user, title)
    # add_child logs the page's "created" entry in the owner's name; the revision logs its edit.
    section.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    _link(nomination, page, user, DRAFTED, section)
    return Outcome(page, notify_unit(page, nomination))


@transaction.atomic
def link_story(nomination, story, user):
    """Link ``nomination`` to the existing ``story`` as ``user`` and log it. Raises StoryRefused if
    the nomination already has a story or ``story`` is not an exemplar story."""
    if not isinstance(story, ExemplarPage):
        raise StoryRefused(_("Only an exemplar story can be linked to a nomination."))
    nomination = _locked(nomination)
    _link(nomination, story, user, LINKED, None)
    return Outcome(story, 0)


def _link(nomination, story, user, action, section):
    nomination.story = story
    nomination.status = NominationStatus.STORY
    nomination.save(update_fields=["story", "status"])
    data = {"story": {"id": story.pk, "title": story.title}}
    if section is not None:
        data["section"] = {"id": section.pk, "title": section.title}
    log(instance=nomination, action=action, user=user, data=data)


# Telling the unit -------------------------------------------------------------------------------


def recipients_for(unit):
    """The unit's active contributors and approvers with an email address, each once."""
    return unique_addresses([user.email for user in members_of(unit, CONTRIBUTING_ROLES)])


def notification(story, nomination, recipients):
    """The email to the unit about its new draft, in the site's language."""
    context = {
        "story": story,
        "nomination": nomination,
        "edit_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[story.pk]),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New draft story for your unit: %(title)s") % {"title": story.title}
        body = render_to_string("submissions/email/draft_story.txt", context)
    subject = " ".join(subject.split())[:200]  # one line, whatever the title holds
    return EmailMessage(subject, body.strip() + "\n", settings.DEFAULT_FROM_EMAIL, recipients)


def notify_unit(story, nomination):
    """Email the story's unit about its draft; returns how many addresses it went to (0: nobody to
    tell), or None if the email could not be queued (logged: the draft stays)."""
    if story.unit_id is None:
        return 0
    recipients = recipients_for(story.unit)
    if not recipients:
        return 0
    try:
        notification(story, nomination, recipients).send()
    except Exception:
        logger.exception("Could not email unit %s about the draft story %s", story.unit_id, story.pk)
        return None
    return len(recipients)
