"""What the columns add to other apps' pages. A story does not know who features it
(docs/architecture.md): its template asks this tag, which the columns register, as the honouring
events reach a story through its ``honoured_at`` relation."""

from django import template
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from wagtail.models import Page

from columns.models import ColumnArticlePage

register = template.Library()


def _ancestor_title(levels):
    """The title of the page ``levels`` steps above the row (a column is one, its outlet two)."""
    cut = levels * Page.steplen
    path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - cut)
    return Subquery(Page.objects.filter(path=path).values("title")[:1])


def articles_featuring(story):
    """The articles readers of ``story`` may see (live, nothing restricted) that feature it or one
    of its translations, in the story's language, newest first, with their column's and outlet's
    titles: one query, however many there are."""
    return (
        ColumnArticlePage.objects.visible_to_readers_of(story)
        .filter(locale_id=story.locale_id, featured_stories__story__translation_key=story.translation_key)
        .annotate(column_title=_ancestor_title(1), outlet_title=_ancestor_title(2))
        .distinct()
        .order_by("-first_published_at", "-pk")
    )


@register.inclusion_tag("columns/includes/featured_in.html", takes_context=True)
def featured_in(context, story):
    """The public line "Featured in <outlet> · <column> · <date>" for each article featuring ``story``."""
    return {"articles": articles_featuring(story), "request": context.get("request")}
