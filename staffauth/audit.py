"""The second factor's entries in Wagtail's audit log (Reports → Site history), logged on the user."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

ENROLLED = "staffauth.enrolled"
RECOVERY_CODES_RENEWED = "staffauth.recovery_codes_renewed"
RECOVERY_CODE_USED = "staffauth.recovery_code_used"
REMOVED = "staffauth.removed"

ACTIONS = [
    (ENROLLED, _("Set up two-step sign-in"), _("Two-step sign-in set up")),
    (RECOVERY_CODES_RENEWED, _("Renew recovery codes"), _("Recovery codes renewed")),
    (RECOVERY_CODE_USED, _("Sign in with a recovery code"), _("Signed in with a recovery code")),
    (REMOVED, _("Remove two-step sign-in"), _("Two-step sign-in removed")),
]


def record(action, user, by_self=True):
    """Log ``action`` on ``user``'s record, done by the user (or by nobody: a management command)."""
    # request.user is a lazy object inside another (auth's, then django-otp's), which Wagtail's
    # audit log cannot type: log the row itself.
    user = get_user_model().objects.get(pk=user.pk)
    log(instance=user, action=action, user=user if by_self else None)
