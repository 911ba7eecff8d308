"""``{% guide_url %}``: the admin URL of the editor's guide page for the signed-in user's role."""

from django import template

from units.guide import page_of, page_url

register = template.Library()


@register.simple_tag(takes_context=True)
def guide_url(context):
    return page_url(page_of(context["request"].user))
