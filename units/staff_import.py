"""Reading a staff list (CSV) into users and role groups, all or nothing.

One code path for the ``import_staff`` command and the Board's import view: ``plan_staff_import``
reads and checks the text and says, row by row, what applying it would create or change;
``apply_staff_import`` applies the rows of a plan without errors in one transaction. The command
reaches every account; the view passes ``accounts=StaffMember.objects``, so a row naming a
superuser (or any account the Board may not manage) is an error, not a takeover.
"""

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.text import nfc, single_line
from units.models import Role, RoleGroup, StaffMember, Unit, UnitKind
from units.roles import add_member, roles_for_unit

COLUMNS = ["username", "full name", "email", "unit slug", "role"]
SITE_WIDE_ROLES = {Role.BOARD, Role.TRANSLATOR_KM, Role.TRANSLATOR_EN}
CREATED, CHANGED, UNCHANGED, ERROR = "created", "changed", "unchanged", "error"


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


@dataclass
class Change:
    """One field of an existing account that a row changes; ``old``/``new`` compare, texts show."""

    field: str
    old: str
    new: str
    old_text: str = ""
    new_text: str = ""


@dataclass
class PlannedRow:
    line: int
    cells: list
    status: str
    row: StaffRow | None = None
    changes: list = field(default_factory=list)
    problems: list = field(default_factory=list)


@dataclass
class StaffPlan:
    rows: list
    problems: list

    @property
    def has_errors(self):
        return bool(self.problems) or any(row.status == ERROR for row in self.rows)

    def count(self, status):
        return sum(1 for row in self.rows if row.status == status)

    def staff_rows(self):
        return [planned.row for planned in self.rows if planned.row is not None]

    def problem_lines(self):
        """Every problem as one line of text, file-level first, then "line N: ..." per bad row."""
        lines = list(self.problems)
        for planned in self.rows:
            if planned.problems:
                lines.append(
                    _("line %(line)s: %(problems)s") % {"line": planned.line, "problems": "; ".join(planned.problems)}
                )
        return lines

    def fingerprint(self):
        """What applying would do, as a short digest: the view signs it with the previewed file, and
        applies only if the plan made again at confirmation still has the same digest."""
        summary = [
            [row.line, row.status, [[c.field, c.old, c.new] for c in row.changes], row.cells] for row in self.rows
        ]
        return hashlib.sha256(json.dumps([summary, self.problems]).encode()).hexdigest()


def clean_cell(value):
    """A cell as stored: NFC, on one line, without control characters, trimmed."""
    return nfc(single_line(value or "")).strip()


def read_staff_file(path):
    """Check every row; raise StaffFileError listing each bad row with its line number and reason."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise StaffFileError([_("cannot read %(path)s: %(error)s") % {"path": path, "error": error}]) from None
    plan = plan_staff_import(text)
    if plan.has_errors:
        raise StaffFileError(plan.problem_lines())
    return plan.staff_rows()


def plan_staff_import(text, accounts=None):
    """What importing ``text`` (a CSV's content) would do to ``accounts`` (every user by default)."""
    accounts = get_user_model().objects.all() if accounts is None else accounts
    try:
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    except csv.Error as error:
        return StaffPlan(rows=[], problems=[_("the file is not a readable CSV: %(error)s") % {"error": error}])
    if not rows or [clean_cell(c).lower() for c in rows[0]] != COLUMNS:
        return StaffPlan(
            rows=[], problems=[_("line 1: the header must be: %(columns)s") % {"columns": ", ".join(COLUMNS)}]
        )
    check = _RowCheck.for_current_units()
    planned = []
    for line, raw in enumerate(rows[1:], start=2):
        if any(cell.strip() for cell in raw):
            planned.append(_plan_row(line, raw, check))
    _compare_with_accounts(planned, accounts)
    return StaffPlan(rows=planned, problems=[])


def _plan_row(line, raw, check):
    cells = [clean_cell(cell) for cell in raw]
    if len(raw) != len(COLUMNS):
        problem = _("expected %(expected)s columns, found %(found)s") % {"expected": len(COLUMNS), "found": len(raw)}
        return PlannedRow(line, cells, ERROR, problems=[problem])
    username, full_name, email, unit_slug, role = cells
    unit, reasons = check.unit_and_role(unit_slug, role)
    reasons = check.username(username, line) + check.contact(full_name, email) + reasons
    if reasons:
        return PlannedRow(line, cells, ERROR, problems=reasons)
    return PlannedRow(line, cells, CREATED, row=StaffRow(line, username, full_name, email, unit, role))


def _compare_with_accounts(planned, accounts):
    """Mark each good row created, changed or unchanged, or an error if it names an account outside
    ``accounts`` (usernames compared whatever their letter case, as Django's login does not)."""
    good = [p for p in planned if p.row is not None]
    lowered = {p.row.username.lower() for p in good}
    users = get_user_model().objects.annotate(lowered=Lower("username")).filter(lowered__in=lowered)
    existing = {user.lowered: user for user in users}
    allowed = set(accounts.filter(pk__in=[u.pk for u in existing.values()]).values_list("pk", flat=True))
    for p in good:
        user = existing.get(p.row.username.lower())
        if user is None:
            continue
        if user.pk not in allowed:
            p.status, p.row = ERROR, None
            p.problems = [_("the account '%(username)s' cannot be managed here") % {"username": user.username}]
            continue
        p.changes = changes_for(user, p.row)
        p.status = CHANGED if p.changes else UNCHANGED


def _role_key(role, unit):
    return f"{role}@{unit.slug if unit else ''}"


def _role_text(role, unit):
    label = str(Role(role).label)
    return f"{unit}: {label}" if unit and role not in SITE_WIDE_ROLES else label


def changes_for(user, row):
    """What ``row`` changes on ``user``: the full name, the email, the role (and its unit)."""
    changes = []
    name = row.full_name[:150]
    if (user.first_name, user.last_name) != (name, ""):
        changes.append(Change("full_name", user.get_full_name(), name, user.get_full_name(), name))
    if user.email != row.email:
        changes.append(Change("email", user.email, row.email, user.email, row.email))
    links = list(RoleGroup.objects.filter(group__user=user).select_related("unit").order_by("pk"))
    old_keys = sorted(_role_key(link.role, link.unit) for link in links)
    new_key = _role_key(row.role, row.unit)
    if old_keys != [new_key]:
        old_text = ", ".join(_role_text(link.role, link.unit) for link in links)
        changes.append(Change("role", " ".join(old_keys), new_key, old_text, _role_text(row.role, row.unit)))
    return changes


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
            reasons.append(
                _("username '%(username)s' is not valid (letters, digits and @.+-_ only)") % {"username": username}
            )
        if len(username) > self.max_username:
            reasons.append(_("username is longer than %(max)s characters") % {"max": self.max_username})
        if username.lower() in self.seen:
            reasons.append(
                _("username '%(username)s' already appears on line %(line)s")
                % {"username": username, "line": self.seen[username.lower()]}
            )
        else:
            self.seen[username.lower()] = line
        return reasons

    def contact(self, full_name, email):
        reasons = [] if full_name else [_("full name is empty")]
        try:
            validate_email(email)
        except ValidationError:
            reasons.append(_("email '%(email)s' is not a valid address") % {"email": email})
        else:
            if len(email) > self.max_email:
                reasons.append(_("email is longer than %(max)s characters") % {"max": self.max_email})
        return reasons

    def unit_and_role(self, unit_slug, role):
        """The row's unit (the Board's for a Board member) and what is wrong with the pair."""
        unit = self.units.get(unit_slug) if unit_slug else None
        return unit_and_role(unit_slug, unit, role, self.units.values())


def unit_and_role(unit_slug, unit, role, units):
    """The unit a person of ``role`` belongs to (the Board's unit for the Board; none for a
    translator) and what is wrong with the pair: the one rule for the import and the staff form."""
    roles = set(Role.values)
    if role not in roles:
        return unit, [_("role '%(role)s' is not one of %(roles)s") % {"role": role, "roles": ", ".join(sorted(roles))}]
    if role in SITE_WIDE_ROLES:
        if role == Role.BOARD:
            return next((u for u in units if u.kind == UnitKind.BOARD), None), []
        return unit, ([_("role %(role)s is site-wide: leave the unit empty") % {"role": role}] if unit_slug else [])
    if not unit_slug:
        return unit, [_("role %(role)s needs a unit slug") % {"role": role}]
    if unit is None:
        return unit, [_("unit '%(slug)s' does not exist") % {"slug": unit_slug}]
    if role not in roles_for_unit(unit):
        return unit, [_("a %(kind)s has no role %(role)s") % {"kind": unit.get_kind_display(), "role": role}]
    return unit, []


def set_role(user, role, unit):
    """Make ``user``'s newsroom role exactly ``role`` (for ``unit``); other groups stay."""
    role_groups = RoleGroup.objects.filter(group__user=user).values("group")
    user.groups.remove(*user.groups.filter(pk__in=role_groups))
    add_member(user, role, unit)


@transaction.atomic
def import_staff(rows, by=None):
    """Create or update each user and make their newsroom role exactly the one of their row; each
    change goes to Wagtail's audit log (by ``by``, the person importing, if any)."""
    created = updated = 0
    for row in rows:
        user = StaffMember.all_accounts.filter(username__iexact=row.username).first()
        if user is None:
            user = StaffMember(username=row.username)
            user.set_unusable_password()
            created += 1
        else:
            updated += 1
        changes = [] if user.pk is None else changes_for(user, row)
        # Vietnamese names run family name first; Django joins first_name + last_name, so the whole
        # name goes in first_name and displays in its own order everywhere ("Nguyễn Thị Mỹ Linh").
        action = "wagtail.create" if user.pk is None else "wagtail.edit"
        user.first_name, user.last_name, user.email = row.full_name[:150], "", row.email
        user.save()
        set_role(user, row.role, row.unit)
        if action == "wagtail.create" or changes:
            log(instance=user, action=action, user=by, content_changed=True)
    return created, updated
