"""The Board's page for a person's requests about their data: find what is held about an email or a
phone number, export it (JSON, XLSX), correct or erase it (privacy/actions.py).

Only the Board (units.roles.acts_as_board) reaches it: anyone else with admin access is refused
with 403, whatever they post; people without admin access are sent to the sign-in page by Wagtail.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from core.text import nfc, single_line
from privacy import actions, exports
from privacy.people import find, normalise_phone
from submissions.forms import PHONE_PATTERN
from submissions.models import NAME_LENGTH, PHONE_LENGTH
from units.roles import acts_as_board

EXPORT_FILENAME = "du-lieu-ca-nhan"
EXPORT_TYPES = {
    "json": ("application/json; charset=utf-8", exports.as_json),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exports.as_xlsx),
}


def _clean_phone(value):
    value = nfc(single_line(value or "")).strip()
    if value and (not PHONE_PATTERN.match(value) or not 8 <= len(normalise_phone(value)) <= 15):
        raise forms.ValidationError(_("Please enter a phone number of 8 to 15 digits."))
    return value


class LookupForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email"), required=False, max_length=254)
    phone = forms.CharField(label=gettext_lazy("Phone"), required=False, max_length=PHONE_LENGTH)

    def clean_phone(self):
        return _clean_phone(self.cleaned_data.get("phone"))

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("email") and not cleaned.get("phone"):
            raise forms.ValidationError(_("Give the person's email or phone number."))
        return cleaned


class CorrectionForm(forms.Form):
    new_name = forms.CharField(label=gettext_lazy("Correct name"), required=False, max_length=NAME_LENGTH)
    new_email = forms.EmailField(label=gettext_lazy("Correct email"), required=False)
    new_phone = forms.CharField(label=gettext_lazy("Correct phone"), required=False, max_length=PHONE_LENGTH)

    def clean_new_name(self):
        return nfc(single_line(self.cleaned_data.get("new_name") or "")).strip()

    def clean_new_phone(self):
        return _clean_phone(self.cleaned_data.get("new_phone"))

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(cleaned.get(key) for key in ("new_name", "new_email", "new_phone")):
            raise forms.ValidationError(_("Give at least one corrected value."))
        return cleaned


def edit_url(record):
    viewset = getattr(type(record), "snippet_viewset", None)
    if viewset is not None:
        return reverse(viewset.get_url_name("edit"), args=[record.pk])
    return reverse("wagtailusers_users:edit", args=[record.pk])


class PersonRequestView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "privacy/request.html"
    page_title = gettext_lazy("Requests about personal data")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not acts_as_board(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        lookup = LookupForm(request.GET if ("email" in request.GET or "phone" in request.GET) else None)
        if lookup.is_bound and not lookup.is_valid():
            return self.show(lookup, status=400)
        return self.show(lookup)

    def post(self, request, *args, **kwargs):
        lookup = LookupForm(request.POST)
        if not lookup.is_valid():
            return self.show(lookup, status=400)
        holdings = find(lookup.cleaned_data["email"], lookup.cleaned_data["phone"])
        action = request.POST.get("action")
        if action in ("export-json", "export-xlsx"):
            return self.export(holdings, action.removeprefix("export-"))
        if action == "erase":
            return self.erase(lookup, holdings)
        if action == "correct":
            return self.correct(lookup, holdings, CorrectionForm(request.POST))
        return self.show(lookup, status=400)

    def show(self, lookup, correction=None, status=200):
        context = self.get_context_data(lookup=lookup, correction=correction or CorrectionForm())
        if lookup.is_bound and lookup.is_valid():
            holdings = find(lookup.cleaned_data["email"], lookup.cleaned_data["phone"])
            context["holdings"] = holdings
            context["kinds"] = [
                (model._meta.verbose_name_plural, [(record, edit_url(record)) for record in records])
                for model, records in holdings.submissions
            ]
            context["accounts"] = [(account, edit_url(account)) for account in holdings.accounts]
        return self.render_to_response(context, status=status)

    def again(self, email, phone):
        query = urlencode({key: value for key, value in (("email", email), ("phone", phone)) if value})
        return redirect(reverse("privacy:requests") + "?" + query)

    def export(self, holdings, file_format):
        content_type, write = EXPORT_TYPES[file_format]
        actions.log_export(holdings, self.request.user, file_format)
        response = HttpResponse(write(holdings), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{EXPORT_FILENAME}.{file_format}"'
        response["Cache-Control"] = "private, no-store"
        return response

    def erase(self, lookup, holdings):
        data = lookup.cleaned_data
        if self.request.user.pk in {account.pk for account in holdings.accounts}:
            messages.error(self.request, _("You cannot erase your own account."))
        elif self.request.POST.get("confirm") != "yes":
            messages.error(self.request, _("Tick the box to confirm the erasure."))
        else:
            count = actions.erase(holdings, self.request.user)
            messages.success(
                self.request,
                ngettext("%(count)d record erased.", "%(count)d records erased.", count) % {"count": count},
            )
        return self.again(data["email"], data["phone"])

    def correct(self, lookup, holdings, correction):
        if not correction.is_valid():
            return self.show(lookup, correction=correction, status=400)
        new = correction.cleaned_data
        count = actions.correct(
            holdings, self.request.user, name=new["new_name"], email=new["new_email"], phone=new["new_phone"]
        )
        messages.success(
            self.request,
            ngettext("%(count)d record corrected.", "%(count)d records corrected.", count) % {"count": count},
        )
        data = lookup.cleaned_data
        return self.again(new["new_email"] or data["email"], new["new_phone"] or data["phone"])
