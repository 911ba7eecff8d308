"""``{% content_generation as generation %}``: the content generation (core/fragments.py), a key
for ``{% cache %}`` blocks that must change whenever content readers see changes."""

import secrets

from django import template

from core.fragments import current_generation, previewing

register = template.Library()


@register.simple_tag(takes_context=True)
def content_generation(context):
    """The content generation; in a preview a token of its own, so a preview never shows a kept
    fragment of the live page (nor leaves one for readers)."""
    request = context.get("request")
    if previewing(request):
        return f"preview-{secrets.token_hex(8)}"
    return current_generation(request)
