from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_search import FoldedSearchIndexView

# These modules are imported for the hooks they register: the page chooser's filter, the document
# serve check and wagtail-localize's entry points.
from units import page_visibility, private_documents, translation_admin  # noqa: F401
from units.filters import UnitFilterSet
from units.models import EmulationBloc, Unit


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


class UnitsGroup(SnippetViewSetGroup):
    menu_label = _("Units")
    menu_icon = "group"
    menu_order = 200
    items = (UnitViewSet, EmulationBlocViewSet)


register_snippet(UnitsGroup)
