"""Which strings of an admin page are English interface text (issue 19, item 3).

A string read off a page is *English interface text* when, compared case-insensitively without
punctuation and numbers, it is the English msgid of one of the catalogues the admin uses (the
project's, locale/framework/ and Django's own) whose Vietnamese differs, or when it is made only of
ASCII words and holds at least two words of a short English stop list. Content is Vietnamese, so
neither rule catches it; the few proper nouns that would be caught are on ALLOWED.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import django
import polib

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = [
    ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po",
    ROOT / "locale" / "framework" / "vi" / "LC_MESSAGES" / "django.po",
    ROOT / "locale" / "framework" / "vi" / "LC_MESSAGES" / "djangojs.po",
]
DJANGO_ROOT = Path(django.__file__).resolve().parent
# Django's catalogues for what renders in the admin: its core (forms, dates) and the contrib apps in use.
DJANGO_APPS = ["conf", "contrib/auth", "contrib/contenttypes", "contrib/admin", "contrib/humanize"]
STOP_WORDS = frozenset(
    {
        "the",
        "and",
        "of",
        "to",
        "this",
        "that",
        "with",
        "for",
        "your",
        "you",
        "are",
        "is",
        "not",
        "no",
        "all",
        "add",
        "edit",
        "delete",
        "choose",
        "save",
        "page",
        "pages",
        "search",
        "filter",
        "more",
        "actions",
        "in",
        "on",
        "by",
        "or",
        "be",
        "has",
        "have",
        "was",
        "were",
        "an",
        "a",
        "it",
        "its",
        "from",
        "as",
        "at",
        "if",
        "there",
        "these",
        "can",
        "cannot",
        "will",
        "been",
        "new",
        "view",
        "select",
        "upload",
        "create",
        "show",
        "hide",
        "items",
        "item",
    }
)
# Strings a Vietnamese admin shows as they are: names of products, formats and people.
ALLOWED = frozenset({"wagtail", "ok", "id", "url", "pdf", "email", "html", "json", "csv", "xlsx", "rss"})
# Content that reads as English on purpose: the English locale's own name (languages are named in
# their own language everywhere), the English site's home page, an address the guide quotes.
ALLOWED_TEXTS = frozenset({"English", "Sóc Trăng advanced exemplars", "/admin/"})
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


def normalize(text):
    """``text`` case-folded, in NFC, without punctuation, symbols, numbers or placeholders."""
    text = PLACEHOLDER.sub(" ", unicodedata.normalize("NFC", text))
    kept = "".join(" " if unicodedata.category(char)[0] in "PSNZC" else char for char in text)
    return " ".join(kept.casefold().split())


@dataclass(frozen=True)
class Vocabulary:
    """The catalogues as normalized text: each English msgid with its Vietnamese, and every Vietnamese."""

    english: dict
    vietnamese: frozenset


def entries():
    for path in CATALOGUES:
        yield from polib.pofile(str(path))
    for app in DJANGO_APPS:
        for domain in ("django", "djangojs"):
            path = DJANGO_ROOT / app / "locale" / "vi" / "LC_MESSAGES" / f"{domain}.po"
            if path.exists():
                yield from polib.pofile(str(path))


@cache
def vocabulary():
    english, vietnamese = {}, set()
    for entry in entries():
        if entry.obsolete or not entry.msgid:
            continue
        translations = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        translated = {normalize(text) for text in translations if text}
        vietnamese |= translated
        for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
            english.setdefault(normalize(msgid), set()).update(translated)
    english.pop("", None)
    vietnamese.discard("")
    return Vocabulary(english, frozenset(vietnamese))


def is_english(text):
    """Whether ``text`` (one string read off an admin page) is English interface text."""
    key = normalize(text)
    # One letter left once numbers are gone ("T12/2026" is Vietnamese for December 2026) says nothing.
    if len(key) < 2 or key in ALLOWED or text.strip() in ALLOWED_TEXTS:
        return False
    words = key.split()
    if all(word in ALLOWED for word in words):
        return False
    known = vocabulary().english.get(key)
    if known is not None and key not in known:
        return True
    if not key.isascii():
        return False
    return sum(word in STOP_WORDS for word in words) >= 2


def is_vietnamese_interface(text):
    """Whether ``text`` is the Vietnamese of one of the catalogues' messages."""
    return normalize(text) in vocabulary().vietnamese
