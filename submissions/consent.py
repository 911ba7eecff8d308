"""What a public form tells its sender about their personal data, and the version of that text.

Decree 13/2023/NĐ-CP asks for informed consent at collection: what is collected, why, who sees it,
how long it is kept and how to ask for it to be erased. Each submission stores the version its
sender agreed to (``Submission.consent_version``): change ``CONSENT_VERSION`` whenever these
sentences change in meaning, so that it is known which text each sender agreed to.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

CONSENT_VERSION = "2026-12"

CONSENT_LABEL = gettext_lazy("I have read the above and agree that the Board uses my data for this purpose.")
CONSENT_REQUIRED = gettext_lazy("Please tick the box to agree: without it the Board cannot receive your form.")


def consent_notice(form):
    """The sentences shown above the consent box of ``form`` (a public submission form)."""
    months = form._meta.model.retention_months()
    return [
        str(form.consent_collected),
        str(form.consent_purpose),
        _("Only the Emulation and Commendation Board reads what you send, to handle it."),
        ngettext(
            "It is kept while the Board handles it and for %(months)d month after it is closed; your name "
            "and contact details are then erased.",
            "It is kept while the Board handles it and for %(months)d months after it is closed; your name "
            "and contact details are then erased.",
            months,
        )
        % {"months": months},
        _(
            "You may ask at any time to see, correct or erase your data: email the Board at %(email)s, "
            "giving the email or phone number you used."
        )
        % {"email": settings.SUBMISSIONS_CONTACT_EMAIL},
        _("This follows Decree 13/2023/NĐ-CP on the protection of personal data."),
    ]
