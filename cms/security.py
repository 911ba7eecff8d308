"""Small pieces the security settings point to (see docs/security.md)."""

from django.conf import settings


def client_ip(request):
    """The client's address for django-axes, trusting only the proxies we run.

    Each proxy appends the address it saw to X-Forwarded-For (nginx:
    ``proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for``), so with N trusted proxies
    the client is the N-th entry from the right; anything further left came from the client and
    could be forged. Without proxies (TRUSTED_PROXY_COUNT = 0) it is REMOTE_ADDR.
    """
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: the admin's sign-in look, a clear message, HTTP 429."""
    from axes.helpers import get_cool_off
    from django.shortcuts import render

    cool_off = get_cool_off(request)
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(cool_off.total_seconds() // 60),
    }
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=settings.AXES_HTTP_RESPONSE_CODE)
