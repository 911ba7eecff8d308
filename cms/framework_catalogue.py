"""The Vietnamese of the framework's admin strings, kept in locale/framework/vi/.

Wagtail's own Vietnamese catalogue covers about a fifth of its strings, wagtailmedia and
django-filter have none, and the units' staff work in the admin every day: the project ships the
Vietnamese of every message of the packages listed in PACKAGES, in the terms of
docs/admin-glossary.md. Each package's English catalogue (django-filter has none: its French one)
lists its messages.

Run ``python -m cms.framework_catalogue`` after upgrading one of them: messages it gained are added
untranslated (tests/cms/test_framework_catalogue.py then fails until a translator fills them in),
messages it lost are marked obsolete. It prints what it changed.
"""

import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale" / "framework"
# (package, the language whose catalogue lists the package's messages)
PACKAGES = [
    ("wagtail", "en"),
    ("wagtailmedia", "en"),
    ("wagtail_localize", "en"),
    ("taggit", "en"),
    ("django_filters", "fr"),
]
DOMAINS = ("django", "djangojs")


@dataclass(frozen=True)
class Message:
    msgctxt: str | None
    msgid: str
    msgid_plural: str
    package: str


def framework_messages(domain):
    """Every message of the installed PACKAGES in ``domain``, keyed by (context, msgid)."""
    messages = {}
    for package, language in PACKAGES:
        root = Path(importlib.util.find_spec(package).submodule_search_locations[0])
        for path in sorted(root.glob(f"**/locale/{language}/LC_MESSAGES/{domain}.po")):
            source = str(path.parents[3].relative_to(root.parent))
            for entry in polib.pofile(str(path)):
                if entry.obsolete or not entry.msgid:
                    continue
                key = (entry.msgctxt or None, entry.msgid)
                messages.setdefault(key, Message(key[0], entry.msgid, entry.msgid_plural or "", source))
    return messages


def catalogue_path(domain, language="vi"):
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def refresh(domain, language="vi"):
    """Add the messages the catalogue lacks, mark obsolete those no package has; returns (added, obsolete)."""
    path = catalogue_path(domain, language)
    catalogue = polib.pofile(str(path), wrapwidth=100)
    messages = framework_messages(domain)
    known = {(entry.msgctxt or None, entry.msgid) for entry in catalogue if not entry.obsolete}
    added = [message for key, message in messages.items() if key not in known]
    for message in added:
        entry = polib.POEntry(msgid=message.msgid, msgctxt=message.msgctxt, comment=message.package)
        if message.msgid_plural:
            entry.msgid_plural, entry.msgstr_plural = message.msgid_plural, {0: ""}
        catalogue.append(entry)
    gone = [entry for entry in catalogue if not entry.obsolete and (entry.msgctxt or None, entry.msgid) not in messages]
    for entry in gone:
        entry.obsolete = True
    catalogue.save(str(path))
    return len(added), len(gone)


def main():
    for domain in DOMAINS:
        added, gone = refresh(domain)
        print(f"{catalogue_path(domain)}: {added} messages added (to translate), {gone} marked obsolete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
