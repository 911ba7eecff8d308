"""Keep each story's unit equal to its section's unit, and give every new unit its section."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import post_page_move

from exemplars.models import ExemplarPage, UnitSectionPage
from units.models import Unit


@receiver(post_page_move)
def update_unit_after_move(sender, instance, parent_page_after, **kwargs):
    if not issubclass(sender, ExemplarPage):
        return
    section = UnitSectionPage.objects.filter(pk=parent_page_after.pk).first()
    if section is not None:
        ExemplarPage.objects.filter(pk=instance.pk).update(unit_id=section.unit_id)


@receiver(post_save, sender=Unit)
def create_section_for_new_unit(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.is_contributing and instance.is_active:
        UnitSectionPage.ensure_for(instance)
