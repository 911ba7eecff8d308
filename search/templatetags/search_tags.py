from functools import lru_cache

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.text import fold, word_runs

register = template.Library()


@lru_cache(maxsize=8192)
def _folded(word):
    """``fold(word)``, kept: a page of results folds the same few hundred words of titles and
    summaries again and again, and folding (Unicode normalization) was most of rendering them."""
    return fold(word)


@register.filter
def highlight(text, terms):
    """``text`` with the words matching ``terms`` (folded query words) in <mark>, matched the way
    search matches: "dien hinh" marks "điển hình"."""
    if not text:
        return ""
    wanted = set(terms or ())
    parts, plain = [], []
    for run, is_word in word_runs(str(text)):
        if is_word and _folded(run) in wanted:
            # What lies between two marked words is escaped at once: one call, not one per run.
            parts.append(escape("".join(plain)))
            parts.append(f"<mark>{escape(run)}</mark>")
            plain = []
        else:
            plain.append(run)
    parts.append(escape("".join(plain)))
    return mark_safe("".join(parts))
