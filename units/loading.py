"""Loading the units of the plan from a data file (YAML), so units stay data, not code."""

import datetime
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction

from core.names import seed_names
from core.seeding import upsert
from core.text import nfc
from units.models import EmulationBloc, QuotaRule, Unit, UnitKind

DEFAULT_UNITS_FILE = Path(__file__).resolve().parent / "data" / "units-2019.yaml"
UNIT_KEYS = {
    "slug",
    "name",
    "short_name",
    "name_en",
    "name_km",
    "kind",
    "bloc",
    "contact_emails",
    "active_from",
    "active_until",
    "successor",
}


class UnitsFileError(ValueError):
    pass


def _text(value):
    """A value of the units file as text: YAML may give a number or nothing where a name is expected."""
    return nfc(str(value)).strip() if value is not None else ""


def _date(value, where):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise UnitsFileError(f"{where}: {value!r} is not a date (YYYY-MM-DD).") from None


def read_units_file(path):
    """Parse and check a units file; raise UnitsFileError listing every problem."""
    try:
        # BaseLoader keeps every scalar a string, so a bad date is reported with the others
        # instead of failing the whole parse.
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise UnitsFileError(f"Cannot read {path}: {error}") from None
    if not isinstance(data, dict):
        raise UnitsFileError(f"{path}: expected a mapping with 'blocs' and 'units'.")
    problems = []
    blocs = data.get("blocs") or []
    units = data.get("units") or []
    bloc_slugs = {b.get("slug") for b in blocs}
    unit_slugs = [u.get("slug") for u in units]
    kinds = set(UnitKind.values)
    for i, unit in enumerate(units, start=1):
        where = f"unit {i} ({unit.get('name') or unit.get('slug') or '?'})"
        unknown = set(unit) - UNIT_KEYS
        if unknown:
            problems.append(f"{where}: unknown keys {', '.join(sorted(unknown))}")
        if not unit.get("slug") or not unit.get("name"):
            problems.append(f"{where}: slug and name are required")
        if unit.get("kind") not in kinds:
            problems.append(f"{where}: kind {unit.get('kind')!r} is not one of {', '.join(sorted(kinds))}")
        if unit.get("bloc") and unit["bloc"] not in bloc_slugs:
            problems.append(f"{where}: bloc {unit['bloc']!r} is not defined in the file")
        if unit.get("successor") and unit["successor"] not in unit_slugs:
            problems.append(f"{where}: successor {unit['successor']!r} is not a unit of the file")
        for key in ("active_from", "active_until"):
            try:
                _date(unit.get(key), where)
            except UnitsFileError as error:
                problems.append(str(error))
    duplicates = sorted({s for s in unit_slugs if unit_slugs.count(s) > 1 and s})
    if duplicates:
        problems.append(f"duplicate unit slugs: {', '.join(duplicates)}")
    if problems:
        raise UnitsFileError("\n".join(problems))
    return blocs, units


@transaction.atomic
def load_units(path=DEFAULT_UNITS_FILE, tally=None):
    """Create or update the blocs and units of ``path``; returns the units by slug."""
    blocs, units = read_units_file(path)
    bloc_by_slug = {}
    for order, bloc in enumerate(blocs):
        bloc_by_slug[bloc["slug"]] = upsert(
            EmulationBloc,
            {"slug": bloc["slug"]},
            {"name": _text(bloc["name"]), "description": _text(bloc.get("description", "")), "sort_order": order},
            tally,
            "emulation blocs",
        )
        seed_names(bloc_by_slug[bloc["slug"]], bloc)
    by_slug = {}
    for unit in units:
        emails = unit.get("contact_emails") or []
        if isinstance(emails, str):
            emails = [emails]
        values = {
            "name": _text(unit["name"]),
            "short_name": _text(unit.get("short_name", "")),
            "kind": unit["kind"],
            "bloc": bloc_by_slug.get(unit.get("bloc")),
            "contact_emails": "\n".join(_text(e) for e in emails),
            "active_from": _date(unit.get("active_from"), unit["slug"]),
            "active_until": _date(unit.get("active_until"), unit["slug"]),
        }
        try:
            by_slug[unit["slug"]] = seed_names(upsert(Unit, {"slug": unit["slug"]}, values, tally, "units"), unit)
        except ValidationError as error:
            raise UnitsFileError(f"unit {unit['slug']}: {'; '.join(error.messages)}") from None
    # Successors may point forward in the file, so they are linked once every unit exists.
    for unit in units:
        successor = by_slug.get(unit.get("successor"))
        obj = by_slug[unit["slug"]]
        if obj.successor_id != (successor.pk if successor else None):
            obj.successor = successor
            obj.save(update_fields=["successor"])
            if tally is not None:
                tally.record("unit successors", "updated")
    return by_slug


DEFAULT_QUOTA_RULES_FILE = Path(__file__).resolve().parent / "data" / "quota-rules-2019.yaml"


def load_quota_rules(tally, path=DEFAULT_QUOTA_RULES_FILE):
    """Add the plan's rules that are missing. Existing rules are left as they are: the Board may
    have superseded them, and a rule in force is never rewritten."""
    for item in yaml.safe_load(Path(path).read_text(encoding="utf-8")):
        _rule, created = QuotaRule.objects.get_or_create(
            unit_kind=item["unit_kind"],
            unit=None,
            effective_from=item["effective_from"],
            defaults={"period": item["period"], "minimum": item["minimum"], "note": "Kế hoạch 123/KH-UBND"},
        )
        tally.record("quota rules", "created" if created else "unchanged")
