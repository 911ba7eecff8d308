"""The commendation proposals' admin: one Wagtail ModelViewSet (listing with filters, search and
the dossier-list export; add, edit, inspect, history) and the Board's steps at ``send/<id>/``,
``decide/<id>/`` and ``decline/<id>/``. Nothing is deleted or copied: a proposal is a record."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from commendations.admin import views
from commendations.admin.filters import ProposalFilterSet
from commendations.admin.forms import ProposalForm
from commendations.models import CommendationProposal

# The columns of a commendation dossier list (danh sách đề nghị khen thưởng), in its order.
DOSSIER_COLUMNS = [
    "row_number",
    "subject_name",
    "unit",
    "reason",
    "award_type",
    "get_level_display",
    "proposing_unit",
    "decision_number",
    "decision_date",
    "decision_signer",
]


class ProposalViewSet(ModelViewSet):
    model = CommendationProposal
    name = "commendation_proposals"
    icon = "pick"
    menu_label = _("Commendation proposals")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = views.ProposalIndexView
    add_view_class = views.ProposalCreateView
    edit_view_class = views.ProposalEditView
    inspect_view_class = views.ProposalInspectView
    history_view_class = views.ProposalHistoryView
    usage_view_class = views.ProposalUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    # "level": Wagtail shows get_level_display() under the field's label (a method would be headed "method").
    list_display = ["subject_name", "award_type", "level", "proposing_unit", "status", "proposed_at"]
    list_filter = None
    filterset_class = ProposalFilterSet
    search_fields = ["subject_name", "reason", "decision_number", "proposing_unit", "unit"]
    list_per_page = 50
    list_export = DOSSIER_COLUMNS
    export_headings = {
        "row_number": _("No."),
        "subject_name": _("Full name"),
        "unit": _("Unit"),
        "reason": _("Achievements summary"),
        "award_type": _("Award proposed"),
        "get_level_display": _("Level"),
        "proposing_unit": _("Proposing unit"),
        "decision_number": _("Decision number"),
        "decision_date": _("Decision date"),
        "decision_signer": _("Signed by"),
    }
    export_filename = "danh-sach-de-nghi-khen-thuong"
    inspect_view_fields = [
        "subject_name",
        "unit",
        "story",
        "nomination",
        "award_type",
        "level",
        "proposing_unit",
        "reason",
        "status",
        "proposed_by",
        "proposed_at",
        "sent_by",
        "sent_at",
        "decision_number",
        "decision_date",
        "decision_signer",
        "awarded_by",
        "decline_reason",
        "closed_by",
        "closed_at",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel([FieldPanel("story"), FieldPanel("nomination")], heading=_("Who is proposed")),
            FieldRowPanel([FieldPanel("award_type"), FieldPanel("level")]),
            FieldPanel("proposing_unit"),
            FieldPanel("reason"),
            InlinePanel("documents", label=_("Supporting documents")),
        ],
        base_form_class=ProposalForm,
    )
    add_to_reference_index = False

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("send/<int:pk>/", views.SendView.as_view(), name="send"),
            path("decide/<int:pk>/", views.DecideView.as_view(), name="decide"),
            path("decline/<int:pk>/", views.DeclineView.as_view(), name="decline"),
        ]


proposal_viewset = ProposalViewSet()
