"""What page types share: the base of the pages that list others, and listing in an editor's order."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.admin_search import FOLDED_TITLE_FIELDS, FoldedTitle
from core.forms import NewsroomPageForm
from core.text import slugify_vi
from core.visibility import NewsroomPageManager


class IndexPage(FoldedTitle, Page):
    """A page whose work is to list the pages below it (an index, a unit's section, an outlet): a
    title and an introduction above the listing (templates/includes/page_header.html), the page form
    every type uses, titles found without diacritics, and the listings' visibility rule.

    Abstract, with the fields the concrete pages had, so their tables and migrations are unchanged.
    Each concrete page puts ``units.page_permissions.NewsroomPagePermissions`` first among its
    bases and says where it sits in the tree (``parent_page_types``, ``subpage_types``).
    """

    base_form_class = NewsroomPageForm
    search_fields = Page.search_fields + FOLDED_TITLE_FIELDS

    intro = models.TextField(_("introduction"), blank=True)

    objects = NewsroomPageManager()

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True


def in_given_order(queryset, ids):
    """The objects of ``queryset`` in the order of ``ids`` (an editor's chosen order)."""
    position = {pk: i for i, pk in enumerate(ids)}
    return sorted(queryset.filter(pk__in=ids), key=lambda obj: position[obj.pk])


def free_child_slug(parent, title, fallback, page=None, max_length=200):
    """An ASCII slug from ``title`` (``fallback`` when it has no letters) that no other page under
    ``parent`` has, numbered as Wagtail numbers them: -2, -3… One query. ``page``, when given, is
    the page being named, whose own slug is not taken from it."""
    base = slugify_vi(title, max_length=max_length) or fallback
    siblings = parent.get_children().filter(slug__startswith=base)
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.values_list("slug", flat=True))
    slug, suffix = base, 1
    while slug in taken:
        suffix += 1
        slug = f"{base}-{suffix}"
    return slug
