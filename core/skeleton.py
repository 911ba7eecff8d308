"""The page tree's skeleton: the pages ``setup_newsroom`` makes once and translates.

Each app declares its own skeleton page (its index under the home page) with the Vietnamese text
it is created with and the text its translations get; the setup command puts them in order.
"""

from dataclasses import dataclass

from django.utils import translation


@dataclass(frozen=True)
class SkeletonPage:
    """A page made once under its parent, live and in the menus, with a title and an introduction
    in Vietnamese; its translations take ``translated_title`` and ``translated_intro`` (gettext,
    English source) in their own language."""

    page_type: type
    slug: str
    title: str
    intro: str
    translated_title: str
    translated_intro: str

    def ensure_under(self, parent, tally):
        """The page under ``parent``, created if missing; an existing one is left as editors made it."""
        existing = self.page_type.objects.child_of(parent).filter(slug=self.slug).first()
        if existing:
            tally.record("pages", "unchanged")
            return existing
        page = self.page_type(
            slug=self.slug, locale=parent.locale, show_in_menus=True, title=self.title, intro=self.intro
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
        tally.record("pages", "created")
        return page

    def retitle(self, translated):
        """Give a fresh translation the skeleton's text (called in the translation's language)."""
        translated.title, translated.intro = str(self.translated_title), str(self.translated_intro)


def ensure_translation(page, locale, tally, retitle):
    """The live translation of ``page`` into ``locale``; a missing one is copied from ``page``,
    given its text by ``retitle(translation)`` in that language, and published."""
    existing = page.get_translations().filter(locale=locale).first()
    if existing:
        tally.record("translated pages", "unchanged")
        return existing.specific
    translated = page.copy_for_translation(locale)
    with translation.override(locale.language_code):
        retitle(translated)
    translated.save_revision().publish()
    tally.record("translated pages", "created")
    return translated
