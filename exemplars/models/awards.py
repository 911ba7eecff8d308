"""What a story carries besides its text: the awards its subject received and the stories related to it."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import Orderable

from exemplars.models.pages import ExemplarPage
from exemplars.models.taxonomy import AwardType


class ExemplarAward(Orderable):
    page = ParentalKey(ExemplarPage, on_delete=models.CASCADE, related_name="awards")
    award_type = models.ForeignKey(AwardType, verbose_name=_("award type"), on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(1945), MaxValueValidator(2100)])
    awarded_by = models.CharField(_("awarding authority"), max_length=255, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=100, blank=True)

    panels = [
        FieldPanel("award_type"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("decision_number")]),
        FieldPanel("awarded_by"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def __str__(self):
        return f"{self.award_type} ({self.year})"


class ExemplarRelatedStory(Orderable):
    page = ParentalKey(ExemplarPage, on_delete=models.CASCADE, related_name="related_links")
    story = models.ForeignKey(ExemplarPage, verbose_name=_("story"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("story", page_type="exemplars.ExemplarPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related story")
        verbose_name_plural = _("related stories")
