"""A page save based on an older revision than one someone else saved since is refused.

Wagtail's page editor sends, with every save, the revision the form was drawn from
(``loaded_revision_id`` and ``loaded_revision_created_at``, hidden inputs of
``wagtailadmin/pages/edit.html``). Wagtail 8 itself refuses only out-of-date *autosaves*; an ordinary
save, submit, publish or workflow action from a stale form overwrites what another editor saved in
between, and Wagtail's warning about it (the editing-sessions bar) is a JavaScript poll that may not
have run yet. These views are Wagtail's own page edit and revert views with one check in front:
if someone else saved a revision after the form was loaded, nothing is saved and the form comes
back (HTTP 409) with everything the editor typed and a message naming who saved and when.

They are installed through Wagtail's page viewset registry (``core/wagtail_hooks.py``), so the
URLs stay Wagtail's, with their admin-access check and the per-request transaction of cms/urls.py.
"""

from datetime import datetime

from django.http import HttpResponseBadRequest
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.revisions import RevisionsRevertView
from wagtail.admin.viewsets.pages import PageViewSet

CONFLICT = 409
TIME_FORMAT = "H:i d/m/Y"  # 09:14 07/12/2026, as the newsroom writes a time and a date


def posted_moment(value):
    """``loaded_revision_created_at`` as sent, or None when missing or not an ISO time with a zone."""
    try:
        moment = datetime.fromisoformat(value or "")
    except ValueError:
        return None
    return moment if timezone.is_aware(moment) else None


def conflict_message(revision):
    saved_by = get_user_display_name(revision.user) if revision.user else _("the system")
    return capfirst(
        _(
            "%(user)s saved this page at %(time)s, after you opened it. "
            "Reload the page to see their changes, then enter your edits again."
        )
        % {"user": saved_by, "time": format_date(timezone.localtime(revision.created_at), TIME_FORMAT)}
    )


class RefuseStaleSaveMixin:
    """For Wagtail's page EditView and its subclasses: the check in front of ``post``."""

    def post(self, request, *args, **kwargs):
        # Wagtail refuses these itself, and they save no content: an alias answers 405, a locked
        # page only lets its original submitter cancel the workflow.
        if self.page.alias_of_id or self.locked_for_user:
            return super().post(request, *args, **kwargs)
        try:
            self.posted_revision_id("overwrite_revision_id")  # Wagtail's own save would fail on it with a 500
            newer = self.revision_saved_since_loaded()
        except ValueError:
            return HttpResponseBadRequest(_("The form's revision number is not valid."))
        if newer is None:
            return super().post(request, *args, **kwargs)
        message = conflict_message(newer)
        if self.expects_json_response:
            # The autosave's own error code, so the editor's script treats it as the conflict it is.
            return self.json_error_response("invalid_revision", message)
        return self.refuse(message)

    def posted_revision_id(self, name):
        """A revision id the form carries, as a number; None when absent, ValueError when malformed."""
        value = self.request.POST.get(name, "").strip()
        return int(value) if value else None

    def loaded_moment(self, loaded_revision_id):
        """When the form's revision was the latest: the time the form carries, or the stored time of
        its revision, whichever is earlier (the stored time moves on when an autosave overwrites the
        revision, and a posted time cannot push the check past what is stored)."""
        stored = self.real_page_record.revisions.filter(pk=loaded_revision_id).values_list("created_at", flat=True)
        moments = [m for m in (posted_moment(self.request.POST.get("loaded_revision_created_at")), stored.first()) if m]
        return min(moments, default=None)

    def revision_saved_since_loaded(self):
        """The newest revision saved by someone else after the form was loaded, or None.

        The editor's own revisions do not count: autosave adds them without updating the form's
        loaded revision. A form without a loaded revision was drawn when the page had none (or was
        made by a script), so every revision counts. Raises ValueError for a malformed revision id.
        """
        if self.latest_revision is None:
            return None
        revisions = self.real_page_record.revisions.exclude(user=self.request.user)
        loaded_revision_id = self.posted_revision_id("loaded_revision_id")
        if loaded_revision_id is not None:
            loaded_at = self.loaded_moment(loaded_revision_id)
            if loaded_at is not None:
                revisions = revisions.filter(created_at__gt=loaded_at)
        return revisions.select_related("user").order_by("-created_at", "-pk").first()

    def refuse(self, message):
        """The form again, bound to what was posted, so nothing the editor typed is lost."""
        self.form = self.form_class(
            self.request.POST,
            self.request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=self.request.user,
        )
        # Drawn as it was sent: still based on the revision it was loaded from, so saving it again
        # is refused too until the editor reloads, and Wagtail's editing-sessions bar, which compares
        # that revision with newer ones, shows who saved since. Nothing here is saved.
        self.page.latest_revision_id = self.posted_revision_id("loaded_revision_id")
        self.latest_revision_created_at = self.request.POST.get("loaded_revision_created_at", "")
        self.has_unsaved_changes = True
        latest = messages.button(self.get_edit_url(), _("Open the latest version"), new_window=True)
        messages.error(self.request, message, buttons=[latest])
        return self.render_to_response(self.get_context_data(), status=CONFLICT)


class PageEditView(RefuseStaleSaveMixin, EditView):
    pass


class PageRevertView(RefuseStaleSaveMixin, RevisionsRevertView):
    """Reverting to an old revision is a save too: refused if someone saved after the form was drawn."""


class NewsroomPageViewSet(PageViewSet):
    """Wagtail's default page views, with the two views that save a page's content replaced."""

    edit_view_class = PageEditView
    revisions_revert_view_class = PageRevertView
