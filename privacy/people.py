"""Everything the newsroom holds about one person, found by their email or phone number.

The submission kinds are found through the app registry (concrete subclasses of
submissions.models.Submission), and each declares which of its fields are the sender's name,
email and phone (``contact_fields``) and which are personal (``personal_fields``): nothing here
lists field names. Staff accounts are matched on their email (they hold no phone number).

Matching is done on normalised values: an email without surrounding spaces and case; a phone
number as its digits, with the country code written +84, 0084 or 84 read as the leading 0
("+84 299 3821 234" and "0299 3 821 234" are the same number).
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model

from core.text import nfc
from submissions.models import Submission

DIGITS = "0123456789"


def normalise_email(value):
    return nfc(value or "").strip().casefold()


def normalise_phone(value):
    """A phone number as the digits a Vietnamese caller dials: "+84 (0)299-3821 234" → "02993821234"."""
    digits = "".join(ch for ch in (value or "") if ch in DIGITS)
    if digits.startswith("0084"):
        digits = "0" + digits[4:]
    elif digits.startswith("84") and (len(digits) >= 11 or (value or "").strip().startswith("+")):
        digits = "0" + digits[2:]
    elif digits and not digits.startswith("0") and len(digits) in (9, 10):
        digits = "0" + digits  # written without its leading 0
    return digits


def submission_models():
    return [model for model in apps.get_models() if issubclass(model, Submission) and model.contact_fields]


@dataclass
class Holdings:
    """What is held about the person with ``email`` and/or ``phone`` (normalised; either may be empty)."""

    email: str
    phone: str
    # [(model, [submission, …]), …], one entry per kind, even when it holds nothing.
    submissions: list = field(default_factory=list)
    accounts: list = field(default_factory=list)

    @property
    def records(self):
        return [record for _, records in self.submissions for record in records] + list(self.accounts)

    def __bool__(self):
        return bool(self.records)


def _matching_pks(model, email, phone):
    contact = model.contact_fields
    pks = set()
    if email:
        pks |= set(model.objects.filter(**{f"{contact['email']}__iexact": email}).values_list("pk", flat=True))
    if phone:
        # Stored as typed (spaces, dots, +84): compared once normalised, on the rows that have one.
        rows = model.objects.exclude(**{contact["phone"]: ""}).values_list("pk", contact["phone"])
        pks |= {pk for pk, stored in rows if normalise_phone(stored) == phone}
    return pks


def find(email="", phone=""):
    """Every submission of every kind and every staff account held about this email or phone."""
    email, phone = normalise_email(email), normalise_phone(phone)
    holdings = Holdings(email=email, phone=phone)
    for model in submission_models():
        pks = _matching_pks(model, email, phone)
        records = list(model.objects.filter(pk__in=pks).order_by("created_at", "pk")) if pks else []
        holdings.submissions.append((model, records))
    if email:
        holdings.accounts = list(get_user_model().objects.filter(email__iexact=email).order_by("pk"))
    return holdings
