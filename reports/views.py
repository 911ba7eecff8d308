"""The Board's reports on the plan's quota: unit contributions and a cell's stories (the yearly
scoring, built on YearReportView, is in reports.scoring_views).

All counting is the engine's (reports.contributions); these views take the units a user may see
(reports.scope), filter them, and lay the results out as a grid (reports.grid), a chart
(reports.chart) and spreadsheets. Each report runs a fixed number of queries whatever the number
of units.
"""

import csv
import io

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import HeaderButton

from core.spreadsheets import SafeSpreadsheetExportMixin
from reports.chart import MONTHS, month_chart
from reports.contributions import Period, contribution_report, stories_in_period, waiting_in_period
from reports.filters import ContributionReportFilterSet, report_years, status_in
from reports.grid import Cell, export_text, grid_rows, legend, period_column
from reports.moderation import STAGE_LABELS, STAGES
from reports.scope import report_scope, units_of_year
from units.models import Unit

QUARTERS = range(1, 5)


def report_for(year, units, today=None):
    """The engine's report, counted in the province's time zone whatever the viewer's profile says."""
    with timezone.override(settings.TIME_ZONE):
        return contribution_report(year, units=units, today=today)


class YearReportView(SafeSpreadsheetExportMixin, ReportView):
    """A report of one year, for the units the user may see; exports are built in memory, every value
    through SafeSpreadsheetExportMixin (units' names are typed by people, and may look like formulas)."""

    paginate_by = None
    header_icon = "table"
    results_template_name = "reports/contributions_results.html"

    def dispatch(self, request, *args, **kwargs):
        self.scope = report_scope(request)
        if not self.may_view():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def may_view(self):
        return self.scope.sees_anything

    @cached_property
    def filters_valid(self):
        return self.filters.is_valid()

    @cached_property
    def year(self):
        if self.filters_valid:
            return self.filters.form.cleaned_data["year"]
        return report_years()[0]

    @property
    def year_is_over(self):
        return self.year < timezone.localdate().year

    def get_page_subtitle(self):
        return str(self.year) if self.filters_valid else ""

    def get_queryset(self):
        return self.scope.restrict(units_of_year(self.year))

    def get_filtered_queryset(self):
        if not self.filters_valid:
            return []
        return self.results(self.filters.filter_queryset(self.get_queryset()))

    def results(self, units):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        if not self.filters_valid:
            # A malformed filter shows the form's errors, never a spreadsheet of something else.
            self.is_export = False
        response = super().get(request, *args, **kwargs)
        if not self.filters_valid and not self.results_only:
            # The results fragment stays 200 so the admin's filter drilldown can show the errors.
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            year=self.year,
            year_is_over=self.year_is_over,
            filters_valid=self.filters_valid,
            filter_errors=self.filter_errors(),
            scope=self.scope,
        )
        return context

    def filter_errors(self):
        if self.filters_valid:
            return []
        form = self.filters.form
        return [
            {"label": form.fields[name].label if name in form.fields else "", "messages": messages}
            for name, messages in form.errors.items()
        ]

    # Exports: the headings are resolved here, in the admin's language, not lazily after the view.
    def write_csv_response(self, rows):
        buffer = io.StringIO()
        buffer.write("\ufeff")  # so that Excel reads the Vietnamese as UTF-8
        writer = csv.DictWriter(buffer, fieldnames=self.list_export)
        writer.writerow({field: self.get_heading(rows, field) for field in self.list_export})
        for row in rows:
            self.write_csv_row(writer, self.to_row_dict(row))
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    def write_xlsx(self, rows, output):
        # Loaded only when someone asks for a spreadsheet, as Wagtail's own SpreadsheetExportMixin does.
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = self.get_filename()[:31]
        sheet.append([self.get_heading(rows, field) for field in self.list_export])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            # Wagtail's row of cells (values preprocessed, text kept text) rather than bare values,
            # which openpyxl would read as formulas when they start with "=".
            sheet.append(list(self.generate_xlsx_row(sheet, self.to_row_dict(row))))
        sheet.freeze_panes = self.xlsx_freeze_panes
        for index, field in enumerate(self.list_export, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = self.xlsx_widths.get(field, 8)
        workbook.save(output)

    xlsx_freeze_panes = "B2"
    xlsx_widths = {}


class ContributionReportView(YearReportView):
    """Each unit's stories in each period of a year against what the plan's quota required."""

    page_title = _("Unit contributions")
    template_name = "reports/contributions.html"
    results_template_name = "reports/contributions_results.html"
    filterset_class = ContributionReportFilterSet
    index_url_name = "units_reports:contributions"
    index_results_url_name = "units_reports:contributions_results"

    list_export = [
        "unit",
        "kind",
        "bloc",
        *(f"m{month}" for month in MONTHS),
        *(f"q{quarter}" for quarter in QUARTERS),
        *STAGES,
        "total",
        "replicated",
        "periods_met",
        "periods_required",
        "compliance",
        "rules",
    ]
    export_headings = {
        "unit": _("Unit"),
        "kind": _("Kind"),
        "bloc": _("Emulation bloc"),
        **{f"m{month}": f"T{month}" for month in MONTHS},
        **{f"q{quarter}": f"Q{quarter}" for quarter in QUARTERS},
        # The year's stories still in moderation, by where they wait; they do not count yet.
        **STAGE_LABELS,
        "total": _("Total"),
        # The unit's stories with a replication record adopted in the year (reports.contributions).
        "replicated": _("Models replicated"),
        "periods_met": _("Periods met"),
        "periods_required": _("Periods required"),
        "compliance": _("Compliance (%)"),
        "rules": _("Quota rules applied"),
    }
    xlsx_widths = {
        "unit": 40,
        "kind": 24,
        "bloc": 30,
        "periods_met": 12,
        "periods_required": 12,
        "compliance": 14,
        "replicated": 14,
        "rules": 60,
        **dict.fromkeys(STAGES, 14),
    }

    def results(self, units):
        results = report_for(self.year, units)
        data = self.filters.form.cleaned_data
        period, status = data.get("period"), data.get("status")
        if period and status:
            results = [result for result in results if status_in(result, Period.from_key(period)) == status]
        return results

    def get_filename(self):
        return f"dong-gop-don-vi-{self.year}"

    def to_row_dict(self, result):
        unit = result.unit
        row = dict.fromkeys(self.list_export, "")
        row.update(
            unit=unit.name,
            kind=unit.get_kind_display(),
            bloc=unit.bloc.name if unit.bloc else "",
            total=result.total,
            replicated=result.replicated,
            periods_met=result.periods_met,
            periods_required=result.periods_required,
            compliance=result.compliance,
            **result.waiting,
        )
        for period_result in result.periods:
            row[period_column(period_result.period)] = export_text(period_result)
        # The rules that decided the year's periods, each once, in the order they applied.
        row["rules"] = "; ".join(dict.fromkeys(str(p.rule) for p in result.periods if p.rule))
        return row

    def get_header_buttons(self):
        buttons = super().get_header_buttons()
        if self.scope.everything:
            url = reverse("units_reports:scoring") + f"?year={self.year}"
            buttons.insert(0, HeaderButton(_("Yearly scoring"), url=url, icon_name="order"))
            url = reverse("units_reports:outlet_output") + f"?year={self.year}"
            buttons.insert(1, HeaderButton(_("Outlets' output"), url=url, icon_name="doc-full-inverse"))
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = context["object_list"]
        period = self.filters.form.cleaned_data.get("period") if self.filters_valid else None
        rows = grid_rows(results, Period.from_key(period) if period else None)
        context.update(
            rows=rows,
            months=[f"T{month}" for month in MONTHS],
            legend=legend(),
            chart=self.chart(results) if self.filters_valid else None,
            totals=self.totals(results),
        )
        return context

    def chart(self, results):
        # Each result already holds its unit's monthly counts (the engine's one monthly_counts
        # query): sum them rather than run that query a second time for the same units.
        totals = {month: sum(result.monthly.get(month, 0) for result in results) for month in MONTHS}
        return month_chart(self.year, totals, len(results))

    def totals(self, results):
        met = sum(result.periods_met for result in results)
        required = sum(result.periods_required for result in results)
        return {
            "units": len(results),
            "stories": sum(result.total for result in results),
            "periods_met": met,
            "periods_required": required,
            "compliance": round(100 * met / required, 1) if required else None,
        }


class ContributionStoriesView(WagtailAdminTemplateMixin, TemplateView):
    """The stories that count for one unit in one period: what a cell of the report stands for."""

    template_name = "reports/contribution_stories.html"
    header_icon = "doc-full-inverse"
    page_title = _("Counted stories")

    def dispatch(self, request, unit_slug, period_key):
        scope = report_scope(request)
        if not scope.sees_anything:
            raise PermissionDenied
        self.unit = get_object_or_404(Unit, slug=unit_slug)
        try:
            self.period = Period.from_key(period_key)
        except ValueError:
            raise Http404 from None
        if self.period.year not in report_years():
            raise Http404
        if not scope.may_see(self.unit):
            raise PermissionDenied
        return super().dispatch(request)

    def get_page_subtitle(self):
        return f"{self.unit.name}, {self.period.label}"

    @cached_property
    def report_url(self):
        return reverse("units_reports:contributions") + f"?year={self.period.year}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": self.report_url, "label": ContributionReportView.page_title, "sublabel": str(self.period.year)},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        with timezone.override(settings.TIME_ZONE):
            stories = list(stories_in_period(self.unit, self.period))
            waiting = list(waiting_in_period(self.unit, self.period))
            result = report_for(self.period.year, Unit.objects.filter(pk=self.unit.pk))
        period_result = result[0].period_result(self.period.key) if result else None
        for story in stories:
            story.edit_url = reverse("wagtailadmin_pages:edit", args=[story.pk])
            story.public_url = story.get_url(request=self.request)
        for story in waiting:
            story.edit_url = reverse("wagtailadmin_pages:edit", args=[story.pk])
            story.stage_label = STAGE_LABELS[story.stage]
        context.update(
            unit=self.unit,
            period=self.period,
            stories=stories,
            waiting=waiting,
            period_result=period_result,
            cell=Cell(period_result, self.unit, None) if period_result else None,
            report_url=self.report_url,
        )
        return context
