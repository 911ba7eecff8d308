"""The public forms: sizes, a honeypot, text kept in NFC without control characters, and attributes for
assistive technology."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.names import NameChoiceField
from core.text import multiline, nfc, single_line
from exemplars.models import Field
from submissions.consent import CONSENT_LABEL, CONSENT_REQUIRED, CONSENT_VERSION, consent_notice
from submissions.models import LONG_TEXT_LENGTH, DifficultyReport, Nomination
from units.models import Unit, UnitKind

HONEYPOT_FIELD = "website"
# Digits with the separators people write (0299 3 821 234, +84 299 3821234); 8 to 15 digits.
PHONE_PATTERN = re.compile(r"^\+?[0-9 ().-]+$")
CONTACT_NEEDED = _("Please give a phone number or an email so the Board can contact you.")


class PublicSubmissionForm(forms.ModelForm):
    """What both forms share: the honeypot, size messages, clean NFC text and accessible attributes."""

    # Bots fill every field they see; people never see this one (hidden, out of the tab order).
    website = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200, widget=forms.TextInput()
    )
    # The sender's informed consent (submissions/consent.py): required, its version stored.
    consent = forms.BooleanField(label=CONSENT_LABEL, required=True)
    # Fields where one of two is enough: (first, second, message).
    either_of = ()
    # What the consent notice says is collected and why, per form.
    consent_collected = ""
    consent_purpose = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.data = self.without_control_characters(self.data)
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        for field in self.fields.values():
            limit = getattr(field, "max_length", None)
            if limit:
                field.error_messages["max_length"] = _(
                    "Please keep this to %(limit_value)d characters (it has %(show_value)d)."
                )
                field.widget.attrs.setdefault("maxlength", str(limit))
            if field.required:
                field.error_messages["required"] = (
                    _("Please choose one.") if isinstance(field, forms.ChoiceField) else _("Please fill in this field.")
                )
            if isinstance(field, forms.ModelChoiceField):
                field.empty_label = _("Choose…")
        self.fields["consent"].error_messages["required"] = CONSENT_REQUIRED

    def without_control_characters(self, data):
        """The submitted text as the fields will read it: no control characters (they break the Board's
        exports and mean nothing to a reader), tabs and LF line breaks kept in text areas only.

        Done to the data, before the fields validate it, so lengths count what is stored (a text area's
        CR LF is one character, as the browser counted it) and a form sent back shows the cleaned text.
        """
        data = data.copy()
        for name, field in self.fields.items():
            key = self.add_prefix(name)
            if not isinstance(field, forms.CharField) or key not in data:
                continue
            clean = multiline if isinstance(field.widget, forms.Textarea) else single_line
            if hasattr(data, "setlist"):
                data.setlist(key, [clean(value) for value in data.getlist(key)])
            elif isinstance(data[key], str):
                data[key] = clean(data[key])
        return data

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            cleaned[name] = nfc(value)
        for first, second, message in self.either_of:
            if not cleaned.get(first) and not cleaned.get(second) and first not in self.errors:
                self.add_error(first, message)
        return cleaned

    def save(self, commit=True):
        self.instance.consent_version = CONSENT_VERSION
        return super().save(commit=commit)

    def consent_notice(self):
        return consent_notice(self)

    def clean_phone_value(self, value):
        value = (value or "").strip()
        if value and (not PHONE_PATTERN.match(value) or not 8 <= sum(ch.isdigit() for ch in value) <= 15):
            raise forms.ValidationError(_("Please enter a phone number of 8 to 15 digits."))
        return value

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def describe_fields(self):
        """Link each input to its help text and errors (aria-describedby) and mark invalid ones."""
        for bound in self.visible_fields():
            described_by = []
            if bound.help_text or bound.name == "consent":  # the consent box: the notice above it
                described_by.append(f"{bound.auto_id}_help")
            if bound.errors:
                described_by.append(f"{bound.auto_id}_error")
                bound.field.widget.attrs["aria-invalid"] = "true"
            if described_by:
                bound.field.widget.attrs["aria-describedby"] = " ".join(described_by)


def _units():
    return Unit.objects.active().exclude(kind=UnitKind.BOARD).order_by("name")


def _fields():
    return Field.objects.all()


class NominationForm(PublicSubmissionForm):
    unit = NameChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("The district, department or organisation the nominee belongs to, if you know it."),
    )
    field = NameChoiceField(
        label=pgettext_lazy("sector of life", "Field"), queryset=Field.objects.none(), required=False
    )
    achievements = forms.CharField(
        label=_("Achievements"),
        max_length=LONG_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What they did, since when, the results, and any awards they received."),
    )

    either_of = (
        ("address", "unit", _("Please give the nominee's commune or address, or choose their unit.")),
        ("nominator_phone", "nominator_email", CONTACT_NEEDED),
    )
    consent_collected = _(
        "What is collected: your name, phone number and email, and the name, address and achievements "
        "of the person or collective you nominate."
    )
    consent_purpose = _(
        "Why: only so the Board can consider introducing the exemplar and contact you about it; it is "
        "used for nothing else and given to nobody else."
    )

    class Meta:
        model = Nomination
        fields = [
            "nominee_name",
            "nominee_kind",
            "unit",
            "address",
            "field",
            "achievements",
            "nominator_name",
            "nominator_phone",
            "nominator_email",
        ]
        labels = {
            "nominee_name": _("Name of the person or collective"),
            "nominee_kind": _("The nominee is"),
            "address": _("Commune or address"),
            "nominator_name": _("Your name"),
            "nominator_phone": _("Your phone"),
            "nominator_email": _("Your email"),
        }
        help_texts = {
            "nominee_kind": "",
            "address": _("For example: ấp An Hòa, xã An Mỹ, huyện Kế Sách."),
            "nominator_phone": _("So the Board can contact you: a phone number or an email is needed."),
        }
        widgets = {
            "nominee_kind": forms.RadioSelect,
            "nominator_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "nominator_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "nominator_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _units()
        self.fields["field"].queryset = _fields()

    def clean_nominator_phone(self):
        return self.clean_phone_value(self.cleaned_data.get("nominator_phone"))


class DifficultyReportForm(PublicSubmissionForm):
    unit = NameChoiceField(label=_("Your unit"), queryset=Unit.objects.none())
    either_of = (("phone", "email", CONTACT_NEEDED),)
    consent_collected = _(
        "What is collected: your name, position, unit, phone number and email, and the difficulty you describe."
    )
    consent_purpose = _(
        "Why: only so the Board can handle the difficulty and contact you about it; it is used for "
        "nothing else and given to nobody else."
    )
    description = forms.CharField(
        label=_("The difficulty"),
        max_length=LONG_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What is difficult in carrying out the plan, and what you propose."),
    )

    class Meta:
        model = DifficultyReport
        fields = ["unit", "reporter_name", "position", "email", "phone", "subject", "description"]
        labels = {
            "reporter_name": _("Your name"),
            "position": _("Your position"),
            "email": _("Your email"),
            "phone": _("Your phone"),
            "subject": _("Subject of the report"),
        }
        help_texts = {
            "phone": _("So the Board can contact you: a phone number or an email is needed."),
        }
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "reporter_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "position": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _units()

    def clean_phone(self):
        return self.clean_phone_value(self.cleaned_data.get("phone"))
