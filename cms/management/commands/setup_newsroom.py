from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from campaigns.setup import CAMPAIGN_INDEX
from columns.setup import COLUMN_INDEX, ensure_outlet_pages
from commendations.setup import HALL_OF_HONOUR
from core.seeding import Tally
from exemplars.setup import EXEMPLAR_INDEX, ensure_sections, load_award_types, load_fields
from home.setup import ABOUT_PAGE, ensure_home_page, ensure_translated_skeleton
from submissions.setup import ensure_form_pages
from units.loading import DEFAULT_UNITS_FILE, UnitsFileError, load_quota_rules, load_units
from units.models import Unit
from units.provisioning import defer_unit_provisioning
from units.roles import ensure_site_roles, ensure_unit_roles
from units.workflows import ensure_workflows

# The pages under the home page that each app declares, in the order of the menu.
SKELETON = [EXEMPLAR_INDEX, CAMPAIGN_INDEX, HALL_OF_HONOUR, COLUMN_INDEX, ABOUT_PAGE]


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
                set_up(units, tally)
        except UnitsFileError as error:
            raise CommandError(f"The units file has problems; nothing was changed.\n{error}") from None
        for line in tally.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Newsroom set up." if tally.changed else "Newsroom already set up."))


def set_up(units_file, tally):
    """Each app's step, in an order where every step finds what it needs: pages before the units'
    sections, sections and outlet pages before their translations and the roles granted on them,
    the roles before the workflows that name the Board's group."""
    home = ensure_home_page(tally)
    for page in SKELETON:
        page.ensure_under(home, tally)
    # The units' pages and groups are made below in one pass, not unit by unit as they are saved.
    with defer_unit_provisioning():
        load_units(units_file, tally)
    load_fields(tally)
    load_award_types(tally)
    ensure_sections(tally)
    ensure_outlet_pages(tally)
    ensure_translated_skeleton(SKELETON, tally)
    ensure_form_pages(home, tally)
    for unit in Unit.objects.active():
        ensure_unit_roles(unit, tally)
    ensure_site_roles(tally)
    ensure_workflows(tally)
    load_quota_rules(tally)
