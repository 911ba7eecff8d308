"""The gate: a signed-in user who still owes the second factor reaches no admin page but the
steps themselves, and counts as signed out everywhere else.

It sits after django-otp's OTPMiddleware (which tells whether this session proved a device).
Every admin URL is closed, not a list of known ones: pages, choosers, the admin API and JSON
endpoints alike, so a URL added later is closed too.
"""

from functools import cache

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from staffauth.policy import pending_step

# Admin URLs open before the second step: signing in and out, the two steps, and what their pages
# load from the admin (its JavaScript translations and its icons, which hold no data).
OPEN_URL_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "staffauth:enrol",
    "staffauth:verify",
)


@cache
def open_paths():
    """The paths of OPEN_URL_NAMES and the admin's prefix, worked out once (URLs do not change)."""
    return frozenset(reverse(name) for name in OPEN_URL_NAMES), reverse("wagtailadmin_home")


def step_url(step, next_url):
    return f"{reverse(f'staffauth:{step}')}?{urlencode({'next': next_url})}"


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # Nobody is signed in without a session. Reading request.user would read the session,
            # and Django would then mark every public answer "Vary: Cookie", which the page cache
            # and any proxy take as "not shared": the public site would stop being cached.
            return self.get_response(request)
        step = pending_step(request.user)
        if step is None:
            return self.get_response(request)
        open_to_all, admin_prefix = open_paths()
        if not request.path.startswith(admin_prefix):
            # Public pages and documents: no user bar, no private file, until the second step.
            request.user = AnonymousUser()
            return self.get_response(request)
        if request.path in open_to_all:
            return self.get_response(request)
        return redirect(step_url(step, request.get_full_path()))
