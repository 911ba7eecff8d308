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

Wagtail treats moving a page as deleting it here and adding it there (``can_move`` asks
``can_delete``), so the same rule governs moves.

Every page type of ours takes ``NewsroomPagePermissions`` among its bases; Wagtail asks the
page's own class for its permission tester, so the admin's delete view, the listing's and the
editor's "Delete" items, the bulk delete action, moves and Wagtail's ``DeletePageAction`` all
follow this rule.
"""

from django.db.models import Q
from wagtail.models import Page, PagePermissionTester


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
    def can_delete(self, ignore_bulk=False):
        if not self.user.is_active or self.user.is_superuser:
            return super().can_delete(ignore_bulk=ignore_bulk)
        if self._carries_own_permissions():
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
    """A base of every page type of ours, so that Wagtail tests permissions by the rule above."""

    def permissions_for_user(self, user):
        return NewsroomPagePermissionTester(user, self)
