import unicodedata

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.folding import fold

register = template.Library()


def _runs(text):
    """Alternating runs of word characters and the rest, so the text can be rebuilt exactly."""
    runs, current, in_word = [], [], None
    for ch in text:
        is_word = unicodedata.category(ch)[0] in "LMN"
        if current and is_word != in_word:
            runs.append(("".join(current), in_word))
            current = []
        current.append(ch)
        in_word = is_word
    if current:
        runs.append(("".join(current), in_word))
    return runs


@register.filter
def highlight(text, terms):
    """``text`` with the words matching ``terms`` (folded query words) in <mark>, matched the way
    search matches: "dien hinh" marks "điển hình"."""
    if not text:
        return ""
    wanted = set(terms or ())
    parts = []
    for run, is_word in _runs(str(text)):
        if is_word and fold(run) in wanted:
            parts.append(f"<mark>{escape(run)}</mark>")
        else:
            parts.append(escape(run))
    return mark_safe("".join(parts))
