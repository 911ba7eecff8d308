"""Reading a staff list (CSV) into users and role groups, all or nothing."""

import csv
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from core.text import nfc
from units.models import Role, RoleGroup, Unit, UnitKind
from units.roles import add_member, roles_for_unit

COLUMNS = ["username", "full name", "email", "unit slug", "role"]
SITE_WIDE_ROLES = {Role.BOARD, Role.TRANSLATOR_KM, Role.TRANSLATOR_EN}


@dataclass
class StaffRow:
    line: int
    username: str
    full_name: str
    email: str
    unit: Unit | None
    role: str


class StaffFileError(ValueError):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


def _clean(value):
    return nfc((value or "").strip())


def read_staff_file(path):
    """Check every row; raise StaffFileError listing each bad row with its line number and reason."""
    rows = _read_rows(path)
    check = _RowCheck.for_current_units()
    problems, good = [], []
    for line, raw in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in raw):
            continue
        if len(raw) != len(COLUMNS):
            problems.append(f"line {line}: expected {len(COLUMNS)} columns, found {len(raw)}")
            continue
        username, full_name, email, unit_slug, role = (_clean(cell) for cell in raw)
        unit, reasons = check.unit_and_role(unit_slug, role)
        reasons = check.username(username, line) + check.contact(full_name, email) + reasons
        if reasons:
            problems.append(f"line {line}: " + "; ".join(reasons))
        else:
            good.append(StaffRow(line, username, full_name, email, unit, role))
    if problems:
        raise StaffFileError(problems)
    return good


def _read_rows(path):
    """The file's rows, after checking it can be read and starts with the expected header."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError) as error:
        raise StaffFileError([f"cannot read {path}: {error}"]) from None
    if not rows or [_clean(c).lower() for c in rows[0]] != COLUMNS:
        raise StaffFileError([f"line 1: the header must be: {', '.join(COLUMNS)}"])
    return rows


@dataclass
class _RowCheck:
    """What a row is checked against: the units and roles that exist, the lengths the user table
    takes, and the usernames of the rows before (by line)."""

    units: dict
    max_username: int
    max_email: int
    seen: dict

    @classmethod
    def for_current_units(cls):
        # Checked here, not left to the database: PostgreSQL would refuse an over-long value only when
        # that row is saved, halfway through the import (SQLite would silently store it).
        user_fields = get_user_model()._meta
        return cls(
            units={unit.slug: unit for unit in Unit.objects.all()},
            max_username=user_fields.get_field("username").max_length,
            max_email=user_fields.get_field("email").max_length,
            seen={},
        )

    def username(self, username, line):
        reasons = []
        try:
            UnicodeUsernameValidator()(username)
        except ValidationError:
            reasons.append(f"username {username!r} is not valid (letters, digits and @.+-_ only)")
        if len(username) > self.max_username:
            reasons.append(f"username is longer than {self.max_username} characters")
        if username.lower() in self.seen:
            reasons.append(f"username {username!r} already appears on line {self.seen[username.lower()]}")
        else:
            self.seen[username.lower()] = line
        return reasons

    def contact(self, full_name, email):
        reasons = [] if full_name else ["full name is empty"]
        try:
            validate_email(email)
        except ValidationError:
            reasons.append(f"email {email!r} is not a valid address")
        else:
            if len(email) > self.max_email:
                reasons.append(f"email is longer than {self.max_email} characters")
        return reasons

    def unit_and_role(self, unit_slug, role):
        """The row's unit (the Board's for a Board member) and what is wrong with the pair."""
        unit = self.units.get(unit_slug) if unit_slug else None
        roles = set(Role.values)
        if role not in roles:
            return unit, [f"role {role!r} is not one of {', '.join(sorted(roles))}"]
        if role in SITE_WIDE_ROLES:
            if role == Role.BOARD:
                return next((u for u in self.units.values() if u.kind == UnitKind.BOARD), None), []
            return unit, ([f"role {role} is site-wide: leave the unit empty"] if unit_slug else [])
        if not unit_slug:
            return unit, [f"role {role} needs a unit slug"]
        if unit is None:
            return unit, [f"unit {unit_slug!r} does not exist"]
        if role not in roles_for_unit(unit):
            return unit, [f"a {unit.get_kind_display()} has no role {role}"]
        return unit, []


@transaction.atomic
def import_staff(rows):
    """Create or update each user and make their newsroom role exactly the one of their row."""
    User = get_user_model()
    created = updated = 0
    for row in rows:
        user = User.objects.filter(username__iexact=row.username).first()
        if user is None:
            user = User(username=row.username)
            user.set_unusable_password()
            created += 1
        else:
            updated += 1
        # Vietnamese names run family name first; Django joins first_name + last_name, so the whole
        # name goes in first_name and displays in its own order everywhere ("Nguyễn Thị Mỹ Linh").
        user.first_name, user.last_name, user.email = row.full_name[:150], "", row.email
        user.save()
        role_groups = RoleGroup.objects.filter(group__user=user).values("group")
        user.groups.remove(*user.groups.filter(pk__in=role_groups))
        add_member(user, row.role, row.unit)
    return created, updated
