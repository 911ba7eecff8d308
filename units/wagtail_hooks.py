from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_search import FoldedSearchIndexView

# These modules are imported for the hooks they register: the page chooser's filter, the document
# serve check, wagtail-localize's entry points, the names in other languages and the editor's guide.
from units import guide, names_admin, page_visibility, private_documents, translation_admin  # noqa: F401
from units.filters import QuotaRuleFilterSet, UnitFilterSet
from units.models import EmulationBloc, QuotaRule, Unit
from units.quota_admin import QuotaRuleCreateView, QuotaRuleIndexView, refuse_deleting_rules_in_effect
from units.staff.viewsets import StaffViewSet


class UnitViewSet(SnippetViewSet):
    model = Unit
    index_view_class = FoldedSearchIndexView
    icon = "group"
    menu_label = _("Units")
    list_display = ["name", "short_name", "kind", "bloc", "is_active"]
    list_per_page = 50
    filterset_class = UnitFilterSet
    search_fields = ["name", "short_name", "slug"]
    list_export = [
        "name",
        "short_name",
        "slug",
        "kind",
        "bloc",
        "contact_emails",
        "active_from",
        "active_until",
        "successor",
    ]
    export_filename = "don-vi"
    ordering = ["name"]

    def get_queryset(self, request):
        return Unit.objects.select_related("bloc", "successor")


class EmulationBlocViewSet(SnippetViewSet):
    model = EmulationBloc
    index_view_class = FoldedSearchIndexView
    icon = "table"
    menu_label = _("Emulation blocs")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    list_export = ["name", "slug", "description"]


class QuotaRuleViewSet(SnippetViewSet):
    """The Board's quota rules: listed with their status, added, ended, never edited once in force."""

    model = QuotaRule
    index_view_class = QuotaRuleIndexView
    add_view_class = QuotaRuleCreateView
    icon = "date"
    menu_label = _("Quota rules")
    list_display = ["target", "period", "minimum", "effective_from", "status"]
    list_per_page = 50
    filterset_class = QuotaRuleFilterSet
    search_fields = ["target", "note"]
    list_export = ["target", "get_period_display", "minimum", "effective_from", "status", "note"]
    export_headings = {"get_period_display": _("period"), "minimum": _("at least")}
    export_filename = "chi-tieu"
    # A copy of a rule is a rule from the same past date, which validation refuses: "End this rule"
    # is the way to a new rule for the same kind or unit.
    copy_view_enabled = False

    def get_queryset(self, request):
        return QuotaRule.objects.select_related("unit").with_status()

    def register_chooser_viewset(self):
        # No field chooses a rule, and Wagtail's snippet chooser is open to every admin user: without
        # it, nobody but the Board reads the rules in the admin.
        pass


class UnitsGroup(SnippetViewSetGroup):
    menu_label = _("Units")
    menu_icon = "group"
    menu_order = 200
    items = (UnitViewSet, EmulationBlocViewSet, QuotaRuleViewSet, StaffViewSet)


register_snippet(UnitsGroup)
hooks.register("before_delete_snippet", refuse_deleting_rules_in_effect)
