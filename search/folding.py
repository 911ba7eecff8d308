"""Vietnamese text for search: the one folding function, and the word lists built from it.

``fold`` is used for slugs, for the search index and for queries, so whatever a reader types
(with or without diacritics, NFC or NFD, old or new tone placement) meets the same form.
"""

import re
import unicodedata

from django.utils.text import slugify

# đ/Đ carry no combining mark, so NFD cannot strip them; they need an explicit mapping.
_LETTER_MAP = str.maketrans({"đ": "d", "Đ": "D"})
_WHITESPACE = re.compile(r"\s+")
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
# Old-style placement puts the tone on the second vowel of an open "oa", "oe", "uy" ("hoá",
# "thuý"); the new style puts it on the first ("hóa", "thúy"). "qu" is a consonant, so "quý" stays.
_OLD_TONE = re.compile(rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONE_MARKS}])(?!\w)")


def fold(text):
    """Vietnamese text without diacritics, lower-cased: "Đảng bộ Hoá" -> "dang bo hoa"."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text).translate(_LETTER_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", stripped)).strip().lower()


def normalize(text):
    """Text kept with its diacritics but in one form: NFC, lower case, new-style tone placement."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text)).lower()
    return unicodedata.normalize("NFC", _OLD_TONE.sub(r"\1\3\2", decomposed))


def _split(text):
    """Runs of letters, marks and digits of any script (Khmer vowel signs included)."""
    found, current = [], []
    for ch in text:
        if unicodedata.category(ch)[0] in "LMN":
            current.append(ch)
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return found


def words(text):
    """The words of ``text``, normalized (diacritics kept)."""
    return _split(normalize(text))


def folded_words(text):
    """The words of ``text``, folded."""
    return _split(fold(text))


def slugify_vi(text, max_length=None):
    """An ASCII slug that keeps every Vietnamese letter: "Huyện Kế Sách" -> "huyen-ke-sach"."""
    slug = slugify(fold(text))
    return slug[:max_length].strip("-") if max_length else slug
