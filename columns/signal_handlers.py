"""Give every new media outlet its outlet page (and then its groups and collection)."""

from django.db.models.signals import post_save

from columns.setup import provision_outlet
from core.seeding import Tally
from units.models import Unit, UnitKind
from units.provisioning import is_new_unit_to_provision


def provision_new_outlet(sender, instance, created, raw=False, **kwargs):
    """A media outlet added in the admin can start work at once: outlet page, groups, collection."""
    if is_new_unit_to_provision(instance, created, raw) and instance.kind == UnitKind.MEDIA_OUTLET:
        provision_outlet(instance, Tally())


def register_signal_handlers():
    post_save.connect(provision_new_outlet, sender=Unit, dispatch_uid="columns_provision_new_outlet")
