"""The "Two-step sign-in" panel of the account settings: the user's state and what they can do."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import BaseSettingsPanel

from staffauth import devices
from staffauth.policy import has_enrolled, is_verified, must_enrol


class SecondFactorPanel(BaseSettingsPanel):
    name = "second_factor"
    title = _("Two-step sign-in")
    order = 550  # after the password
    template_name = "staffauth/account_panel.html"
    form_class = forms.Form

    def get_form(self):
        # Nothing to save with the account form: the panel's actions have their own pages.
        return forms.Form(prefix=self.name)

    def get_context_data(self):
        return {
            **super().get_context_data(),
            "enrolled": has_enrolled(self.user),
            "verified": is_verified(self.request.user),
            "required": must_enrol(self.user),
            "codes_left": devices.recovery_codes_left(self.user),
        }
