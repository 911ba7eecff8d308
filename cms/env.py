"""Reading configuration from the environment, with messages that name the variable."""

import ipaddress
import os

from django.core.exceptions import ImproperlyConfigured


def env_str(name, default=None):
    """Return the variable's value, or ``default`` when it is unset or blank."""
    value = os.environ.get(name, "").strip()
    return value if value else default


def env_required(name, hint=""):
    """Return the variable's value; refuse to start without it."""
    value = env_str(name)
    if value is None:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production. {hint}".strip())
    return value


def env_bool(name, default=False):
    value = env_str(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"The environment variable {name} must be true or false, not {value!r}.")


def env_int(name, default):
    value = env_str(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"The environment variable {name} must be a whole number, not {value!r}.") from None


def env_list(name, default=()):
    """A comma-separated list, blanks dropped."""
    value = env_str(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_addresses(name, default=()):
    """A comma-separated list of IP addresses and networks (CIDR), and "unix" for a Unix socket."""
    items = env_list(name, default)
    for item in items:
        if item == "unix":
            continue
        try:
            network = ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise ImproperlyConfigured(
                f"The environment variable {name} must list IP addresses, networks or 'unix', not {item!r}."
            ) from None
        if network.prefixlen == 0:
            raise ImproperlyConfigured(f"The environment variable {name} must name the proxies, not every address.")
    return items
