"""Text as the newsroom keeps and compares it: one Unicode form, words, folding, slugs, clean lines.

- ``nfc``: Vietnamese arrives composed (NFC) or decomposed (NFD, as some keyboards and macOS
  send it); stored and compared text is NFC, so the same name is the same string.
- ``fold`` is used for slugs, for the search index and for queries, so whatever a reader types
  (with or without diacritics, NFC or NFD, old or new tone placement) meets the same form.
- ``word_runs`` is the one notion of a word: a run of letters, marks and digits of any script
  (Khmer vowel signs included). The search index, queries and the highlighting of results all cut
  text with it, so a highlighted word is exactly a word the search matched.
- ``single_line`` and ``multiline`` take out the control characters nobody types on purpose. A
  control character (U+0000–U+001F, DEL, U+0080–U+009F) pasted into a public form shows as nothing
  or a box, and some of them cannot be written into an XLSX file at all (XML 1.0 forbids them), so
  one of them in a stored row would break the Board's exports. Only tabs and line breaks have a
  meaning in text, and only where the text may have several lines.

This module imports no app of ours: forms, seeding, search and exports of every app use it.
"""

import re
import unicodedata
from itertools import groupby

from django.utils.text import slugify

# đ/Đ carry no combining mark, so NFD cannot strip them; they need an explicit mapping.
_LETTER_MAP = str.maketrans({"đ": "d", "Đ": "D"})
_WHITESPACE = re.compile(r"\s+")
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
# Old-style placement puts the tone on the second vowel of an open "oa", "oe", "uy" ("hoá",
# "thuý"); the new style puts it on the first ("hóa", "thúy"). "qu" is a consonant, so "quý" stays.
_OLD_TONE = re.compile(rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONE_MARKS}])(?!\w)")

# Line breaks as browsers send them from a text area (CR LF), old Mac (CR) and NEL.
_LINE_BREAKS = re.compile(r"\r\n?|\x85")
# In a single line, a tab or a line break (as typed or pasted) separates words: it becomes a
# space, not nothing.
_SPACE_CONTROLS = re.compile(r"[\t\n\x0b\x0c]")
# What is left once lines are normalised: every C0 control but tab and LF, DEL, every C1 control.
_CONTROLS_BUT_TAB_AND_LF = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def nfc(value):
    """``value`` in NFC if it is text; anything else (None, a number, a chosen object) as it is."""
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def fold(text):
    """Vietnamese text without diacritics, lower-cased: "Đảng bộ Hoá" -> "dang bo hoa"."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text).translate(_LETTER_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WHITESPACE.sub(" ", nfc(stripped)).strip().lower()


def normalize(text):
    """Text kept with its diacritics but in one form: NFC, lower case, new-style tone placement."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text)).lower()
    return nfc(_OLD_TONE.sub(r"\1\3\2", decomposed))


def _is_word_character(ch):
    return unicodedata.category(ch)[0] in "LMN"


def word_runs(text):
    """``text`` cut into alternating runs of word characters and the rest, as ``(run, is_word)``;
    joined again, the runs are ``text`` exactly."""
    return [("".join(run), is_word) for is_word, run in groupby(text, key=_is_word_character)]


def split_words(text):
    """The words of ``text`` as they are written (see ``word_runs``)."""
    return [run for run, is_word in word_runs(text) if is_word]


def words(text):
    """The words of ``text``, normalized (diacritics kept)."""
    return split_words(normalize(text))


def folded_words(text):
    """The words of ``text``, folded."""
    return split_words(fold(text))


def slugify_vi(text, max_length=None):
    """An ASCII slug that keeps every Vietnamese letter: "Huyện Kế Sách" -> "huyen-ke-sach"."""
    slug = slugify(fold(text))
    return slug[:max_length].strip("-") if max_length else slug


def single_line(text):
    """``text`` for a one-line field: tabs and line breaks become spaces, other controls go."""
    return _CONTROLS_BUT_TAB_AND_LF.sub("", _SPACE_CONTROLS.sub(" ", _LINE_BREAKS.sub("\n", text)))


def multiline(text):
    """``text`` for a text area: line breaks become LF, tabs stay, other controls go."""
    return _CONTROLS_BUT_TAB_AND_LF.sub("", _LINE_BREAKS.sub("\n", text))
