from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from exemplars.models import UnitSectionPage
from exemplars.setup import ensure_outlet_pages, ensure_sections, load_award_types, load_fields
from home.seeding import Tally
from home.setup import ensure_page_tree
from units.loading import DEFAULT_UNITS_FILE, UnitsFileError, load_units


class Command(BaseCommand):
    help = (
        "Set up the newsroom: locales, the page tree, the plan's units, fields, award types and "
        "unit sections. Safe to run again: a second run changes nothing."
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
                sections_before = set(UnitSectionPage.objects.values_list("unit_id", flat=True))
                load_units(units, tally)
                load_fields(tally)
                load_award_types(tally)
                ensure_sections(tally, sections_before)
                ensure_outlet_pages(tally)
        except UnitsFileError as error:
            raise CommandError(f"The units file has problems; nothing was changed.\n{error}") from None
        for line in tally.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Newsroom set up." if tally.changed else "Newsroom already set up."))
