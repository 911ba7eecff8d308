"""The admin's views of commendation proposals: Wagtail's generic views, each asking the permission
policy (commendations.permissions) about the very proposal it shows, and the Board's steps
(send, decide, decline) as small POST forms with their CSRF token.

Entry points pre-fill the add form with ``?story=<id>`` (a live story's header button) or
``?nomination=<id>`` (a row of the Board's nominations); a malformed id is a 400.
"""

import re

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import BadRequest, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.widgets.button import MenuItem

from commendations import proposals
from commendations.admin.forms import DecisionForm, DeclineForm, SendForm
from commendations.models import CommendationProposal
from commendations.permissions import is_board, proposal_policy, visible_proposals
from core.admin_search import FoldedSearchMixin
from core.spreadsheets import SafeSpreadsheetExportMixin

_ID = re.compile(r"[0-9]{1,18}", re.ASCII)


class ProposalAccessMixin:
    """A view of one proposal, open only to whom the policy allows ``access_action`` on it."""

    access_action = "view"

    def get_object(self, *args, **kwargs):
        proposal = super().get_object(*args, **kwargs)
        if not proposal_policy.user_has_permission_for_instance(self.request.user, self.access_action, proposal):
            raise PermissionDenied
        return proposal


class ProposalIndexView(FoldedSearchMixin, SafeSpreadsheetExportMixin, generic.IndexView):
    """The proposals the user may see; its export is a commendation dossier list, rows numbered."""

    row_number = 0

    def get_base_queryset(self):
        return visible_proposals(self.request.user).select_related(
            "award_type", "unit", "proposing_unit", "story", "nomination"
        )

    def get_edit_url(self, instance):
        if proposal_policy.user_has_permission_for_instance(self.request.user, "change", instance):
            return super().get_edit_url(instance)
        return None

    def to_row_dict(self, item):
        self.row_number += 1
        item.row_number = self.row_number
        return super().to_row_dict(item)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not is_board(self.request.user):
            return buttons
        for step, label, icon, url_name in STEP_BUTTONS:
            if instance.status in proposals.ALLOWED_FROM[step]:
                url = reverse(f"commendation_proposals:{url_name}", args=(instance.pk,))
                buttons.append(MenuItem(label, url=url, icon_name=icon, priority=40))
        return buttons


STEP_BUTTONS = [
    (proposals.SEND, _("Send to the council"), "mail", "send"),
    (proposals.DECIDE, _("Record the decision"), "check", "decide"),
    (proposals.DECLINE, _("Decline"), "cross", "decline"),
]


class RecordsProposerMixin:
    def save_instance(self):
        instance = self.form.instance
        if instance.pk is None:
            instance.proposed_by = self.request.user
            proposals.fill_from_source(instance)
        return super().save_instance()


class ProposalCreateView(RecordsProposerMixin, generic.CreateView):
    def get_initial(self):
        initial = super().get_initial()
        user = self.request.user
        story = self._prefill("story", proposals.proposable_stories(user))
        nomination = self._prefill("nomination", proposals.proposable_nominations(user))
        if story is not None:
            initial.update(story=story.pk, reason=story.summary, proposing_unit=story.unit_id)
        elif nomination is not None:
            initial.update(nomination=nomination.pk, reason=nomination.achievements)
        if is_board(user):
            board_unit = proposals.board_unit()
            if board_unit is not None:
                initial["proposing_unit"] = board_unit.pk
        return initial

    def _prefill(self, name, queryset):
        value = self.request.GET.get(name)
        if value is None:
            return None
        if not _ID.fullmatch(value):
            raise BadRequest
        return queryset.filter(pk=int(value)).first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        nomination = self._prefill("nomination", proposals.proposable_nominations(self.request.user))
        if nomination is not None:
            context["nomination"] = nomination
        return context


class ProposalEditView(ProposalAccessMixin, generic.EditView):
    access_action = "change"


class ProposalInspectView(ProposalAccessMixin, generic.InspectView):
    def get_field_display_value(self, field_name, field):
        # People by their names rather than their logins, and a dash for what is not recorded yet
        # (Wagtail would print "None").
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, get_user_model()):
            return get_user_display_name(value)
        return "—" if value is None or value == "" else value


class ProposalUsageView(ProposalAccessMixin, UsageView):
    pass


class ProposalHistoryView(ProposalAccessMixin, HistoryView):
    any_permission_required = ["add", "change", "view"]


class StepView(WagtailAdminTemplateMixin, FormView):
    """One of the Board's steps on a proposal: a form (GET), then the step (POST). A step the
    proposal's status does not allow is refused with a message, never an error page."""

    template_name = "commendations/step.html"
    step = None
    header_icon = "form"

    def dispatch(self, request, pk):
        if not is_board(request.user):
            raise PermissionDenied
        self.proposal = get_object_or_404(
            CommendationProposal.objects.select_related("award_type", "story", "nomination"), pk=pk
        )
        if self.proposal.status not in proposals.ALLOWED_FROM[self.step]:
            messages.error(request, proposals.REFUSALS[self.step] % {"status": self.proposal.get_status_display()})
            return redirect(self.index_url())
        return super().dispatch(request, pk)

    def index_url(self):
        return reverse("commendation_proposals:index")

    def get_page_subtitle(self):
        return str(self.proposal)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(proposal=self.proposal, action_url=self.request.path, cancel_url=self.index_url())
        return context

    def form_valid(self, form):
        try:
            self.take_step(form)
        except proposals.TransitionRefused as refused:
            messages.error(self.request, refused.message)
            return redirect(self.index_url())
        messages.success(self.request, self.success_message % {"proposal": self.proposal})
        return redirect(self.index_url())


class SendView(StepView):
    step = proposals.SEND
    form_class = SendForm
    page_title = _("Send to the council")
    success_message = _("“%(proposal)s” was sent to the council.")

    def take_step(self, form):
        proposals.send_to_council(self.proposal, self.request.user)


class DecideView(StepView):
    step = proposals.DECIDE
    form_class = DecisionForm
    page_title = _("Record the decision")
    success_message = _("The decision on “%(proposal)s” was recorded.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(deciding=True, story=proposals.story_of(self.proposal))
        return context

    def take_step(self, form):
        proposals.decide(self.proposal, self.request.user, form.decision())


class DeclineView(StepView):
    step = proposals.DECLINE
    form_class = DeclineForm
    page_title = _("Decline the proposal")
    success_message = _("“%(proposal)s” was declined.")

    def take_step(self, form):
        proposals.decline(self.proposal, self.request.user, form.cleaned_data["reason"])
