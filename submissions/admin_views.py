"""The Board's two ways to give a nomination its story: draft one in a unit's section, or link one.

Both are views of the nomination viewset (submissions/wagtail_hooks.py), behind the nomination's
"change" permission, which only the Board holds (units.roles): anyone else gets 403, whatever they
post. What they do is submissions/story_drafts.py's; here are the forms, the refusals the Board
reads (a nomination that already has its story is not given another) and the listing's column.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.defaults import permission_denied
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import AdminPageChooser

from core.text import nfc, single_line
from exemplars.models import ExemplarPage, UnitSectionPage
from submissions.models import Nomination
from submissions.story_drafts import (
    TITLE_LENGTH,
    AlreadyLinked,
    StoryRefused,
    create_draft_story,
    default_section,
    draft_title,
    link_story,
    sections_for_drafts,
)

# Above any primary key, below what a database integer holds.
MAX_ID = 2**31


def story_edit_url(story):
    return reverse("wagtailadmin_pages:edit", args=[story.pk])


# Forms ------------------------------------------------------------------------------------------


class SectionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.unit.name


class DraftStoryForm(forms.Form):
    section = SectionChoiceField(
        queryset=UnitSectionPage.objects.none(),  # set in __init__: the sections of units active today
        label=gettext_lazy("Unit section"),
        help_text=gettext_lazy("The unit whose contributors will write the story."),
        error_messages={"invalid_choice": gettext_lazy("Choose the section of an active contributing unit.")},
    )
    title = forms.CharField(
        label=gettext_lazy("Title"),
        max_length=TITLE_LENGTH,
        help_text=gettext_lazy("The unit can change it before sending the story for moderation."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = sections_for_drafts()

    def clean_title(self):
        return nfc(single_line(self.cleaned_data["title"])).strip()


class StoryChooser(AdminPageChooser):
    """Wagtail's page chooser, showing again only a story: Wagtail's looks up whatever was posted,
    and a forged value that is not a number fails there (a 500 where the form should answer)."""

    def get_instance(self, value):
        if isinstance(value, ExemplarPage):
            return value
        digits = str(value or "")
        if not (digits.isascii() and digits.isdigit() and int(digits) < MAX_ID):
            return None
        return ExemplarPage.objects.filter(pk=int(digits)).first()


class LinkStoryForm(forms.Form):
    story = forms.ModelChoiceField(
        queryset=ExemplarPage.objects.none(),  # set in __init__: stories in the source language
        label=gettext_lazy("Story"),
        widget=StoryChooser(target_models=[ExemplarPage]),
        error_messages={"invalid_choice": gettext_lazy("Choose an exemplar story.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["story"].queryset = ExemplarPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


# Views ------------------------------------------------------------------------------------------


class NominationStoryView(PermissionCheckedMixin, WagtailAdminTemplateMixin, BaseObjectMixin, FormView):
    """What both actions share: the Board's permission, the refusal of a second story, the page."""

    model = Nomination
    template_name = "submissions/admin/nomination_story.html"
    # Set by the viewset.
    index_url_name = None
    edit_url_name = None
    action_url_name = None
    submit_button_label = ""

    def dispatch(self, request, *args, **kwargs):
        # A plain 403, not Wagtail's redirect to the dashboard: nobody but the Board has a way
        # here, so whoever comes is forging the address or the form.
        if not self.user_has_permission("change"):
            return permission_denied(request, PermissionDenied())
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied as denied:  # the Board without rights on the section (story_drafts)
            return permission_denied(request, denied)

    def get(self, request, *args, **kwargs):
        if self.object.story_id is not None:
            return self.refuse(AlreadyLinked(self.object.story))
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.object.story_id is not None:
            return self.refuse(AlreadyLinked(self.object.story))
        return super().post(request, *args, **kwargs)

    @property
    def edit_url(self):
        return reverse(self.edit_url_name, args=[self.object.pk])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": Nomination._meta.verbose_name_plural},
            {"url": self.edit_url, "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            nomination=self.object,
            action_url=reverse(self.action_url_name, args=[self.object.pk]),
            submit_button_label=self.submit_button_label,
            submit_button_active_label=self.submit_button_label,
            media=context["form"].media,
        )
        return context

    def form_valid(self, form):
        try:
            outcome = self.act(form)
        except AlreadyLinked as refusal:  # another Board member was quicker
            return self.refuse(refusal)
        except StoryRefused as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        messages.success(
            self.request,
            self.success_message(outcome),
            buttons=[messages.button(story_edit_url(outcome.story), _("Edit the story"))],
        )
        return redirect(self.edit_url)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def refuse(self, refusal):
        messages.error(
            self.request, str(refusal), buttons=[messages.button(story_edit_url(refusal.story), _("Open the story"))]
        )
        return redirect(self.edit_url)

    def act(self, form):
        raise NotImplementedError

    def success_message(self, outcome):
        raise NotImplementedError


class DraftStoryView(NominationStoryView):
    page_title = gettext_lazy("Create a draft story")
    header_icon = "doc-empty-inverse"
    form_class = DraftStoryForm
    submit_button_label = gettext_lazy("Create the draft")

    def get_initial(self):
        return {"section": default_section(self.object), "title": draft_title(self.object)}

    def act(self, form):
        data = form.cleaned_data
        return create_draft_story(self.object, data["section"], self.request.user, title=data["title"])

    def success_message(self, outcome):
        return draft_created_message(outcome)


class LinkStoryView(NominationStoryView):
    page_title = gettext_lazy("Link to an existing story")
    header_icon = "link"
    form_class = LinkStoryForm
    submit_button_label = gettext_lazy("Link the story")

    def act(self, form):
        return link_story(self.object, form.cleaned_data["story"], self.request.user)

    def success_message(self, outcome):
        return _("The nomination is linked to the story “%(title)s”.") % {"title": outcome.story.title}


def draft_created_message(outcome):
    """What the Board reads once the draft exists: where it went, and whom the email reached."""
    names = {"title": outcome.story.title, "unit": outcome.story.unit.name, "count": outcome.notified}
    if outcome.notified is None:
        return _("Draft story “%(title)s” created for %(unit)s, but the email to the unit could not be sent.") % names
    if outcome.notified == 0:
        return (
            _(
                "Draft story “%(title)s” created for %(unit)s. Nobody was notified: the unit has no "
                "active contributor or approver with an email address."
            )
            % names
        )
    return (
        ngettext(
            "Draft story “%(title)s” created for %(unit)s; %(count)s person of the unit was notified.",
            "Draft story “%(title)s” created for %(unit)s; %(count)s people of the unit were notified.",
            outcome.notified,
        )
        % names
    )


# The listing ------------------------------------------------------------------------------------


class StoryColumn(Column):
    """The nomination's story, linked to its editor (the queryset selects ``story``)."""

    cell_template_name = "submissions/admin/story_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        story = instance.story
        context["story"] = story
        context["edit_url"] = story_edit_url(story) if story is not None else ""
        return context
