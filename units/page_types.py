"""Finding the page types that declare a part in the newsroom's rules, through the app registry.

The page types live in the apps above ``units``; each says in a class attribute where it stands
(for instance ``board_publishes_here = True``), so the roles and workflows here never import them.
"""

from django.apps import apps
from wagtail.models import Page


def page_types_declaring(attribute):
    """The concrete page types whose class sets ``attribute`` to a true value, in the order of
    INSTALLED_APPS (so the rows they lead to are made in a fixed order)."""
    return [model for model in apps.get_models() if issubclass(model, Page) and getattr(model, attribute, None)]
