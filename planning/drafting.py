"""A planned story becomes a draft in one click: a page of the type that declares
``drafted_from_plans`` (a story, a column article), under the unit's section or the outlet's
column, titled with the idea, not published; the person then finishes it in Wagtail's editor.

The page types are found through the app registry, so this app imports no page model.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, get_page_models

from core.pages import free_child_slug
from planning.models import PlannedStory
from units.models import UnitBoundaryPage
from units.page_types import page_types_declaring
from units.roles import boundary_page

SLUG_LENGTH = 80


class DraftRefused(Exception):
    """Why a planned story cannot become a draft (a message for the user)."""


def drafted_page_types():
    return page_types_declaring("drafted_from_plans")


def _takes_drafts(page_type):
    return any(model in page_type.allowed_subpage_models() for model in drafted_page_types())


def column_page_types():
    """The page types a planned issue may be aimed at: they take drafted pages below them and are not
    a unit's boundary page (an outlet's columns)."""
    return [model for model in get_page_models() if _takes_drafts(model) and not issubclass(model, UnitBoundaryPage)]


def columns_of(unit):
    """The columns (pages of ``column_page_types``) under ``unit``'s boundary page."""
    home = boundary_page(unit)
    if home is None:
        return Page.objects.none()
    return Page.objects.descendant_of(home).type(*column_page_types()).order_by("path")


def parent_for(planned):
    """Where ``planned`` becomes a draft: its column, else its unit's section; None when neither
    takes drafts (an outlet's item without a column)."""
    parent = planned.column.specific if planned.column_id else boundary_page(planned.unit)
    if parent is None or not _takes_drafts(type(parent)):
        return None
    return parent


@transaction.atomic
def make_draft(planned_id, user):
    """The draft made from the planned story ``planned_id`` (locked while it is made, so two clicks
    make one draft). PermissionDenied when ``user`` may not add pages there; DraftRefused when
    there is nowhere to put it or it was already made."""
    planned = PlannedStory.objects.select_for_update().select_related("unit").get(pk=planned_id)
    if planned.is_converted:
        raise DraftRefused(_("This planned story is already a draft."))
    parent = parent_for(planned)
    if parent is None:
        raise DraftRefused(_("Choose the column the issue is planned for first."))
    if not parent.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied
    model = next(m for m in drafted_page_types() if m in type(parent).allowed_subpage_models())
    page = model(
        title=planned.title_idea,
        slug=free_child_slug(parent, planned.title_idea, "bai-viet", max_length=SLUG_LENGTH),
        live=False,
        owner=user,
        locale_id=parent.locale_id,
    )
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True, clean=False)
    planned.converted_page = page
    planned.save(update_fields=["converted_page"])
    return page
