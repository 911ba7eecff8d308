"""How the public form pages answer: the form, POST/redirect/GET, a honeypot, a rate limit.

Every answer is private and never cached: forms carry a CSRF token and show what a reader typed.
"""

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

from core.client_address import client_ip
from submissions.forms import HONEYPOT_FIELD
from submissions.models import MAX_BODY_BYTES
from submissions.notifications import notify_board


def _private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def _render(page, request, form, notice=None, status=200):
    form.describe_fields()
    context = page.get_context(request)
    context.update({"form": form, "notice": notice})
    return _private(TemplateResponse(request, page.get_template(request), context, status=status))


def _client(group, request):
    # The address our own proxies saw (TRUSTED_PROXY_COUNT), as the admin's login lockout uses.
    return client_ip(request) or ""


def _body_too_large(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY_BYTES
    except ValueError:
        return True


def serve_form(page, request):
    """The form (GET), or a submission (POST): stored and sent to the Board, then a redirect."""
    form_class = page.form_class
    if request.method != "POST":
        return _render(page, request, form_class())
    if _body_too_large(request):
        notice = _("What you sent is too long to be a form filled in by hand. Please shorten your text and send again.")
        return _render(page, request, form_class(), notice=notice, status=413)
    if request.POST.get(HONEYPOT_FIELD):
        # A bot: it is thanked like anyone, and nothing is kept or sent.
        return _private(redirect(page.thanks_url()))
    form = form_class(request.POST)
    if not form.is_valid():
        return _render(page, request, form)
    # Only complete submissions count: a reader correcting mistakes is never locked out.
    if is_ratelimited(
        request,
        group=page.rate_limit_group,
        key=_client,
        rate=settings.SUBMISSIONS_RATE_LIMIT,
        method="POST",
        increment=True,
    ):
        notice = _(
            "Many forms have been sent from your connection in the last hour. Nothing you typed is lost: "
            "please wait a while and send it again, or email the Board at %(email)s."
        ) % {"email": settings.SUBMISSIONS_CONTACT_EMAIL}
        return _render(page, request, form, notice=notice, status=429)
    with transaction.atomic():
        submission = form.save(commit=False)
        submission.language_code = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        submission.save()
    notify_board(submission)
    return _private(redirect(page.thanks_url()))


def serve_thanks(page, request):
    context = page.get_context(request)
    context["thanks"] = True
    return _private(TemplateResponse(request, page.get_template(request), context))
