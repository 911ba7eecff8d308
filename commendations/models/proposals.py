"""Commendation proposals (đề nghị khen thưởng) and their supporting documents.

A proposal is made from a live story or a public nomination, by the Board or the approvers of the
story's unit, and moves proposed → sent to the council → decided or declined. Who and when at each
step are kept on the proposal (the dossier list and the listing show them) and in Wagtail's audit
log (its history view reads them). The rules live apart: what may happen in
commendations/proposals.py, who may do it in commendations/permissions.py, the award a decision
adds to the story in commendations/awarding.py.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from exemplars.models import AwardLevel


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("commendation proposal", "Proposed")
    SENT = "sent", _("Sent to the council")
    DECIDED = "decided", pgettext_lazy("commendation proposal", "Decided")
    DECLINED = "declined", pgettext_lazy("commendation proposal", "Declined")


def _user_field(verbose_name):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class CommendationProposal(ClusterableModel):
    """A proposal to honour the subject of a story or of a nomination with an award of the 2022 Law.

    Its form and panels are the admin's (commendations/admin/viewsets.py): what a user may choose
    there depends on who they are."""

    # Where it comes from: a story or a nomination, chosen when it is made and never changed.
    story = models.ForeignKey(
        "exemplars.ExemplarPage",
        verbose_name=_("story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commendation_proposals",
    )
    nomination = models.ForeignKey(
        "submissions.Nomination",
        verbose_name=_("nomination"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commendation_proposals",
    )
    # Copied from the source when the proposal is made: the dossier keeps them if the story goes.
    subject_name = models.CharField(_("name"), max_length=255, editable=False)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit of the nominee"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    award_type = models.ForeignKey(
        "exemplars.AwardType", verbose_name=_("award proposed"), on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField(
        _("level"),
        max_length=20,
        choices=AwardLevel.choices,
        blank=True,
        help_text=_("Left empty, the level of the award type."),
    )
    proposing_unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("proposing unit"),
        on_delete=models.PROTECT,
        related_name="commendation_proposals",
    )
    reason = models.TextField(_("achievements summary"), max_length=4000)
    status = models.CharField(
        _("status"), max_length=16, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED, db_index=True
    )
    proposed_by = _user_field(_("proposed by"))
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now, editable=False, db_index=True)
    sent_by = _user_field(_("sent by"))
    sent_at = models.DateTimeField(_("sent to the council at"), null=True, blank=True, editable=False)
    closed_by = _user_field(_("decision recorded by"))
    closed_at = models.DateTimeField(_("decision recorded at"), null=True, blank=True, editable=False)
    decision_number = models.CharField(_("decision number"), max_length=100, blank=True, editable=False)
    decision_date = models.DateField(_("decision date"), null=True, blank=True, editable=False)
    decision_signer = models.CharField(_("signed by"), max_length=255, blank=True, editable=False)
    awarded_by = models.CharField(_("awarding authority"), max_length=255, blank=True, editable=False)
    decline_reason = models.TextField(_("reason for declining"), blank=True, editable=False)
    # The story's revision that added the award, published by whoever recorded the decision.
    award_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision adding the award"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("commendation proposal")
        verbose_name_plural = _("commendation proposals")

    def __str__(self):
        return f"{self.subject_name}: {self.award_type}" if self.award_type_id else self.subject_name

    def save(self, *args, **kwargs):
        if not self.level and self.award_type_id:
            self.level = self.award_type.level
        super().save(*args, **kwargs)

    @property
    def decision_summary(self):
        """The decision as a dossier list writes it: number, date, signer; empty before one."""
        if self.status != ProposalStatus.DECIDED:
            return ""
        date = self.decision_date.strftime("%d/%m/%Y") if self.decision_date else ""
        return ", ".join(part for part in (self.decision_number, date, self.decision_signer) if part)


class ProposalDocument(Orderable):
    """A supporting document of a proposal (a report of achievements, a unit's letter)."""

    proposal = ParentalKey(CommendationProposal, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("supporting document")
        verbose_name_plural = _("supporting documents")
