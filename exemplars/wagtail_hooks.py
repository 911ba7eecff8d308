from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_search import FoldedSearchIndexView
from exemplars.models import AwardType, Field


class FieldViewSet(SnippetViewSet):
    model = Field
    index_view_class = FoldedSearchIndexView
    icon = "tag"
    menu_label = pgettext_lazy("sectors of life", "Fields")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    list_export = ["name", "slug", "description"]


class AwardTypeViewSet(SnippetViewSet):
    model = AwardType
    index_view_class = FoldedSearchIndexView
    icon = "trophy"
    menu_label = _("Award types")
    list_display = ["name", "category", "level", "for_individuals", "for_collectives", "for_households"]
    list_filter = ["category", "level"]
    search_fields = ["name"]
    list_export = ["name", "category", "level", "for_individuals", "for_collectives", "for_households"]


class ClassificationGroup(SnippetViewSetGroup):
    menu_label = _("Classification")
    menu_icon = "tag"
    menu_order = 210
    items = (FieldViewSet, AwardTypeViewSet)


register_snippet(ClassificationGroup)
