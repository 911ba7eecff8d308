"""Who must prove a second factor before reaching the admin, and who is spared.

The roles that publish or approve (the Board, unit approvers, outlet editors) and superusers must
enrol; everyone else may. Whoever has enrolled proves it at each sign-in. Usernames listed in
SECOND_FACTOR_EXEMPT_USERS are spared ("*": everyone): `make run`'s demo logins and the test
suite's force-logged-in users. Production refuses the setting (cms/settings/production.py).
"""

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from units.models import Role
from units.roles import cached_roles_of

REQUIRED_ROLES = frozenset({Role.BOARD, Role.APPROVER, Role.OUTLET_EDITOR})
EVERYONE = "*"

ENROL = "enrol"
VERIFY = "verify"


def must_enrol(user):
    return user.is_superuser or bool(cached_roles_of(user) & REQUIRED_ROLES)


def is_exempt(user):
    exempt = settings.SECOND_FACTOR_EXEMPT_USERS
    return EVERYONE in exempt or user.get_username() in exempt


def has_enrolled(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_verified(user):
    """Whether this session proved the second factor (django-otp's OTPMiddleware says so)."""
    verified = getattr(user, "is_verified", None)
    return bool(verified and verified())


def pending_step(user):
    """What a signed-in ``user`` still owes before the admin: VERIFY, ENROL, or None (nothing)."""
    if not user.is_authenticated or is_exempt(user) or is_verified(user):
        return None
    if has_enrolled(user):
        return VERIFY
    return ENROL if must_enrol(user) else None
