"""The page a unit's staff work under: the base of every page type that bounds a unit's rights."""

from django.apps import apps
from wagtail.models import Page


class UnitBoundaryPage(Page):
    """A page owned by one unit (an exemplar section, an outlet's page): the unit's groups get their
    page permissions here, and its approvers approve what is written below it.

    Abstract and without fields: each concrete page keeps its own ``unit`` foreign key, whose
    verbose name, reverse name and choices differ between the page types, so that no migration
    changes. A concrete page type says which unit kinds it bounds (``unit_kinds``) and which role
    approves the pages below it (``approving_role``). The roles and workflows find the page types
    through the app registry, so this app names none of them.
    """

    unit_kinds = frozenset()
    approving_role = None

    class Meta:
        abstract = True

    @classmethod
    def page_types(cls):
        """The concrete boundary page types, in the order of INSTALLED_APPS."""
        return [model for model in apps.get_models() if issubclass(model, cls)]

    @classmethod
    def page_type_for(cls, unit):
        """The boundary page type of ``unit``'s kind, or None for a unit that has none."""
        return next((model for model in cls.page_types() if unit.kind in model.unit_kinds), None)
