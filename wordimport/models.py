"""The original Word file of an imported draft, kept with the draft's first revision."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WordImport(models.Model):
    """A page drafted from a Word file: the file as uploaded (a private document in the unit's
    collection, shown to the unit's staff and the Board only, units/private_documents.py) and the
    revision the import wrote, which the page's history names as the import."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="word_imports"
    )
    revision = models.OneToOneField(
        "wagtailcore.Revision",
        verbose_name=_("first revision"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="word_import",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("original Word file"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file_name = models.CharField(_("file name"), max_length=255)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("imported by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("Word import")
        verbose_name_plural = _("Word imports")
        ordering = ["-imported_at", "-pk"]

    def __str__(self):
        return self.file_name
