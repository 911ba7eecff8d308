"""``{% in_page_locale obj page as shown %}``: a field or award type as readers of ``page`` see it
(core/translatable.py), at most one query per model and language for the whole request."""

from django import template

from core.translatable import in_locale, request_memo

register = template.Library()


@register.simple_tag(takes_context=True)
def in_page_locale(context, obj, page):
    return in_locale(obj, page.locale_id, request_memo(context.get("request")))
