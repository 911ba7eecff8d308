"""Sections of the Board's document beyond the units' quota: honouring events and award holders, the
public's nominations and difficulty reports, the outlets' output (reports.outlets)
and the yearly scoring (reports.scoring). Each returns a list of layout blocks.
"""

from reports.documents.layout import Heading, Paragraph, Table
from reports.documents.spans import vn_date, vn_number
from reports.outlets import outlet_output
from reports.scoring import weigh_results

NO_BLOC = "Chưa xếp khối"


def _numbered(rows):
    return tuple((vn_number(index), *row) for index, row in enumerate(rows, start=1))


def honouring_blocks(events, awards):
    """Honouring events held (the Board's under its campaigns, the units' own) and award holders featured."""
    rows = [
        (
            vn_date(event.date),
            event.title,
            str(event.get_kind_display()),
            "Ban Thi đua - Khen thưởng" if event.by_board else "Đơn vị",
            event.place,
            vn_number(event.honoured),
        )
        for event in events
    ]
    board = sum(1 for event in events if event.by_board)
    blocks = [
        Heading("3. Tôn vinh, biểu dương gương điển hình", level=2),
        Paragraph(
            f"Trong kỳ đã tổ chức {vn_number(len(events))} hội nghị, tọa đàm, giao lưu tôn vinh "
            f"({vn_number(board)} do Ban Thi đua - Khen thưởng tổ chức, {vn_number(len(events) - board)} do các "
            f"đơn vị tổ chức), tôn vinh {vn_number(sum(event.honoured for event in events))} lượt gương điển hình."
        ),
    ]
    if rows:
        headings = ("STT", "Ngày", "Tên sự kiện", "Hình thức", "Đơn vị tổ chức", "Địa điểm", "Số gương được tôn vinh")
        blocks.append(Table(headings, _numbered(rows), (), "Bảng 6. Các sự kiện tôn vinh"))
    if awards:
        award_rows = [(name, vn_number(n)) for name, n in awards]
        headings = ("STT", "Hình thức khen thưởng", "Số bài giới thiệu người được khen thưởng")
        blocks.append(Table(headings, _numbered(award_rows), (), "Bảng 7. Gương điển hình đã được khen thưởng"))
    return blocks


def submissions_blocks(received):
    """Nominations and difficulty reports from the public, by what became of them."""
    blocks = [Heading("4. Đề xuất gương điển hình và phản ánh khó khăn của người dân", level=2)]
    for caption, key in (
        ("Bảng 8. Đề xuất gương điển hình đã nhận", "nominations"),
        ("Bảng 9. Phản ánh khó khăn, vướng mắc đã nhận", "difficulty_reports"),
    ):
        rows = [(str(label), vn_number(n)) for label, n in received[key]]
        totals = ("", "Tổng cộng", vn_number(sum(n for _label, n in received[key])))
        blocks.append(Table(("STT", "Tình trạng", "Số lượng"), _numbered(rows), totals, caption))
    return blocks


def outlet_blocks(span):
    """Articles, broadcasts and featured stories per outlet and column (plan III.2)."""
    rows = []
    for output in outlet_output(span.first_month, span.date_to):
        for column in output.columns:
            rows.append(
                (
                    f"T{output.month.month}/{output.month.year}",
                    output.outlet.title,
                    column.column.title,
                    vn_number(column.articles),
                    vn_number(len(column.broadcasts)),
                    vn_number(len(column.featured_stories)),
                )
            )
    headings = ("STT", "Tháng", "Cơ quan báo chí", "Chuyên mục", "Số tin, bài", "Số buổi phát sóng")
    headings += ("Gương được giới thiệu",)
    return [
        Heading("5. Kết quả tuyên truyền trên báo chí", level=2),
        Table(headings, _numbered(rows), (), "Bảng 10. Tin, bài của các cơ quan báo chí"),
    ]


def _score_row(row):
    """A row of reports.scoring: its bloc, rank, unit and compliance, and the points when the Board weighs them."""
    bloc = row.bloc.name if row.bloc else NO_BLOC
    cells = (bloc, vn_number(row.rank), row.unit.name, vn_number(row.result.compliance))
    return (*cells, vn_number(row.points)) if row.weighted else cells


def scoring_table(year, results):
    """The year's ranking within each emulation bloc (reports.scoring), weighed from the engine's
    results already built for the document rather than counted again: with the Board's weights for
    the year, points too."""
    rows = weigh_results(year, results)
    headings = ("STT", "Khối thi đua", "Hạng", "Đơn vị", "Tỷ lệ đạt (%)")
    if any(row.weighted for row in rows):
        headings = (*headings, "Điểm")
    return Table(headings, _numbered([_score_row(row) for row in rows]), (), f"Chấm điểm thi đua năm {year}")
