"""The staff form (one person, one role in one unit) and the two steps of the CSV import."""

from django import forms
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from units.models import Role, RoleGroup, StaffMember, Unit, UnitKind
from units.roles import roles_for_unit
from units.staff_import import SITE_WIDE_ROLES, clean_cell, set_role

# Bigger than any province's staff list (a row is under 200 bytes); the preview carries the file
# in a signed hidden field, which must stay well under Django's DATA_UPLOAD_MAX_MEMORY_SIZE.
MAX_IMPORT_BYTES = 256 * 1024
IMPORT_SALT = "units.staff.import"
# A preview is applied within the hour or made again.
IMPORT_MAX_AGE = 3600


class StaffForm(WagtailAdminModelForm):
    """A person of a unit or a site role. Only these fields exist: whatever else a POST carries
    (is_superuser, is_staff, groups, permissions) is ignored, and the only group given is the role's."""

    full_name = forms.CharField(label=_("Full name"), max_length=150, help_text=_("Family name first, as written."))
    email = forms.EmailField(label=_("Email"), max_length=254)
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.order_by("name"),
        required=False,
        help_text=_("Leave empty for the translators; the Board's members belong to the Board."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    field_order = ["username", "full_name", "email", "unit", "role", "is_active"]

    class Meta:
        model = StaffMember
        fields = ["username", "is_active"]
        help_texts = {
            "is_active": _(
                "A deactivated person cannot sign in and gets no emails; their name stays on what they wrote."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("full_name", self.instance.get_full_name())
            link = RoleGroup.objects.filter(group__user=self.instance).select_related("unit").order_by("pk").first()
            if link is not None:
                self.initial.setdefault("role", link.role)
                self.initial.setdefault("unit", link.unit_id if link.role not in SITE_WIDE_ROLES else None)

    def clean_username(self):
        username = clean_cell(self.cleaned_data["username"])
        others = get_user_model().objects.filter(username__iexact=username).exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(_("Another account already uses this username."))
        return username

    def clean_full_name(self):
        full_name = clean_cell(self.cleaned_data["full_name"])
        if not full_name:
            raise ValidationError(_("Enter the person's full name."))
        return full_name

    def clean_email(self):
        return clean_cell(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        role, unit = cleaned.get("role"), cleaned.get("unit")
        if role:
            self.role_unit = self._unit_for(role, unit)
            self._refuse_locking_oneself_out(cleaned, role)
        return cleaned

    def _unit_for(self, role, unit):
        """The unit the role is played in, or a form error saying why the pair is refused."""
        if role == Role.BOARD:
            board = Unit.objects.filter(kind=UnitKind.BOARD).first()
            if unit is not None and unit != board:
                self.add_error("unit", _("The Board's members belong to the Board: choose it or leave the unit empty."))
            return board
        if role in SITE_WIDE_ROLES:
            if unit is not None:
                self.add_error("unit", _("Translators work for the whole site: leave the unit empty."))
            return None
        if unit is None:
            self.add_error("unit", _("Choose the unit this person works for."))
            return None
        roles = roles_for_unit(unit)
        if role not in roles:
            message = _("%(unit)s has no role “%(role)s”; its roles: %(roles)s.") % {
                "unit": unit,
                "role": Role(role).label,
                "roles": ", ".join(str(Role(r).label) for r in roles) or "—",
            }
            self.add_error("role", message)
        return unit

    def _refuse_locking_oneself_out(self, cleaned, role):
        if not (self.instance.pk and self.for_user and self.instance.pk == self.for_user.pk):
            return
        if not cleaned.get("is_active", True):
            self.add_error("is_active", _("You cannot deactivate your own account."))
        if role != self.initial.get("role") or getattr(self, "role_unit", None) != self._initial_unit():
            self.add_error("role", _("You cannot change your own role: ask another member of the Board."))

    def _initial_unit(self):
        if self.initial.get("role") == Role.BOARD:
            return Unit.objects.filter(kind=UnitKind.BOARD).first()
        unit_id = self.initial.get("unit")
        return Unit.objects.filter(pk=unit_id).first() if unit_id else None

    def save(self, commit=True):
        user = super().save(commit=False)
        # The whole name in first_name, as the import does: Vietnamese names run family name first.
        user.first_name, user.last_name = self.cleaned_data["full_name"], ""
        if user.pk is None:
            # New people choose their password with "Forgot password?" on the login page.
            user.set_unusable_password()
        if commit:
            user.save()
            set_role(user, self.cleaned_data["role"], self.role_unit)
        return user


class StaffImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8 CSV (Excel's “CSV UTF-8” works) with the columns: username, full name, email, unit slug, role."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(_("The file is too big for a staff list (at most 256 KB)."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(_("The file is not UTF-8 text: save it as “CSV UTF-8”.")) from None


class StaffImportConfirmForm(forms.Form):
    """The previewed file, signed by the server for the person who previewed it: a forged or
    altered value, or one from another person or more than an hour old, is refused."""

    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    @staticmethod
    def sign(text, user, fingerprint):
        return signing.dumps({"csv": text, "by": user.pk, "plan": fingerprint}, salt=IMPORT_SALT, compress=True)

    def clean_token(self):
        try:
            payload = signing.loads(self.cleaned_data["token"], salt=IMPORT_SALT, max_age=IMPORT_MAX_AGE)
        except signing.SignatureExpired:
            raise ValidationError(_("This preview is more than an hour old: upload the file again.")) from None
        except signing.BadSignature:
            raise ValidationError(_("This preview cannot be applied: upload the file again.")) from None
        if not isinstance(payload, dict) or payload.get("by") != self.user.pk:
            raise ValidationError(_("This preview cannot be applied: upload the file again."))
        return payload
