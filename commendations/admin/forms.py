"""The admin's forms for commendation proposals: the proposal itself and the Board's steps.

What a user may choose is narrowed here, whatever a forged POST names: an approver proposes only
live stories of their own unit(s), for their own unit(s); only the Board proposes from a
nomination; documents are those the user may choose in the document library.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput, AdminPageChooser
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from commendations.permissions import approved_unit_ids, is_board
from commendations.proposals import Decision, proposable_nominations, proposable_stories
from exemplars.models import AwardType, ExemplarPage
from units.models import Unit


class ProposalForm(WagtailAdminModelForm):
    """The proposal's form; its source (story or nomination) is chosen when it is made, never after."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if self.instance.pk is None:
            self._narrow_sources(user)
        else:
            self.fields.pop("story", None)
            self.fields.pop("nomination", None)
        # A list, not the snippet chooser, which would offer every unit.
        units = Unit.objects.all() if is_board(user) else Unit.objects.filter(pk__in=approved_unit_ids(user))
        self.fields["proposing_unit"].widget = forms.Select()
        self.fields["proposing_unit"].queryset = units
        # A list too: the snippet chooser pages through the award types, unsearchable.
        self.fields["award_type"].widget = forms.Select()
        self.fields["award_type"].queryset = AwardType.objects.all()
        self._narrow_documents(user)

    def _narrow_sources(self, user):
        """A story, chosen in the form; or a nomination, given by the Board's nomination listing
        (``?nomination=``) and shown by its name. Only one of them is in the form."""
        nomination_id = self.data.get("nomination") if self.is_bound else self.initial.get("nomination")
        if nomination_id and is_board(user):
            self.fields.pop("story")
            field = self.fields["nomination"]
            field.queryset = proposable_nominations(user)
            field.widget = forms.HiddenInput()
            field.required = True
            # Whatever was posted: a number is looked up, anything else is the field's own error.
            valid = str(nomination_id).isascii() and str(nomination_id).isdigit() and len(str(nomination_id)) < 19
            nominees = field.queryset.filter(pk=int(nomination_id)) if valid else field.queryset.none()
            nominee = nominees.values_list("nominee_name", flat=True).first() or ""
            field.label = _("Nomination of %(name)s") % {"name": nominee}
            return
        self.fields.pop("nomination")
        story = self.fields["story"]
        story.queryset = proposable_stories(user)
        story.widget = AdminPageChooser(target_models=[ExemplarPage])
        story.required = True
        story.error_messages["required"] = _("Choose the live story of the person proposed.")
        story.error_messages["invalid_choice"] = _("Choose a live story of a unit you approve for.")

    def _narrow_documents(self, user):
        formset = self.formsets.get("documents")
        if formset is None:
            return
        document_policy = policy_registry.get_by_type(get_document_model())
        choosable = document_policy.instances_user_has_any_permission_for(user, ["choose"])
        for form in [*formset.forms, formset.empty_form]:
            form.fields["document"].queryset = choosable


class DecisionForm(forms.Form):
    number = forms.CharField(label=_("decision number"), max_length=100)
    date = forms.DateField(label=_("decision date"), widget=AdminDateInput)
    signer = forms.CharField(label=_("signed by"), max_length=255, help_text=_("Position and full name."))
    awarded_by = forms.CharField(
        label=_("awarding authority"),
        max_length=255,
        required=False,
        help_text=_("As the story shows it, e.g. “Chủ tịch UBND tỉnh”. Left empty, the signer."),
    )

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("A decision cannot be dated in the future."))
        if date.year < 1945:
            raise forms.ValidationError(_("Enter the date of the decision."))
        return date

    def decision(self):
        data = self.cleaned_data
        return Decision(data["number"], data["date"], data["signer"], data["awarded_by"])


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("reason for declining"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))


class SendForm(forms.Form):
    """Sending asks nothing: the form is its confirmation (a POST with its CSRF token)."""
