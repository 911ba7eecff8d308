"""When a new unit is provisioned: the page-owning apps give it its boundary page, then its groups.

Each app that owns a kind of boundary page provisions the new units of that kind from its own
``post_save`` handler on ``Unit`` (exemplars: a section; columns: an outlet page) and then calls
``units.roles.ensure_unit_roles``, whose page permissions need that page to exist. A bulk loader
defers all of it and provisions every unit afterwards in one pass (setup_newsroom).
"""

import contextlib
import contextvars

_deferred = contextvars.ContextVar("unit_provisioning_deferred", default=False)


@contextlib.contextmanager
def defer_unit_provisioning():
    """Within this block, new units are not provisioned one by one (a bulk loader does it after)."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def is_new_unit_to_provision(unit, created, raw):
    """Whether a ``post_save`` of ``unit`` asks for provisioning: a unit just created (not loaded
    from a fixture), active today, outside a deferred block."""
    return created and not raw and unit.is_active and not _deferred.get()
