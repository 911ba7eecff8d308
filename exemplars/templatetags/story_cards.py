"""``{% story_cards stories featured_first=… compact=… %}``: a grid's cards, kept cards read at once
(exemplars/cards.py)."""

from django import template

from exemplars.cards import render_cards

register = template.Library()


@register.simple_tag(takes_context=True)
def story_cards(context, stories, featured_first=False, compact=False):
    return render_cards(context, stories, featured_first=featured_first, compact=compact)
