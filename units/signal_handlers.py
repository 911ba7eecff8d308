"""Tell the approvers of a page's unit when the page is submitted to them; give the Board its
grants on each new page of a type it publishes."""

from django.db.models.signals import post_save
from wagtail.models import TaskState
from wagtail.permissions import page_permission_policy
from wagtail.signals import task_submitted

from units.notifications import unit_approval_submission_notifier
from units.page_types import page_types_declaring
from units.roles import grant_board_on_new_page


def grant_board_on_created_page(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_board_on_new_page(instance)
        forget_cached_page_permissions(instance)


def forget_cached_page_permissions(page):
    """Wagtail caches a user's page permissions on the user object for the request, and the create
    view filled that cache (checking "add") before the page existed. Its "Publish" then tests the new
    page against the stale cache, without the grant just given, and is refused, leaving the page
    live with no published revision. The creator is the page's owner, the request's own user."""
    # Only an owner already loaded with the page is the request's user; loading one would not be.
    owner = page.owner if page._meta.get_field("owner").is_cached(page) else None
    cache_name = page_permission_policy.permission_cache_name
    if owner is not None and hasattr(owner, cache_name):
        delattr(owner, cache_name)


def register_signal_handlers():
    # Wagtail's own notifier for group approval tasks does not know a unit's approvers.
    task_submitted.connect(
        unit_approval_submission_notifier,
        sender=TaskState,
        dispatch_uid="unit_approval_task_submitted_email_notification",
    )
    # A standard or form page the Board adds under the home page (where it holds permissions on
    # the home page alone, units.page_permissions) carries the Board's grants from the start.
    for model in page_types_declaring("board_publishes_here"):
        post_save.connect(grant_board_on_created_page, sender=model, dispatch_uid=f"board_grants_{model._meta.label}")
