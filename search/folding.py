"""The one accent-folding function: used for slugs, for the search index and for queries."""

import re
import unicodedata

from django.utils.text import slugify

# đ/Đ carry no combining mark, so NFD cannot strip them; they need an explicit mapping.
_LETTER_MAP = str.maketrans({"đ": "d", "Đ": "D"})
_WHITESPACE = re.compile(r"\s+")


def fold(text):
    """Vietnamese text without diacritics, lower-cased: "Đảng bộ Hoá" -> "dang bo hoa".

    Works on NFC or NFD input and on old or new tone placement, since every mark is removed.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text).translate(_LETTER_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", stripped)).strip().lower()


def slugify_vi(text, max_length=None):
    """An ASCII slug that keeps every Vietnamese letter: "Huyện Kế Sách" -> "huyen-ke-sach"."""
    slug = slugify(fold(text))
    return slug[:max_length].strip("-") if max_length else slug
