"""The enrolment and verification steps, and renewing recovery codes, in Wagtail's admin look.

A wrong code at verification is a failed sign-in for django-axes (user_login_failed), so the
password's lockout covers the second step too; once locked out the session is signed out.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from staffauth import audit, devices
from staffauth.forms import CodeForm, EnrolForm
from staffauth.policy import has_enrolled, is_verified, must_enrol


def next_url(request):
    """Where to go after the step: the page first asked for, if it is on this site."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def enrol(request):
    user = request.user
    if has_enrolled(user) and not is_verified(user):
        # Setting up a new phone needs the old one (or a recovery code) first.
        return redirect(f"{reverse('staffauth:verify')}?{request.GET.urlencode()}")
    device = devices.pending_device(user)
    form = EnrolForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(devices.normalise(form.cleaned_data["code"])):
            codes = devices.confirm(device)
            otp_login(request, device)
            audit.record(audit.ENROLLED, user)
            return recovery_codes_page(request, codes, enrolled=True)
        form.add_error("code", _("This code is not right. Check the time on your phone and try the newest code."))
    context = {
        "form": form,
        "next": next_url(request),
        "secret": devices.secret_of(device),
        "qr_svg": devices.qr_svg(device),
        "required": must_enrol(user),
        "renewing": has_enrolled(user),
    }
    return TemplateResponse(request, "staffauth/enrol.html", context)


def recovery_codes_page(request, codes, enrolled=False):
    context = {"codes": codes, "next": next_url(request), "enrolled": enrolled}
    response = TemplateResponse(request, "staffauth/recovery_codes.html", context)
    response["Cache-Control"] = "no-store"
    return response


def verify(request):
    user = request.user
    if is_verified(user):
        return redirect(next_url(request))
    if not has_enrolled(user):
        return redirect(f"{reverse('staffauth:enrol')}?{request.GET.urlencode()}")
    credentials = {"username": user.get_username()}
    if AxesProxyHandler.is_locked(request, credentials):
        return locked_out(request, credentials)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = devices.device_accepting(user, form.cleaned_data["code"])
        if device is not None:
            return verified(request, device)
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            return locked_out(request, credentials)
        form.add_error("code", _("This code is not right, or was already used. Try the newest code."))
    return TemplateResponse(request, "staffauth/verify.html", {"form": form, "next": next_url(request)})


def verified(request, device):
    otp_login(request, device)
    if isinstance(device, StaticDevice):
        audit.record(audit.RECOVERY_CODE_USED, request.user)
        left = devices.recovery_codes_left(request.user)
        message = ngettext(
            "You signed in with a recovery code. %(count)d code is left: renew them in your account settings.",
            "You signed in with a recovery code. %(count)d codes are left: renew them in your account settings.",
            left,
        )
        messages.warning(request, message % {"count": left})
    return redirect(next_url(request))


def locked_out(request, credentials):
    """django-axes' lockout page; the password step is undone, so the session holds nothing."""
    logout(request)
    request.axes_locked_out = False  # answered here; AxesMiddleware need not answer again
    return get_lockout_response(request, credentials=credentials)


@require_POST
def renew_recovery_codes(request):
    """New recovery codes (the old stop working), for a user who proved the second factor."""
    if not is_verified(request.user):
        return redirect("staffauth:verify")
    codes = devices.new_recovery_codes(request.user)
    audit.record(audit.RECOVERY_CODES_RENEWED, request.user)
    return recovery_codes_page(request, codes)
