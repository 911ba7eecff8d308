"""What the Board does with a person's data on their request, each act in Wagtail's audit log
(Reports → Site history, and each record's own history): export, erase, correct.

Log entries never carry the personal data itself (only which fields changed), and once a record is
erased the labels of its earlier log entries are rewritten too, since Wagtail keeps the record's
name there.
"""

import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import devices_for_user
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

EXPORTED = "privacy.exported"
ERASED = "privacy.erased"
CORRECTED = "privacy.corrected"
RETENTION = "privacy.retention"

# Shown wherever the admin names a staff member whose account was erased (page history, revisions,
# owners): Wagtail shows a user's full name, so it is the scrubbed account's first name.
NEUTRAL_STAFF_NAME = gettext_lazy("Staff member who has left")


def record_log(record, action, user, data=None):
    """Log ``action`` on ``record`` under an id of its own: Wagtail's history shows one entry per
    (id, action), and a request's entries share the request's id, so one act on several records
    would otherwise show on one record's history only."""
    log(instance=record, action=action, user=user, uuid=uuid.uuid4(), data=data or {})


def relabel_history(record):
    """Earlier log entries of ``record`` keep the name it had: give them the one it has now."""
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(record), for_concrete_model=False),
        object_id=str(record.pk),
    ).update(label=str(record)[:255])


def log_export(holdings, user, file_format):
    for record in holdings.records:
        record_log(record, EXPORTED, user, {"format": file_format})


def scrub_account(account):
    """Erase a staff account's personal data, keeping the row.

    The account is deactivated and emptied rather than deleted: its stories' revisions, log entries,
    owners and comments reference it, and deleting it would either remove them or leave Wagtail's
    history without an author. The stories stay; wherever the admin names their author it now reads
    the neutral name (in the site's language), and the account can never sign in again.
    """
    with translation.override(settings.LANGUAGE_CODE):
        account.first_name = str(NEUTRAL_STAFF_NAME)
    account.last_name = ""
    account.email = ""
    account.username = f"da-roi-he-thong-{account.pk}"
    account.is_active = False
    account.set_unusable_password()
    account.save()
    account.groups.clear()
    account.user_permissions.clear()
    for device in devices_for_user(account, confirmed=None):
        device.delete()
    profile = getattr(account, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        profile.avatar.delete(save=True)


@transaction.atomic
def erase(holdings, user):
    """Anonymise every submission and scrub every account in ``holdings``; the number of records."""
    now = timezone.now()
    for record in holdings.records:
        if hasattr(record, "anonymise"):
            record.anonymise(when=now)
        else:
            scrub_account(record)
        relabel_history(record)
        record_log(record, ERASED, user)
    return len(holdings.records)


@transaction.atomic
def correct(holdings, user, name="", email="", phone=""):
    """Replace the person's name, email and phone (those given) on each record; the records changed."""
    given = {key: value for key, value in (("name", name), ("email", email), ("phone", phone)) if value}
    changed = 0
    for record in holdings.records:
        if hasattr(record, "contact_fields"):
            columns = {record.contact_fields[key]: value for key, value in given.items()}
        else:
            columns = {"first_name": given.get("name"), "last_name": "" if "name" in given else None}
            columns["email"] = given.get("email")
            columns = {column: value for column, value in columns.items() if value is not None}
        columns = {column: value for column, value in columns.items() if getattr(record, column) != value}
        if not columns:
            continue
        for column, value in columns.items():
            setattr(record, column, value)
        record.save(update_fields=list(columns))
        relabel_history(record)
        record_log(record, CORRECTED, user, {"fields": sorted(columns)})
        changed += 1
    return changed


def _field_labels(model, names):
    labels = []
    for name in names:
        try:
            labels.append(str(model._meta.get_field(name).verbose_name))
        except (AttributeError, FieldDoesNotExist):  # no model, or a field since removed: its name
            labels.append(name)
    return labels


def describe(log_entry):
    """The message of a privacy log entry (privacy/wagtail_hooks.py)."""
    action, data = log_entry.action, log_entry.data or {}
    if action == EXPORTED:
        return _("Personal data exported on the person's request (%(format)s)") % {
            "format": str(data.get("format", "")).upper()
        }
    if action == ERASED:
        return _("Personal data erased on the person's request")
    if action == CORRECTED:
        return _("Personal data corrected on the person's request: %(fields)s") % {
            "fields": ", ".join(_field_labels(log_entry.content_type.model_class(), data.get("fields", [])))
        }
    return ""
