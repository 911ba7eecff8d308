"""The honouring event's page form: which stories an event may honour.

The exemplars field is a plain select of stories. Left to Django it offers every story in the
database, so a unit's staff recording their review meeting would read the titles of other units'
drafts, and a forged post could attach a draft that nobody has approved. Here the choices are the
live stories of the event's language: for an event in a unit's section (its half-year or year-end
review), that unit's own; for the Board's events under a campaign, any unit's. Django refuses any
other id with a form error, so a forged post saves nothing.
"""

from core.forms import NewsroomPageForm
from exemplars.models import ExemplarPage, UnitSectionPage


def honourable_stories(event, parent):
    """The stories ``event`` (a page under ``parent``) may honour, for its exemplars field."""
    locale_id = event.locale_id or (parent.locale_id if parent is not None else None)
    stories = ExemplarPage.objects.live().filter(locale_id=locale_id).select_related("unit")
    if parent is not None:
        # Under a unit's section: that unit's stories only (a district honours its own exemplars);
        # under a campaign, any unit's.
        section = UnitSectionPage.objects.filter(pk=parent.pk).values("unit_id").first()
        if section is not None:
            stories = stories.filter(unit_id=section["unit_id"])
    return stories.order_by("title", "pk")


def story_label(story):
    """A story as the picker names it: its title and, since the Board picks among all units, its unit."""
    if story.unit_id is None:
        return story.title
    return f"{story.title} ({story.unit.short_name or story.unit.name})"


class HonouringEventPageForm(NewsroomPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("exemplars")
        if field is not None:
            parent = self.parent_page
            if parent is None and self.instance.pk:
                parent = self.instance.get_parent()
            field.queryset = honourable_stories(self.instance, parent)
            field.label_from_instance = story_label
