from django import template
from django.utils.translation import get_language
from wagtail.models import Page

from core.visibility import visible_q
from submissions.models import DifficultyReportFormPage, NominationFormPage

register = template.Library()


@register.simple_tag
def submission_form_pages():
    """The live public form pages in the reader's language, for links in the footer (one query)."""
    return list(
        Page.objects.filter(visible_q())
        .type(NominationFormPage, DifficultyReportFormPage)
        .filter(locale__language_code=get_language())
        .order_by("path")
    )
