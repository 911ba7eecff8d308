from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from units.filters import UnitFilterSet
from units.models import EmulationBloc, Unit
from units.panels import add_unit_work_panel


class UnitViewSet(SnippetViewSet):
    model = Unit
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
    export_headings = {
        "name": _("Name"),
        "short_name": _("Short name"),
        "slug": _("Slug"),
        "kind": _("Kind"),
        "bloc": _("Emulation bloc"),
        "contact_emails": _("Contact emails"),
        "active_from": _("Active from"),
        "active_until": _("Active until"),
        "successor": _("Successor"),
    }
    export_filename = "don-vi"
    ordering = ["name"]

    def get_queryset(self, request):
        return Unit.objects.select_related("bloc", "successor")


class EmulationBlocViewSet(SnippetViewSet):
    model = EmulationBloc
    icon = "table"
    menu_label = _("Emulation blocs")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    list_export = ["name", "slug", "description"]


class UnitsGroup(SnippetViewSetGroup):
    menu_label = _("Units")
    menu_icon = "group"
    menu_order = 200
    items = (UnitViewSet, EmulationBlocViewSet)


register_snippet(UnitsGroup)


hooks.register("construct_homepage_panels", add_unit_work_panel)
