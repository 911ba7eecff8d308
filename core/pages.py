"""What page types share: the base of the pages that list others, and listing in an editor's order."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.admin_search import FOLDED_TITLE_FIELDS, FoldedTitle
from core.forms import NewsroomPageForm
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
