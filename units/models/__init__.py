from units.models.boundary import UnitBoundaryPage
from units.models.quotas import QuotaPeriod, QuotaRule, RuleStatus, province_today
from units.models.reminders import QuotaReminder
from units.models.roles import Role, RoleGroup
from units.models.staff import StaffMember
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
    "RuleStatus",
    "StaffMember",
    "Unit",
    "UnitApprovalTask",
    "UnitBoundaryPage",
    "UnitKind",
    "UnitQuerySet",
    "province_today",
    "split_emails",
    "unit_kind_order",
    "validate_email_list",
]
