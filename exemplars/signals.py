"""Keep each story's unit equal to its section's unit, and give every new unit its section."""

import contextlib
import contextvars

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import post_page_move, workflow_submitted

from core.seeding import Tally
from exemplars.models import ExemplarPage, UnitSectionPage
from units.models import Unit


@receiver(post_page_move)
def update_unit_after_move(sender, instance, parent_page_after, **kwargs):
    if not issubclass(sender, ExemplarPage):
        return
    section = UnitSectionPage.objects.filter(pk=parent_page_after.pk).first()
    if section is not None:
        ExemplarPage.objects.filter(pk=instance.pk).update(unit_id=section.unit_id)


_deferred = contextvars.ContextVar("unit_provisioning_deferred", default=False)


@contextlib.contextmanager
def defer_unit_provisioning():
    """Within this block, new units are not provisioned one by one (a bulk loader does it after)."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


@receiver(post_save, sender=Unit)
def provision_new_unit(sender, instance, created, raw=False, **kwargs):
    """A unit added in the admin can start work at once: section, groups, collection."""
    from exemplars.setup import provision_unit

    if created and not raw and instance.is_active and not _deferred.get():
        provision_unit(instance, Tally())


@receiver(workflow_submitted)
def remember_first_submission(sender, instance, user=None, **kwargs):
    """The first submission fixes the period a story counts in; later resubmissions do not move it."""
    ExemplarPage.objects.filter(pk=instance.object_id, first_submitted_at__isnull=True).update(
        first_submitted_at=instance.created_at or timezone.now()
    )
