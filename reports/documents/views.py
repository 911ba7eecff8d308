"""The admin's "Report documents": the Board's documents to the People's Committee and each unit's own
summary, chosen by period and downloaded as .docx.

Who may have what: the Board's documents are the Board's (and superusers'); a unit's summary is for
the staff of that unit (reports.scope: the units a user works for), and the Board. A unit id in the
URL is never trusted: another unit's id is a 403, an unknown or non-contributing one a 404.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.text import slugify_vi
from reports.documents.board import board_document
from reports.documents.forms import DocumentPeriodForm
from reports.documents.layout import to_bytes
from reports.documents.unit import unit_document
from reports.scope import report_scope
from units.models import Unit

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def ascii_filename(*parts):
    """An ASCII-only file name ("bao-cao-huyen-ke-sach-2020-01-01-2020-12-31.docx"): browsers and
    mail gateways mangle anything else in Content-Disposition."""
    return "-".join(slugify_vi(str(part)) for part in parts if part) + ".docx"


def docx_response(content, filename):
    response = HttpResponse(to_bytes(content), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class ReportDocumentsView(WagtailAdminTemplateMixin, TemplateView):
    """The page that offers the documents the user may have; a GET with "download" returns one."""

    template_name = "reports/documents.html"
    page_title = _("Report documents")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        self.scope = report_scope(request)
        if not self.scope.sees_anything:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def units(self):
        """The units whose summary the user may have: their own, or every contributing unit for the Board."""
        return self.scope.restrict(Unit.objects.contributing()).order_by("name")

    def get(self, request, *args, **kwargs):
        form = DocumentPeriodForm(request.GET if "download" in request.GET else None)
        if form.is_bound:
            if form.is_valid():
                return self.download(form)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return self.render_to_response(self.get_context_data(form=form))

    def download(self, form):
        if not self.scope.everything:
            raise PermissionDenied
        span = form.span()
        filename = ascii_filename("bao-cao", span.kind, span.date_from.isoformat(), span.date_to.isoformat())
        return docx_response(board_document(span), filename)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()}
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            board=self.scope.everything,
            units=[(unit, reverse("units_reports:unit_document", args=[unit.pk])) for unit in self.units()],
            action=reverse("units_reports:documents"),
        )
        return context


class UnitDocumentView(ReportDocumentsView):
    """A unit's own summary, for that unit's staff and the Board."""

    page_title = _("Unit summary")

    def dispatch(self, request, unit_id, *args, **kwargs):
        self.unit = get_object_or_404(Unit.objects.contributing(), pk=unit_id)
        if not report_scope(request).may_see(self.unit):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.unit.name

    def units(self):
        return []  # the page is the unit's own: no list of units to pick from

    def download(self, form):
        span = form.span()
        content = unit_document(self.unit, span, request=self.request)
        filename = ascii_filename("bao-cao", self.unit.slug, span.date_from.isoformat(), span.date_to.isoformat())
        return docx_response(content, filename)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(board=False, unit=self.unit, action=reverse("units_reports:unit_document", args=[self.unit.pk]))
        return context
