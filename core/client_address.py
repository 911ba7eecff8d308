"""Who is asking: the client's address, trusting only the proxies we run (docs/security.md).

The login lockout (django-axes, through ``AXES_CLIENT_IP_CALLABLE``) and the public forms' rate
limit both count attempts per address, so both must read it the same way.
"""

import functools
import ipaddress

from django.conf import settings

# TRUSTED_PROXY_ADDRESSES' word for a proxy that reaches gunicorn over a Unix socket: such a
# connection has no peer address, so gunicorn leaves REMOTE_ADDR empty.
UNIX_SOCKET = "unix"


@functools.lru_cache(maxsize=8)
def _proxy_networks(addresses):
    return tuple(ipaddress.ip_network(address, strict=False) for address in addresses if address != UNIX_SOCKET)


def _parse_ip(text):
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    # gunicorn bound to [::] sees IPv4 clients as ::ffff:a.b.c.d.
    return getattr(address, "ipv4_mapped", None) or address


def from_trusted_proxy(request):
    """Whether the connection came from one of our own proxies (TRUSTED_PROXY_ADDRESSES)."""
    addresses = tuple(getattr(settings, "TRUSTED_PROXY_ADDRESSES", ()))
    remote = request.META.get("REMOTE_ADDR") or ""
    if not remote:
        return UNIX_SOCKET in addresses
    address = _parse_ip(remote)
    return address is not None and any(address in network for network in _proxy_networks(addresses))


def client_ip(request):
    """The client's address for django-axes and the public forms' rate limit, trusting only our proxies.

    Each proxy appends the address it saw to X-Forwarded-For (nginx:
    ``proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for``), so with N trusted proxies
    the client is the N-th entry from the right; anything further left came from the client and
    could be forged. The header is read only when the connection itself comes from a proxy of
    ours (TRUSTED_PROXY_ADDRESSES): someone reaching gunicorn directly writes the whole header, so
    for them it is REMOTE_ADDR, as it is for everyone without proxies (TRUSTED_PROXY_COUNT = 0).
    """
    remote = request.META.get("REMOTE_ADDR")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0 and from_trusted_proxy(request):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            client = _parse_ip(forwarded[-count])
            # Not an address (a mangled header): counting it would store junk, so count the proxy.
            if client is not None:
                return str(client)
    return remote
