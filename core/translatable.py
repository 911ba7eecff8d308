"""Translatable snippets (fields, award types) as readers of a page's language see them.

A translated story keeps the Vietnamese rows it was copied with: wagtail-localize copies a page's
many-to-many fields and its awards (which are not translatable models) as they are, so a Khmer
story still links the Vietnamese fields and award types. Its readers should read the Khmer name
where a translator made one, and the Vietnamese otherwise.

``core.api_fields.in_page_locales`` does it for a batch of pages known in advance (the API, the
hall of honour). Templates, which meet the objects one by one, use ``in_locale`` with a memo kept
on the request: each model's rows in a language are read once per request (one query), and never
when the object is already in the page's language, which is every object on a Vietnamese page.
"""

from django.conf import settings
from django.db.models import Q

MEMO_ATTRIBUTE = "_translatable_memo"


def request_memo(request):
    """The per-request memo of ``in_locale`` (a fresh one, so no sharing, without a request)."""
    if request is None:
        return {}
    memo = getattr(request, MEMO_ATTRIBUTE, None)
    if memo is None:
        memo = {}
        setattr(request, MEMO_ATTRIBUTE, memo)
    return memo


def in_locale(obj, locale_id, memo=None):
    """``obj``'s translation into the locale ``locale_id`` where there is one, else ``obj``."""
    if obj is None or obj.locale_id == locale_id:
        return obj
    memo = {} if memo is None else memo
    key = (obj._meta.label, locale_id)
    if key not in memo:
        memo[key] = {other.translation_key: other for other in type(obj).objects.filter(locale_id=locale_id)}
    return memo[key].get(obj.translation_key, obj)


def offered_in(queryset, locale):
    """The rows of ``queryset`` readers of ``locale`` are offered (a filter's list): those in
    ``locale``, and the Vietnamese ones not translated into it. One query, in the queryset's order."""
    translated = queryset.filter(locale=locale).values("translation_key")
    untranslated = Q(locale__language_code=settings.LANGUAGE_CODE) & ~Q(translation_key__in=translated)
    return queryset.filter(Q(locale=locale) | untranslated)
