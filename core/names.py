"""Names readers of Khmer and English see: one mechanism for every kind of named reference data.

Fields, award types, emulation blocs and units are the same thing everywhere: one row, counted,
filtered and linked by the Vietnamese original, with a name for readers of each other language of
the site where one is given. They keep those names in columns of their own row (``name_km``,
``name_en``) rather than as wagtail-localize translations (rows per language), because:

- units and blocs are what every count and permission is keyed on; a row per language would make
  every query of the contribution engine, the roles and the reports pick a language first;
- a translated story keeps its Vietnamese fields and award types (wagtail-localize copies a page's
  relations as they are), so rows per language meant a lookup per object per request to show the
  Khmer name; a column costs nothing;
- a filter's value (a field's slug) is then the same in all three languages.

Vietnamese is the fallback: an empty name shows the Vietnamese one. Translators fill their
language's column in one form (units.names_admin); the Board may fill both.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.text import nfc

# The site's languages other than Vietnamese, each with the column its names are kept in.
NAME_COLUMNS = {"km": "name_km", "en": "name_en"}


def _language(language_code):
    return (language_code or settings.LANGUAGE_CODE)[:2]


def name_column(language_code=None):
    """The column holding names for readers of ``language_code`` (the active language by default);
    "name" for Vietnamese. Callers reading ``values()`` fall back to "name" where it is empty."""
    return NAME_COLUMNS.get(_language(language_code or translation.get_language()), "name")


class NamedInLanguages(models.Model):
    """An abstract base for reference data with a Vietnamese ``name`` and names in Khmer and English."""

    name_km = models.CharField(_("name in Khmer"), max_length=255, blank=True)
    name_en = models.CharField(_("name in English"), max_length=255, blank=True)

    class Meta:
        abstract = True

    def name_in(self, language_code):
        """The name for readers of ``language_code``, falling back to the Vietnamese name."""
        column = NAME_COLUMNS.get(_language(language_code))
        return (getattr(self, column) if column else "") or self.name

    @property
    def localized_name(self):
        """The name in the active language (a public page's language), where one is given."""
        return self.name_in(translation.get_language())


def shown_name(obj):
    """What a list offered to readers calls ``obj``: its name in their language where it has names
    in other languages, else its own text (a page's title is already in the page's language)."""
    return obj.localized_name if isinstance(obj, NamedInLanguages) else str(obj)


def seed_names(obj, item):
    """Give ``obj`` the Khmer and English names of a data file's ``item`` where it has none yet.

    Only where empty: once seeded, the names are the translators' and the Board's to change in the
    admin (units.names_admin), and running the setup again must not undo their work.
    """
    missing = {
        column: nfc(str(item.get(column) or "")).strip() for column in NAME_COLUMNS.values() if not getattr(obj, column)
    }
    missing = {column: value for column, value in missing.items() if value}
    for column, value in missing.items():
        setattr(obj, column, value)
    if missing:
        obj.save(update_fields=list(missing))
    return obj


class NameChoiceField(forms.ModelChoiceField):
    """A list of named rows labelled in the reader's language."""

    def label_from_instance(self, obj):
        return shown_name(obj)
