"""Who may delete a page: Wagtail's page permissions, narrowed to the newsroom's roles.

Wagtail lets anyone with "change" on a section delete every page there that is not live, and an
owner delete their own pages with "add" alone. In the newsroom that let an approver delete a
colleague's draft and a contributor delete a story waiting in moderation. A story is a unit's
record of work: once submitted it counts in the unit's contributions (it may still come back
with a request for changes), and once live it is public record. So:

- superusers, and whoever may publish the page, delete by Wagtail's own rules: the Board under
  the exemplar index, the campaigns and the translations; an outlet's editors in their outlet's
  columns, where they, not the Board, are the publishers (there is nobody above them to ask);
- everyone else (unit contributors and approvers, outlet reporters, translators) deletes only
  their own draft that was never live and never submitted for moderation (no workflow was ever
  started on it, whatever became of it);
- nobody but a superuser deletes the page their own permissions are granted on (their unit's
  section, their outlet's page; for the Board the exemplar and campaign indexes and the
  translated home pages): it carries everything below it.

Unpublishing stays Wagtail's rule: it needs "publish", which no unit role has.

Wagtail's page permissions are inherited by every page below the one they are granted on, so the
Board cannot be given the home page that way: it would reach every outlet's columns. A page type
that declares ``board_publishes_this_page`` (the home page) gives the Board its permissions on
that page alone (``units.roles.page_only_permissions``): it edits, submits and publishes the page,
and adds under it only the page types declaring ``board_publishes_here`` (standard, form and
documents pages), which receive the Board's own grants when created. It may not delete, unpublish
or restrict the page, which would reach everything below.

Wagtail treats moving a page as deleting it here and adding it there (``can_move`` asks
``can_delete``), so the same rule governs moves.

Every page type of ours takes ``NewsroomPagePermissions`` among its bases; Wagtail asks the
page's own class for its permission tester, so the admin's delete view, the listing's and the
editor's "Delete" items, the bulk delete action, moves and Wagtail's ``DeletePageAction`` all
follow this rule.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail import hooks
from wagtail.models import Page, PagePermissionTester

# The page types of every app import this module, possibly before units.models is loaded; the
# models come first, as their approval task imports units.roles, which imports them.
import units.models  # noqa: F401
from units.roles import board_may_add_page_type, page_only_permissions


def _ever_live_or_submitted():
    """Pages that are or were live, or on which a workflow was ever started."""
    return (
        Q(live=True)
        | Q(first_published_at__isnull=False)
        | Q(last_published_at__isnull=False)
        | Q(live_revision__isnull=False)
        | Q(_workflow_states__isnull=False)
    )


def is_untouched_draft_of(page, user):
    """Whether ``page`` and every page below it belong to ``user``, were never live and were never
    submitted for moderation: the only pages someone who cannot publish may delete."""
    # Decided from the row itself first: in a listing most pages are someone else's or live.
    if page.owner_id != user.pk or page.live or page.first_published_at or page.live_revision_id:
        return False
    subtree = Page.objects.descendant_of(page, inclusive=True)
    return not subtree.filter(~Q(owner=user) | _ever_live_or_submitted()).exists()


class NewsroomPagePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        # Wagtail's permissions are inherited down the tree; these hold on this page alone.
        self.page_only = frozenset()
        if user.is_active and not user.is_superuser:
            self.page_only = page_only_permissions(user, page) - self.permissions
            self.permissions = self.permissions | self.page_only

    def can_add_page_type(self, page_type):
        """Whether the user may add a page of ``page_type`` here. Wagtail asks only whether they may
        add at all; "add" held on this page alone adds only the types its holder publishes."""
        if not self.can_add_subpage():
            return False
        return self.user.is_superuser or "add" not in self.page_only or board_may_add_page_type(page_type)

    def can_move_to(self, destination):
        return super().can_move_to(destination) and self._may_add_under(destination)

    def can_copy_to(self, destination, recursive=False):
        return super().can_copy_to(destination, recursive=recursive) and self._may_add_under(destination)

    def _may_add_under(self, destination):
        return may_add_page_type(destination, self.user, self.page.specific_class)

    # What would reach the pages below: unpublishing (with its "include descendants") or making
    # private the home page would take the outlets' columns down too.

    def can_unpublish(self):
        return "publish" not in self.page_only and super().can_unpublish()

    def can_set_view_restrictions(self):
        return "publish" not in self.page_only and super().can_set_view_restrictions()

    def can_delete(self, ignore_bulk=False):
        if not self.user.is_active or self.user.is_superuser:
            return super().can_delete(ignore_bulk=ignore_bulk)
        if self._carries_own_permissions() or self.page_only:
            return False
        if "publish" not in self.permissions and not is_untouched_draft_of(self.page, self.user):
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)

    def _carries_own_permissions(self):
        """Whether the user's page permissions are granted on this very page."""
        return any(
            perm.page_id == self.page.pk for perm in self.permission_policy.get_cached_permissions_for_user(self.user)
        )


class NewsroomPagePermissions:
    """A base of every page type of ours, so that Wagtail tests permissions by the rules above."""

    def permissions_for_user(self, user):
        return NewsroomPagePermissionTester(user, self)


def may_add_page_type(parent, user, page_type):
    """Whether ``user`` may add a page of ``page_type`` under ``parent`` (Wagtail's own rule for
    pages that are not ours, e.g. the tree's root)."""
    tester = parent.permissions_for_user(user)
    can_add_page_type = getattr(tester, "can_add_page_type", None)
    return can_add_page_type(page_type) if can_add_page_type else tester.can_add_subpage()


@hooks.register("before_create_page")
def refuse_page_types_the_user_may_not_add(request, parent_page, page_class):
    """Wagtail's create view checks "add" on the parent, whatever the type: the types are checked
    here, so a forged address cannot add an outlets' index under the home page."""
    if not may_add_page_type(parent_page, request.user, page_class):
        raise PermissionDenied
