"""No project string silently changes one of the framework's: the project's catalogue comes first
in LOCALE_PATHS, so a msgid it shares with Wagtail (or wagtailmedia, wagtail-localize, taggit,
django-filter) replaces the framework's Vietnamese in the admin too ("Pages" once read "Phân
trang", pagination, in the admin's sidebar). A project string that means something else takes a
context (pgettext); one the project overrides on purpose is listed here with why."""

from pathlib import Path

import polib

from cms.framework_catalogue import catalogue_path

PROJECT = Path(__file__).resolve().parents[2] / "locale" / "vi" / "LC_MESSAGES" / "django.po"
# (context, msgid): why the project's wording wins in the admin too.
OVERRIDES_ON_PURPOSE = {}


def test_no_project_string_shadows_a_framework_string_with_another_translation():
    framework = {
        (entry.msgctxt or None, entry.msgid): entry.msgstr
        for entry in polib.pofile(str(catalogue_path("django"))).translated_entries()
        if not entry.msgid_plural
    }
    shadowing = [
        f"{entry.msgid!r}: project {entry.msgstr!r}, framework {framework[key]!r}"
        for entry in polib.pofile(str(PROJECT)).translated_entries()
        for key in [(entry.msgctxt or None, entry.msgid)]
        if key in framework and framework[key] != entry.msgstr and key not in OVERRIDES_ON_PURPOSE
    ]
    assert shadowing == []
