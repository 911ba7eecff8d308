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
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError) as error:
        raise StaffFileError([f"cannot read {path}: {error}"]) from None
    if not rows or [_clean(c).lower() for c in rows[0]] != COLUMNS:
        raise StaffFileError([f"line 1: the header must be: {', '.join(COLUMNS)}"])

    units = {unit.slug: unit for unit in Unit.objects.all()}
    roles = set(Role.values)
    # Checked here, not left to the database: PostgreSQL would refuse an over-long value only when
    # that row is saved, halfway through the import (SQLite would silently store it).
    user_fields = get_user_model()._meta
    max_username = user_fields.get_field("username").max_length
    max_email = user_fields.get_field("email").max_length
    seen = {}
    problems, good = [], []
    for line, raw in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in raw):
            continue
        if len(raw) != len(COLUMNS):
            problems.append(f"line {line}: expected {len(COLUMNS)} columns, found {len(raw)}")
            continue
        username, full_name, email, unit_slug, role = (_clean(cell) for cell in raw)
        reasons = []
        try:
            UnicodeUsernameValidator()(username)
        except ValidationError:
            reasons.append(f"username {username!r} is not valid (letters, digits and @.+-_ only)")
        if len(username) > max_username:
            reasons.append(f"username is longer than {max_username} characters")
        if username.lower() in seen:
            reasons.append(f"username {username!r} already appears on line {seen[username.lower()]}")
        else:
            seen[username.lower()] = line
        if not full_name:
            reasons.append("full name is empty")
        try:
            validate_email(email)
        except ValidationError:
            reasons.append(f"email {email!r} is not a valid address")
        else:
            if len(email) > max_email:
                reasons.append(f"email is longer than {max_email} characters")
        unit = units.get(unit_slug) if unit_slug else None
        if role not in roles:
            reasons.append(f"role {role!r} is not one of {', '.join(sorted(roles))}")
        elif role in SITE_WIDE_ROLES:
            if role == Role.BOARD:
                unit = next((u for u in units.values() if u.kind == UnitKind.BOARD), None)
            elif unit_slug:
                reasons.append(f"role {role} is site-wide: leave the unit empty")
        elif not unit_slug:
            reasons.append(f"role {role} needs a unit slug")
        elif unit is None:
            reasons.append(f"unit {unit_slug!r} does not exist")
        elif role not in roles_for_unit(unit):
            reasons.append(f"a {unit.get_kind_display()} has no role {role}")
        if reasons:
            problems.append(f"line {line}: " + "; ".join(reasons))
        else:
            good.append(StaffRow(line, username, full_name, email, unit, role))
    if problems:
        raise StaffFileError(problems)
    return good


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
