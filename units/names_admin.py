"""Names in other languages: one form where translators give the Khmer or English names of the
fields, award types, emulation blocs and units (core/names.py), and the Board both.

One page lists every named row with its Vietnamese name beside the inputs of the languages the
user may write: a translator sees and sends their own language's column only, whatever a forged
form carries. Rows are changed with ``save()`` so that the page cache hears of it (they are shown
on public pages). A name that is too long is shown back with what to fix, the rest of what was
typed kept; nothing is saved until every name is right.

The named models are found through the app registry (subclasses of core.names.NamedInLanguages).
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from core.names import NAME_COLUMNS, NamedInLanguages
from core.text import nfc, single_line
from units.roles import acts_as_board, translator_languages

# In a sentence ("Name in Khmer"), so with a context: Django's own "Khmer" is a language list's label.
LANGUAGE_LABELS = {"km": pgettext_lazy("in a sentence", "Khmer"), "en": pgettext_lazy("in a sentence", "English")}
MAX_LENGTH = 255


def languages_for(user):
    """The languages whose names ``user`` may write: the Board's and a superuser's all, a
    translator's their own, anyone else's none."""
    if acts_as_board(user):
        return list(NAME_COLUMNS)
    return [language for language in NAME_COLUMNS if language in translator_languages(user)]


def named_models():
    return [model for model in apps.get_models() if issubclass(model, NamedInLanguages)]


@dataclass
class NameInput:
    language: str
    name: str  # the form field's name
    value: str
    error: str = ""


@dataclass
class NamedRow:
    obj: object
    inputs: list


def input_name(obj, language):
    return f"{obj._meta.label_lower}:{obj.pk}:{language}"


def clean_name(value):
    return single_line(nfc(value or "")).strip()


class NamesView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "units/names.html"
    page_title = _("Names in other languages")
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        self.languages = languages_for(request.user) if request.user.is_authenticated else []
        if not self.languages:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": self.page_title}]

    def sections(self, submitted=None):
        """``[(model's plural name, [NamedRow])]``; ``submitted`` holds the values typed, if any."""
        sections = []
        for model in named_models():
            rows = []
            for obj in model.objects.order_by(*model._meta.ordering or ["pk"]):
                inputs = []
                for language in self.languages:
                    name = input_name(obj, language)
                    stored = getattr(obj, NAME_COLUMNS[language])
                    value = submitted.get(name, stored) if submitted is not None else stored
                    inputs.append(NameInput(language, name, value))
                rows.append(NamedRow(obj, inputs))
            sections.append((model._meta.verbose_name_plural, rows))
        return sections

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("sections", self.sections())
        context["languages"] = [(language, LANGUAGE_LABELS[language]) for language in self.languages]
        return context

    def post(self, request, *args, **kwargs):
        submitted = {key: clean_name(value) for key, value in request.POST.items() if key.count(":") == 2}
        sections = self.sections(submitted)
        errors = 0
        for _label, rows in sections:
            for row in rows:
                for name_input in row.inputs:
                    if len(name_input.value) > MAX_LENGTH:
                        name_input.error = _("At most %(n)d characters.") % {"n": MAX_LENGTH}
                        errors += 1
        if errors:
            messages.error(request, _("Some names are too long. Nothing was saved: please shorten them."))
            return self.render_to_response(self.get_context_data(sections=sections))
        changed = save_names(sections)
        messages.success(
            request,
            ngettext("%(n)d name saved.", "%(n)d names saved.", changed) % {"n": changed}
            if changed
            else _("No name was changed."),
        )
        return redirect("names_in_languages")


@transaction.atomic
def save_names(sections):
    """Save the rows whose names changed; the number of names changed."""
    changed = 0
    for _label, rows in sections:
        for row in rows:
            columns = []
            for name_input in row.inputs:
                column = NAME_COLUMNS[name_input.language]
                if getattr(row.obj, column) != name_input.value:
                    setattr(row.obj, column, name_input.value)
                    columns.append(column)
            if columns:
                row.obj.save(update_fields=columns)
                changed += len(columns)
    return changed


class NamesMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(languages_for(request.user))


@hooks.register("register_admin_urls")
def register_names_url():
    return [path("ten-goi/", NamesView.as_view(), name="names_in_languages")]


@hooks.register("register_admin_menu_item")
def register_names_menu_item():
    return NamesMenuItem(_("Names in other languages"), reverse("names_in_languages"), icon_name="globe", order=210)
