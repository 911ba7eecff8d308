from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.seeding import Tally
from exemplars.setup import ensure_outlet_pages, ensure_sections, load_award_types, load_fields
from exemplars.signals import defer_unit_provisioning
from home.setup import ensure_page_tree, ensure_translated_skeleton
from submissions.setup import ensure_form_pages
from units.loading import DEFAULT_UNITS_FILE, UnitsFileError, load_quota_rules, load_units
from units.models import Unit
from units.roles import ensure_site_roles, ensure_unit_roles
from units.workflows import ensure_workflows


class Command(BaseCommand):
    help = (
        "Set up the newsroom: locales, the page tree, the plan's units, fields, award types, unit "
        "sections, roles, workflows and quota rules. Safe to run again: a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--units",
            default=str(DEFAULT_UNITS_FILE),
            help="A YAML file of emulation blocs and units (default: the 2019 units of the plan).",
        )

    def handle(self, *args, units, **options):
        tally = Tally()
        try:
            with transaction.atomic():
                ensure_page_tree(tally)
                with defer_unit_provisioning():
                    load_units(units, tally)
                load_fields(tally)
                load_award_types(tally)
                ensure_sections(tally)
                ensure_outlet_pages(tally)
                ensure_translated_skeleton(tally)
                ensure_form_pages(tally)
                for unit in Unit.objects.active():
                    ensure_unit_roles(unit, tally)
                ensure_site_roles(tally)
                ensure_workflows(tally)
                load_quota_rules(tally)
        except UnitsFileError as error:
            raise CommandError(f"The units file has problems; nothing was changed.\n{error}") from None
        for line in tally.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Newsroom set up." if tally.changed else "Newsroom already set up."))
