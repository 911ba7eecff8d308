from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.text import fold, word_runs

register = template.Library()


@register.filter
def highlight(text, terms):
    """``text`` with the words matching ``terms`` (folded query words) in <mark>, matched the way
    search matches: "dien hinh" marks "điển hình"."""
    if not text:
        return ""
    wanted = set(terms or ())
    parts = []
    for run, is_word in word_runs(str(text)):
        if is_word and fold(run) in wanted:
            parts.append(f"<mark>{escape(run)}</mark>")
        else:
            parts.append(escape(run))
    return mark_safe("".join(parts))
