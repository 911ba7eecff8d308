"""Story cards kept between requests and read all at once.

A card (templates/includes/story_card.html) shows what the story's last publication says, its
unit's and fields' names in the reader's language and its image's renditions: it is kept per story
and publication (``last_published_at``), language, variant and host, under the content generation
(core/fragments.py), which a renamed field or unit, a changed image or a new view restriction
moves. A grid of twenty cards reads the twenty kept cards in one ``get_many`` and builds only the
missing ones, from the full stories read then in one query (and its prefetches).

So a listing needs only its page of ids (``card_rows``): ``(pk, last_published_at)`` per story,
without the stories' rows, units, fields or renditions, which only a missing card needs.
"""

from django.apps import apps
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core import fragments

CARD_TEMPLATE = "includes/story_card.html"


def card_rows(queryset):
    """What a grid needs of each story of ``queryset`` (ordered as listings are): rows with ``pk``
    and ``last_published_at`` (and ``title``, to name them in the page's context), for slicing by
    a paginator."""
    return queryset.model.for_listing(queryset).values_list("pk", "last_published_at", "title", named=True)


def _card_key(request, story, featured, compact):
    host = request.get_host() if request is not None else ""
    parts = (story.pk, story.last_published_at, get_language(), bool(featured), bool(compact), host)
    return fragments.key("story-card", *parts, request=request)


def _full_stories(stories):
    """``{pk: story}`` with what a card shows: the stories given, when they are full stories, else
    read in one query (and its prefetches); one unpublished meanwhile is left out."""
    # Found by name: the story models import this module.
    ExemplarPage = apps.get_model("exemplars", "ExemplarPage")  # noqa: N806 - a model class
    full = {story.pk: story for story in stories if isinstance(story, ExemplarPage)}
    missing = [story.pk for story in stories if story.pk not in full]
    if missing:
        full.update(
            (story.pk, story) for story in ExemplarPage.for_listing(ExemplarPage.objects.filter(pk__in=missing))
        )
    return full


def render_cards(context, stories, featured_first=False, compact=False):
    """The HTML of a card for each of ``stories`` (full stories, or ``card_rows``), in order: kept
    cards read in one ``get_many``, missing ones built and kept. A preview neither reads nor keeps
    one (core/fragments.py)."""
    request = context.get("request")
    stories = list(stories)
    # Only the home page's featured grid has a large card (its first); elsewhere the including
    # page's own ``featured`` is what the card template has always read.
    variants = [index == 0 if featured_first else bool(context.get("featured")) for index in range(len(stories))]
    keep = not fragments.previewing(request)
    keys = [_card_key(request, s, f, compact) for s, f in zip(stories, variants, strict=True)] if keep else []
    kept = fragments.store().get_many(keys) if keep else {}
    html = [kept.get(key) for key in keys] if keep else [None] * len(stories)
    missing = [index for index, card in enumerate(html) if card is None]
    if missing:
        full = _full_stories([stories[index] for index in missing])
        template = get_template(CARD_TEMPLATE)
        built = {}
        for index in missing:
            story = full.get(stories[index].pk)
            card = (
                ""
                if story is None
                else template.render({"story": story, "featured": variants[index], "compact": compact}, request)
            )
            html[index] = card
            if keep and story is not None:
                built[keys[index]] = card
        if built:
            fragments.store().set_many(built, fragments.FRAGMENT_SECONDS)
    return mark_safe("".join(html))  # noqa: S308 - each card is rendered by its template, which escapes
