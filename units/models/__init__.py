from units.models.boundary import UnitBoundaryPage
from units.models.quotas import QuotaPeriod, QuotaRule
from units.models.reminders import QuotaReminder
from units.models.roles import Role, RoleGroup
from units.models.tasks import UnitApprovalTask
from units.models.units import (
    CONTRIBUTING_KINDS,
    EmulationBloc,
    Unit,
    UnitKind,
    UnitQuerySet,
    split_emails,
    unit_kind_order,
    validate_email_list,
)

__all__ = [
    "CONTRIBUTING_KINDS",
    "EmulationBloc",
    "QuotaPeriod",
    "QuotaReminder",
    "QuotaRule",
    "Role",
    "RoleGroup",
    "Unit",
    "UnitApprovalTask",
    "UnitBoundaryPage",
    "UnitKind",
    "UnitQuerySet",
    "split_emails",
    "unit_kind_order",
    "validate_email_list",
]
