"""What the public sends the Board: nominations of exemplars and units' reports of difficulties.

The plan asks units to report the difficulties they meet in carrying it out to the Department of
Home Affairs through the Board, and the Board looks for exemplars to introduce; both arrive through
form pages in the page tree (so they can be translated and put in menus) and are kept here.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.admin_search import FOLDED_TITLE_FIELDS, FoldedTitle
from core.forms import NewsroomPageForm
from core.visibility import ViewRestrictionsFromSnapshot
from exemplars.models import SubjectKind
from submissions.panels import StoryPanel
from units.page_permissions import NewsroomPagePermissions

# Field sizes, shared by the models and the public forms (which give the readable errors).
NAME_LENGTH = 200
ADDRESS_LENGTH = 255
PHONE_LENGTH = 20
SUBJECT_LENGTH = 200
LONG_TEXT_LENGTH = 5000
# The whole urlencoded body: every long field full of Vietnamese (up to 9 bytes a letter once
# percent-encoded) still fits; anything larger is not a person typing into this form.
MAX_BODY_BYTES = 128 * 1024


class NominationStatus(models.TextChoices):
    NEW = "new", _("New")
    REVIEWED = "reviewed", _("Reviewed")
    STORY = "story", _("Turned into a story")
    DECLINED = "declined", _("Declined")


class ReportStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in-progress", _("Being handled")
    RESOLVED = "resolved", _("Resolved")


class Submission(models.Model):
    """What every submission has: when it came, in which language, and the Board's notes; the
    version of the consent text the sender agreed to; when the Board closed it; when its personal
    data was erased (privacy/: retention and requests from a person, Decree 13/2023/NĐ-CP).

    Each kind declares its own personal data: ``personal_fields``, emptied when it is anonymised
    (the row stays, so counts by unit, field and status keep working), ``contact_fields``, the
    sender's name, email and phone (what a person's request is matched on and may correct), and
    ``closed_statuses``, the statuses after which its retention period runs.
    """

    personal_fields = ()
    contact_fields = {}
    closed_statuses = ()

    created_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)
    language_code = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, editable=False)
    board_notes = models.TextField(_("Board's notes"), blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=16, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False, db_index=True)
    anonymised_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @classmethod
    def retention_months(cls):
        """Months a closed submission of this kind keeps its personal data (SUBMISSIONS_RETENTION_MONTHS)."""
        return settings.SUBMISSIONS_RETENTION_MONTHS[cls._meta.label_lower]

    def save(self, *args, **kwargs):
        # The retention clock starts when the status becomes a closed one, and stops if it is reopened.
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "status" in update_fields:
            closed = self.status in self.closed_statuses
            self.closed_at = (self.closed_at or timezone.now()) if closed else None
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "closed_at"}
        super().save(*args, **kwargs)

    def anonymise(self, when=None):
        """Empty the personal fields and mark the row anonymised; it stays, for the counts."""
        for name in self.personal_fields:
            field = self._meta.get_field(name)
            setattr(self, name, None if field.null else "")
        self.anonymised_at = when or timezone.now()
        self.save(update_fields=[*self.personal_fields, "anonymised_at"])

    def display_name(self, value):
        return value or (_("(personal data erased)") if self.anonymised_at else "")


class NominationAdminForm(WagtailAdminModelForm):
    """The Board's form of a nomination: "turned into a story" comes with its story, which the
    nomination's two actions set (submissions/admin_views.py); a nomination already marked so
    before stories were linked keeps its status."""

    def clean_status(self):
        status = self.cleaned_data.get("status")
        was = self.instance.status if self.instance.pk else None
        if status == NominationStatus.STORY and self.instance.story_id is None and was != NominationStatus.STORY:
            raise ValidationError(
                _("Create a draft story or link an existing one: the status then changes by itself."),
                code="no_story",
            )
        return status


class Nomination(Submission):
    """A person, collective or household proposed as an exemplar (giới thiệu gương điển hình)."""

    base_form_class = NominationAdminForm

    nominee_name = models.CharField(_("nominee's name"), max_length=NAME_LENGTH)
    nominee_kind = models.CharField(
        _("nominee is"), max_length=16, choices=SubjectKind.choices, default=SubjectKind.INDIVIDUAL
    )
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nominations",
    )
    address = models.CharField(_("commune or address"), max_length=ADDRESS_LENGTH, blank=True)
    field = models.ForeignKey(
        "exemplars.Field",
        verbose_name=_("field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nominations",
    )
    achievements = models.TextField(_("achievements"))
    nominator_name = models.CharField(_("nominator's name"), max_length=NAME_LENGTH)
    nominator_phone = models.CharField(_("nominator's phone"), max_length=PHONE_LENGTH, blank=True)
    nominator_email = models.EmailField(_("nominator's email"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=NominationStatus.choices, default=NominationStatus.NEW, db_index=True
    )
    # The story the nomination became: set by the Board's "create a draft story" or "link to a story"
    # (submissions/story_drafts.py), never typed into the form.
    story = models.ForeignKey(
        "exemplars.ExemplarPage",
        verbose_name=_("story"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="nominations",
    )

    panels = [
        StoryPanel(heading=_("Story")),
        FieldPanel("status"),
        FieldPanel("board_notes"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("nominee_name"), FieldPanel("nominee_kind")]),
                FieldRowPanel([FieldPanel("unit"), FieldPanel("address")]),
                FieldPanel("field"),
                FieldPanel("achievements"),
            ],
            heading=_("Nominee"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("nominator_name"),
                FieldRowPanel([FieldPanel("nominator_phone"), FieldPanel("nominator_email")]),
            ],
            heading=_("Nominator"),
        ),
    ]

    personal_fields = (
        "nominee_name",
        "address",
        "achievements",
        "nominator_name",
        "nominator_phone",
        "nominator_email",
        "board_notes",
    )
    contact_fields = {"name": "nominator_name", "email": "nominator_email", "phone": "nominator_phone"}
    closed_statuses = (NominationStatus.STORY, NominationStatus.DECLINED)

    class Meta(Submission.Meta):
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")

    def __str__(self):
        return str(self.display_name(self.nominee_name))


class DifficultyReport(Submission):
    """A unit's report of a difficulty in carrying out the plan (phản ánh khó khăn, vướng mắc)."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="difficulty_reports"
    )
    reporter_name = models.CharField(_("reporter's name"), max_length=NAME_LENGTH)
    position = models.CharField(_("position"), max_length=NAME_LENGTH, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=PHONE_LENGTH, blank=True)
    subject = models.CharField(_("subject"), max_length=SUBJECT_LENGTH)
    description = models.TextField(_("description"))
    status = models.CharField(
        _("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.NEW, db_index=True
    )

    panels = [
        FieldPanel("status"),
        FieldPanel("board_notes"),
        MultiFieldPanel(
            [FieldPanel("unit"), FieldPanel("subject"), FieldPanel("description")],
            heading=_("Difficulty"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("reporter_name"), FieldPanel("position")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
            ],
            heading=_("Reporter"),
        ),
    ]

    # The subject and the description are about the unit's work and stay for the record.
    personal_fields = ("reporter_name", "position", "email", "phone", "board_notes")
    contact_fields = {"name": "reporter_name", "email": "email", "phone": "phone"}
    closed_statuses = (ReportStatus.RESOLVED,)

    class Meta(Submission.Meta):
        verbose_name = _("difficulty report")
        verbose_name_plural = _("difficulty reports")

    def __str__(self):
        return self.subject


class SubmissionFormPage(NewsroomPagePermissions, ViewRestrictionsFromSnapshot, RoutablePageMixin, FoldedTitle, Page):
    """A public form page: the form at the page's address, its thank-you at ``cam-on/``.

    Nothing here may be cached: each form carries a CSRF token, and the answers show what a
    reader typed (see submissions.views).
    """

    base_form_class = NewsroomPageForm
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, features=["bold", "italic", "link"], help_text=_("Shown after sending.")
    )

    search_fields = Page.search_fields + FOLDED_TITLE_FIELDS
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thank_you_text")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    # The Board, to which the forms write, adds, edits and publishes them (units.roles).
    board_publishes_here = True
    # Set by each page type; Wagtail gives every concrete page type its own default template.
    template = None
    rate_limit_group = None
    # The form each page type shows, and the views that answer at its address and at cam-on/
    # (``serve_form(page, request)``, ``serve_thanks(page, request)``), are given by
    # SubmissionsConfig.ready(): the forms and views build on the models above, so this module
    # cannot import them.
    form_class = None
    serve_form = None
    serve_thanks = None

    class Meta:
        abstract = True

    @path("")
    def form_view(self, request):
        return self.serve_form(request)

    @path("cam-on/", name="thanks")
    def thanks_view(self, request):
        return self.serve_thanks(request)

    def thanks_url(self):
        return self.url + self.reverse_subpage("thanks")


class NominationFormPage(SubmissionFormPage):
    """Giới thiệu gương điển hình: anyone may propose an exemplar to the Board."""

    rate_limit_group = "submissions.nomination"
    template = "submissions/form_page.html"

    class Meta:
        verbose_name = _("nomination form page")


class DifficultyReportFormPage(SubmissionFormPage):
    """Phản ánh khó khăn, vướng mắc: a unit tells the Board what stands in the plan's way."""

    rate_limit_group = "submissions.difficulty"
    template = "submissions/form_page.html"

    class Meta:
        verbose_name = _("difficulty report form page")
