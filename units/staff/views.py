"""The staff listing, add and edit (Wagtail's generic views, logged in its audit log) and the CSV
import with its preview (upload, preview, confirm)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton

from core.admin_search import FoldedSearchMixin
from core.spreadsheets import SafeSpreadsheetExportMixin
from units.models import StaffMember
from units.staff.forms import StaffImportConfirmForm, StaffImportForm
from units.staff_import import CHANGED, CREATED, ERROR, UNCHANGED, import_staff, plan_staff_import

STATUS_LABELS = {
    CREATED: pgettext_lazy("staff import row", "created"),
    CHANGED: pgettext_lazy("staff import row", "changed"),
    UNCHANGED: pgettext_lazy("staff import row", "unchanged"),
    ERROR: pgettext_lazy("staff import row", "error"),
}
FIELD_LABELS = {"full_name": gettext_lazy("Full name"), "email": gettext_lazy("Email"), "role": gettext_lazy("Role")}


class StaffIndexView(FoldedSearchMixin, SafeSpreadsheetExportMixin, generic.IndexView):
    import_url_name = None

    def get_base_queryset(self):
        return StaffMember.objects.with_roles()

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.import_url_name and self.user_has_permission("add") and self.user_has_permission("change"):
            buttons.append(HeaderButton(_("Import from CSV"), url=reverse(self.import_url_name), icon_name="upload"))
        return buttons


class StaffCreateView(generic.CreateView):
    def get_success_message(self, instance):
        return _("%(name)s added. They choose a password with “Forgot password?” on the login page.") % {
            "name": instance
        }


class StaffImportView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Upload a staff CSV, see what it would create and change, row by row, then apply it all or
    nothing. The file travels from the preview to the confirmation signed by the server, with the
    digest of the previewed plan: what is applied is what was previewed, or nothing."""

    model = StaffMember
    permission_required = "add"
    template_name = "units/staff/import.html"
    page_title = gettext_lazy("Import staff from CSV")
    header_icon = "upload"
    index_url_name = None
    import_url_name = None

    def dispatch(self, request, *args, **kwargs):
        # Importing creates and changes accounts: both permissions, checked before anything else.
        if not (self.user_has_permission("add") and self.user_has_permission("change")):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": StaffMember._meta.verbose_name_plural},
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, *args, **kwargs):
        return self.render(upload_form=StaffImportForm())

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self.confirm(StaffImportConfirmForm(request.POST, user=request.user))
        upload_form = StaffImportForm(request.POST, request.FILES)
        if not upload_form.is_valid():
            return self.render(upload_form=upload_form, status=400)
        return self.preview(upload_form.cleaned_data["file"])

    def plan(self, text):
        return plan_staff_import(text, accounts=StaffMember.objects.all())

    def preview(self, text, plan=None, status=200):
        plan = plan or self.plan(text)
        confirm_form = None
        if not plan.has_errors:
            token = StaffImportConfirmForm.sign(text, self.request.user, plan.fingerprint())
            confirm_form = StaffImportConfirmForm(initial={"token": token}, user=self.request.user)
        return self.render(upload_form=StaffImportForm(), plan=plan, confirm_form=confirm_form, status=status)

    def confirm(self, confirm_form):
        if not confirm_form.is_valid():
            messages.error(self.request, " ".join(confirm_form.errors.get("token", [])))
            return self.render(upload_form=StaffImportForm(), status=400)
        payload = confirm_form.cleaned_data["token"]
        plan = self.plan(payload["csv"])
        if plan.has_errors or plan.fingerprint() != payload["plan"]:
            # The staff changed since the preview (someone else's edit or import): show what the
            # file would do now, and apply nothing.
            messages.warning(self.request, _("The staff changed since the preview: check the new preview."))
            return self.preview(payload["csv"], plan=plan, status=409)
        created, updated = import_staff(plan.staff_rows(), by=self.request.user)
        messages.success(
            self.request,
            _("Staff imported: %(created)s created, %(changed)s changed, %(unchanged)s unchanged.")
            % {"created": created, "changed": plan.count(CHANGED), "unchanged": plan.count(UNCHANGED)},
        )
        return redirect(self.index_url_name)

    def render(self, status=200, plan=None, **context):
        context = self.get_context_data(plan=plan, **context)
        context["action_url"] = reverse(self.import_url_name)
        if plan is not None:
            context["preview_rows"] = [self.preview_row(row) for row in plan.rows]
            context["counts"] = [(STATUS_LABELS[status], plan.count(status)) for status in STATUS_LABELS]
        return TemplateResponse(self.request, self.template_name, context, status=status)

    @staticmethod
    def preview_row(planned):
        if planned.problems:
            details = planned.problems
        else:
            details = [
                _("%(field)s: %(old)s → %(new)s")
                % {"field": FIELD_LABELS[c.field], "old": c.old_text or "—", "new": c.new_text}
                for c in planned.changes
            ]
        return {
            "line": planned.line,
            "cells": (planned.cells + [""] * 5)[:5],
            "status": planned.status,
            "status_label": STATUS_LABELS[planned.status],
            "details": details,
        }
