"""Keep each story's unit equal to its section's unit, give every new contributing unit its
section, and remember when a story was first submitted."""

from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.signals import post_page_move, workflow_submitted

from core.seeding import Tally
from exemplars.models import ExemplarPage, UnitSectionPage
from exemplars.setup import provision_section
from units.models import Unit
from units.provisioning import is_new_unit_to_provision


def update_unit_after_move(sender, instance, parent_page_after, **kwargs):
    if not issubclass(sender, ExemplarPage):
        return
    section = UnitSectionPage.objects.filter(pk=parent_page_after.pk).first()
    if section is not None:
        ExemplarPage.objects.filter(pk=instance.pk).update(unit_id=section.unit_id)


def provision_new_unit(sender, instance, created, raw=False, **kwargs):
    """A contributing unit added in the admin can start work at once: section, groups, collection."""
    if is_new_unit_to_provision(instance, created, raw) and instance.is_contributing:
        provision_section(instance, Tally())


def remember_first_submission(sender, instance, user=None, **kwargs):
    """The first submission fixes the period a story counts in; later resubmissions do not move it."""
    ExemplarPage.objects.filter(pk=instance.object_id, first_submitted_at__isnull=True).update(
        first_submitted_at=instance.created_at or timezone.now()
    )


def register_signal_handlers():
    post_page_move.connect(update_unit_after_move, dispatch_uid="exemplars_update_unit_after_move")
    post_save.connect(provision_new_unit, sender=Unit, dispatch_uid="exemplars_provision_new_unit")
    workflow_submitted.connect(remember_first_submission, dispatch_uid="exemplars_remember_first_submission")
