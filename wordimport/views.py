"""The admin's "New from a Word file" under a unit's page (a section, a column): a form with one
file, and the draft's editor afterwards, with what it still lacks in the message and on the form.

Whoever may not add the page type there (another unit's staff forging the address or the form)
gets a plain 403 before the file is read; a file that cannot be imported is a form error (400)
that says why and leaves nothing stored (wordimport.drafts).
"""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.defaults import permission_denied
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from wordimport.drafts import import_word_file, importable_page_type, unit_of
from wordimport.reader import WordFileRefused

DOCX_TYPES = ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class WordFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Word file (.docx)"),
        widget=forms.ClearableFileInput(attrs={"accept": DOCX_TYPES}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = format_lazy(
            gettext_lazy("At most {size}. Headings, paragraphs, lists, tables, quotes and pictures are kept."),
            size=filesizeformat(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE),
        )


class NewFromWordView(WagtailAdminTemplateMixin, FormView):
    template_name = "wordimport/new_from_word.html"
    form_class = WordFileForm
    header_icon = "doc-full-inverse"

    def dispatch(self, request, parent_id):
        self.parent = get_object_or_404(Page, pk=parent_id).specific
        self.page_type = importable_page_type(self.parent, request.user)
        if self.page_type is None or unit_of(self.parent) is None:
            # Nobody without the right to add here sees the button: whoever comes forged the address.
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, parent_id=parent_id)

    def get_page_title(self):
        return _("New %(page_type)s from a Word file") % {"page_type": self.page_type._meta.verbose_name}

    def get_page_subtitle(self):
        return self.parent.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailadmin_explore", args=[self.parent.pk]), "label": self.parent.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        label = _("Create the draft")
        context.update(
            parent=self.parent,
            page_type_name=self.page_type._meta.verbose_name,
            action_url=reverse("wordimport:new", args=[self.parent.pk]),
            submit_button_label=label,
            submit_button_active_label=_("Reading the file…"),
            form_is_multipart=True,
        )
        return context

    def form_valid(self, form):
        try:
            outcome = import_word_file(self.parent, form.cleaned_data["file"], self.request.user)
        except WordFileRefused as refusal:
            form.add_error("file", str(refusal))
            return self.form_invalid(form)
        except PermissionDenied as denied:
            return permission_denied(self.request, denied)
        report_outcome(self.request, outcome)
        return redirect("wagtailadmin_pages:edit", outcome.page.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


def report_outcome(request, outcome):
    """What the writer reads on the draft's editor: what is still to add, and the file kept."""
    names = {"title": outcome.page.title, "missing": ", ".join(outcome.missing)}
    text = _("Draft “%(title)s” created from the Word file.") % names
    if outcome.missing:
        text += " " + _("Still to fill in, marked below: %(missing)s.") % names
    if outcome.pictures:
        text += " " + ngettext(
            "%(count)s picture needs its alt text (what it shows, for readers who cannot see it).",
            "%(count)s pictures need their alt text (what they show, for readers who cannot see them).",
            outcome.pictures,
        ) % {"count": outcome.pictures}
    document = outcome.word_import.document
    buttons = [messages.button(document.url, _("Original Word file"))] if document else []
    messages.success(request, text, buttons=buttons)
    if outcome.skipped_pictures:
        messages.warning(
            request,
            ngettext(
                "%(count)s picture of the file was left out: it is not a photo in a format browsers show "
                "(JPEG, PNG, GIF or WebP). Add it again from the image library.",
                "%(count)s pictures of the file were left out: they are not photos in a format browsers show "
                "(JPEG, PNG, GIF or WebP). Add them again from the image library.",
                outcome.skipped_pictures,
            )
            % {"count": outcome.skipped_pictures},
        )
