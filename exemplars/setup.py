"""Seeding the fields, award types, unit sections and outlet pages."""

from pathlib import Path

import yaml
from django.conf import settings
from wagtail.models import Locale

from core.seeding import upsert
from core.text import nfc
from exemplars.models import AwardType, Field, UnitSectionPage
from units.models import Unit, UnitKind

DATA_DIR = Path(__file__).resolve().parent / "data"


def _read(name):
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))


def load_fields(tally):
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    for order, item in enumerate(_read("fields.yaml")):
        upsert(
            Field,
            {"slug": item["slug"], "locale": locale},
            {"name": nfc(item["name"]).strip(), "sort_order": order},
            tally,
            "fields",
        )


def load_award_types(tally):
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    for order, item in enumerate(_read("award-types.yaml")):
        who = item["who"]
        upsert(
            AwardType,
            {"name": nfc(item["name"]).strip(), "locale": locale},
            {
                "category": item["category"],
                "level": item["level"],
                "for_individuals": "i" in who,
                "for_collectives": "c" in who,
                "for_households": "h" in who,
                "sort_order": order,
            },
            tally,
            "award types",
        )


def ensure_sections(tally):
    """A section for every active contributing unit."""
    for unit in Unit.objects.active().contributing().order_by("kind", "name"):
        _section, created = UnitSectionPage.ensure_for(unit)
        tally.record("unit sections", "created" if created else "unchanged")


def ensure_outlet_page(unit, tally):
    from columns.models import ColumnIndexPage, OutletPage

    index = ColumnIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if index is None:
        return
    if OutletPage.objects.filter(unit=unit, locale=index.locale).exists():
        tally.record("outlet pages", "unchanged")
        return
    page = OutletPage(title=unit.name, slug=unit.slug, unit=unit, locale=index.locale)
    index.add_child(instance=page)
    page.save_revision().publish()
    tally.record("outlet pages", "created")


def ensure_outlet_pages(tally):
    for unit in Unit.objects.active().filter(kind=UnitKind.MEDIA_OUTLET):
        ensure_outlet_page(unit, tally)


def provision_unit(unit, tally):
    """What a new unit needs to work: its section or outlet page, its groups and collection."""
    from units.roles import ensure_unit_roles

    if unit.kind == UnitKind.MEDIA_OUTLET:
        ensure_outlet_page(unit, tally)
    elif unit.is_contributing:
        UnitSectionPage.ensure_for(unit)
    ensure_unit_roles(unit, tally)
