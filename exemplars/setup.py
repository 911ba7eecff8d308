"""Seeding the exemplar index, the fields, award types and unit sections; run by setup_newsroom."""

from pathlib import Path

import yaml
from django.utils.translation import gettext_lazy as _

from core.names import seed_names
from core.seeding import upsert
from core.skeleton import SkeletonPage
from core.text import nfc
from exemplars.models import AwardType, ExemplarIndexPage, Field, UnitSectionPage
from units.models import Unit
from units.roles import ensure_unit_roles

DATA_DIR = Path(__file__).resolve().parent / "data"

EXEMPLAR_INDEX = SkeletonPage(
    ExemplarIndexPage,
    "guong-dien-hinh",
    title="Gương điển hình",
    intro="Gương điển hình tiên tiến, mô hình mới, nhân tố mới do các đơn vị trong tỉnh giới thiệu.",
    translated_title=_("Exemplars"),
    translated_intro=_("Advanced exemplars, new models and new factors introduced by the province's units."),
)


def _read(name):
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))


def load_fields(tally):
    for order, item in enumerate(_read("fields.yaml")):
        field = upsert(
            Field, {"slug": item["slug"]}, {"name": nfc(item["name"]).strip(), "sort_order": order}, tally, "fields"
        )
        seed_names(field, item)


def load_award_types(tally):
    for order, item in enumerate(_read("award-types.yaml")):
        who = item["who"]
        award_type = upsert(
            AwardType,
            {"name": nfc(item["name"]).strip()},
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
        seed_names(award_type, item)


def ensure_sections(tally):
    """A section for every active contributing unit."""
    for unit in Unit.objects.active().contributing().order_by("kind", "name"):
        _section, created = UnitSectionPage.ensure_for(unit)
        tally.record("unit sections", "created" if created else "unchanged")


def provision_section(unit, tally):
    """What a new contributing unit needs to work: its section, then its groups and collection
    (which get their page permissions on the section, so it must exist first)."""
    UnitSectionPage.ensure_for(unit)
    ensure_unit_roles(unit, tally)
