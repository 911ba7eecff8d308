"""The Board's report documents to the provincial People's Committee (plan III.3): the half-year
review (báo cáo sơ kết), the year-end review (báo cáo tổng kết năm) and the plan's review over its
whole span or any range (báo cáo tổng kết kế hoạch), laid out by reports.documents.layout.

Every figure comes from reports.documents.figures (the engines); this module only words and
tabulates them. The document is Vietnamese whatever the admin's language: it is what the Board
signs and sends, so the labels of choices are resolved in Vietnamese.
"""

import datetime
from collections import defaultdict

from django.utils import translation

from exemplars.models import ExemplarKind, SubjectKind
from reports.documents import figures, sections
from reports.documents.commendation_section import commendation_blocks
from reports.documents.layout import AdministrativeDocument, Heading, Image, Paragraph, Signature, Table
from reports.documents.png_chart import met_missed_png, stories_per_month_png
from reports.documents.spans import HALF, YEAR, vn_number

DOCUMENT_TITLES = {
    HALF: "Sơ kết công tác tuyên truyền, nhân rộng gương điển hình tiên tiến {label}",
    YEAR: "Tổng kết công tác tuyên truyền, nhân rộng gương điển hình tiên tiến {label}",
}
PLAN_TITLE = "Tổng kết thực hiện Kế hoạch tuyên truyền, nhân rộng gương điển hình tiên tiến {label}"
UNCLASSIFIED = "Chưa phân loại"
NO_BLOC = "Chưa xếp khối"


def summary_line(span):
    return DOCUMENT_TITLES.get(span.kind, PLAN_TITLE).format(label=span.label)


def _numbered(rows):
    return tuple((vn_number(index), *row) for index, row in enumerate(rows, start=1))


def stories_tables(stories):
    """Tables of the span's stories by kind, by field and by subject kind."""
    kinds = dict(figures.count_by(stories, "kind"))
    by_kind = [(str(label), vn_number(kinds.get(value, 0))) for value, label in ExemplarKind.choices]
    total = sum(kinds.values())
    by_field = [(name or UNCLASSIFIED, vn_number(n)) for name, n in figures.count_by(stories, "fields__name")]
    subjects = dict(figures.count_by(stories, "subject_kind"))
    by_subject = [(str(label), vn_number(subjects.get(value, 0))) for value, label in SubjectKind.choices]
    totals = ("", "Tổng cộng", vn_number(total))
    return [
        Table(("STT", "Loại", "Số bài"), _numbered(by_kind), totals, "Bảng 1. Số bài theo loại"),
        Table(("STT", "Lĩnh vực", "Số bài"), _numbered(by_field), (), "Bảng 2. Số bài theo lĩnh vực"),
        Table(("STT", "Đối tượng", "Số bài"), _numbered(by_subject), totals, "Bảng 3. Số bài theo đối tượng"),
    ]


def units_table(unit_rows):
    """Each unit's stories and periods, the engine's figures; the totals row last."""
    rows = [
        (
            row.unit.name,
            str(row.unit.get_kind_display()),
            row.unit.bloc.name if row.unit.bloc else NO_BLOC,
            vn_number(row.stories),
            vn_number(row.met),
            vn_number(row.missed),
            vn_number(row.in_progress),
        )
        for row in unit_rows
    ]
    totals = ("", "Tổng cộng", "", "", *(vn_number(sum(getattr(r, f) for r in unit_rows)) for f in FIGURES))
    headings = ("STT", "Đơn vị", "Loại đơn vị", "Khối thi đua", "Số bài", "Kỳ đạt", "Kỳ không đạt", "Kỳ đang thực hiện")
    return Table(headings, _numbered(rows), totals, "Bảng 4. Kết quả từng đơn vị")


FIGURES = ("stories", "met", "missed", "in_progress")


def groups_table(unit_rows):
    """Units summed by kind and bloc."""
    groups = defaultdict(lambda: [0, 0, 0, 0, 0])
    for row in unit_rows:
        key = (str(row.unit.get_kind_display()), row.unit.bloc.name if row.unit.bloc else NO_BLOC)
        groups[key][0] += 1
        for index, name in enumerate(FIGURES, start=1):
            groups[key][index] += getattr(row, name)
    rows = [(kind, bloc, *(vn_number(n) for n in values)) for (kind, bloc), values in sorted(groups.items())]
    headings = ("STT", "Loại đơn vị", "Khối thi đua", "Số đơn vị", "Số bài", "Kỳ đạt", "Kỳ không đạt", "Đang thực hiện")
    return Table(headings, _numbered(rows), (), "Bảng 5. Tổng hợp theo loại đơn vị và khối thi đua")


def kinds_chart(unit_rows):
    """The chart of periods met and missed per kind of unit; the caption names the numbered kinds."""
    kinds = defaultdict(lambda: [0, 0])
    for row in unit_rows:
        kinds[str(row.unit.get_kind_display())][0] += row.met
        kinds[str(row.unit.get_kind_display())][1] += row.missed
    names = sorted(kinds)
    key = "; ".join(f"{number}. {name}" for number, name in enumerate(names, start=1))
    caption = f"Biểu đồ 2: số kỳ đạt (cột xanh) và không đạt (cột đỏ) theo loại đơn vị: {key}."
    return Image(met_missed_png([tuple(kinds[name]) for name in names]), caption=caption)


def behind_paragraph(unit_rows):
    behind = [row for row in unit_rows if row.behind]
    if not behind:
        return Paragraph("Không có đơn vị nào không đạt chỉ tiêu trong kỳ báo cáo.")
    names = "; ".join(f"{row.unit.name} ({vn_number(row.missed)} kỳ)" for row in behind)
    return Paragraph(f"Các đơn vị chưa đạt chỉ tiêu ({vn_number(len(behind))} đơn vị): {names}.")


def results_section(span, unit_rows, stories, monthly):
    total = sum(row.stories for row in unit_rows)
    blocks = [
        Heading("I. KẾT QUẢ THỰC HIỆN"),
        Heading("1. Bài viết về gương điển hình", level=2),
        Paragraph(
            f"Trong kỳ báo cáo ({span.label}), {vn_number(len(unit_rows))} đơn vị đã giới thiệu "
            f"{vn_number(total)} bài viết về gương điển hình tiên tiến, nhân tố mới, mô hình mới."
        ),
        *stories_tables(stories),
        Image(stories_per_month_png(monthly), caption="Biểu đồ 1: số bài theo tháng"),
        Heading("2. Kết quả thực hiện chỉ tiêu của các đơn vị", level=2),
        units_table(unit_rows),
        groups_table(unit_rows),
        kinds_chart(unit_rows),
        behind_paragraph(unit_rows),
    ]
    return blocks


def closing_sections():
    """Sections II–IV are the Board's own judgement: headings with room for the drafter to write."""
    return [
        Heading("II. ĐÁNH GIÁ CHUNG"),
        Paragraph("1. Ưu điểm: …", italic=True),
        Paragraph("2. Hạn chế, nguyên nhân: …", italic=True),
        Heading("III. PHƯƠNG HƯỚNG, NHIỆM VỤ"),
        Paragraph("…", italic=True),
        Heading("IV. ĐỀ XUẤT, KIẾN NGHỊ"),
        Paragraph("…", italic=True),
    ]


def scoring_blocks(span, results_by_year):
    """The yearly scoring of each whole year in the span (reports.scoring's ranking within each bloc)."""
    blocks = []
    for year, results in results_by_year.items():
        if span.first_month <= datetime.date(year, 1, 1) and span.date_to >= datetime.date(year, 12, 31):
            blocks.append(sections.scoring_table(year, results))
    return [Heading("6. Chấm điểm thi đua", level=2), *blocks] if blocks else []


def board_document(span, units=None, today=None):
    """The AdministrativeDocument of the Board's report over ``span`` (units: a queryset or None)."""
    with translation.override("vi"):
        results_by_year = figures.engine_results(span, units, today)
        unit_rows = figures.unit_figures(span, results_by_year)
        stories = figures.span_stories(span, [row.unit.pk for row in unit_rows])
        monthly = figures.monthly_totals(span, results_by_year)
        body = [
            *results_section(span, unit_rows, stories, monthly),
            *sections.honouring_blocks(figures.honouring_events(span), figures.awards_featured(stories)),
            *sections.submissions_blocks(figures.submissions_received(span)),
            *sections.outlet_blocks(span),
            *scoring_blocks(span, results_by_year),
            *commendation_blocks(span),
            *closing_sections(),
        ]
        return AdministrativeDocument(
            summary=summary_line(span),
            year=span.date_to.year,
            body=tuple(body),
            signature=Signature(),
        )
