"""The commendation proposals' section of the Board's documents (plan III.3: the Board proposes
exemplars for commendation): for each year the span touches, the proposals made by status and the
decisions dated in it (commendations.summary, two queries a year)."""

from commendations.summary import year_of_proposals
from reports.documents.layout import Heading, Paragraph, Table
from reports.documents.spans import vn_date, vn_number

HEADING = "7. Đề nghị khen thưởng gương điển hình"
DECIDED_HEADINGS = ("STT", "Họ và tên", "Đơn vị", "Hình thức khen thưởng", "Đơn vị đề nghị", "Quyết định")


def _numbered(rows):
    return tuple((vn_number(index), *row) for index, row in enumerate(rows, start=1))


def _decision(item):
    parts = [f"số {item.decision_number}" if item.decision_number else ""]
    parts.append(f"ngày {vn_date(item.decision_date)}" if item.decision_date else "")
    parts.append(item.decision_signer)
    return ", ".join(part for part in parts if part)


def year_blocks(summary):
    rows = tuple((label, vn_number(count)) for label, count in summary.by_status)
    totals = ("", "Tổng cộng", vn_number(summary.total))
    blocks = [
        Table(("STT", "Tình trạng", "Số đề nghị"), _numbered(rows), totals, f"Đề nghị khen thưởng năm {summary.year}")
    ]
    if summary.decided:
        decided = [
            (item.subject_name, item.unit_name, item.award, item.proposing_unit, _decision(item))
            for item in summary.decided
        ]
        caption = f"Gương điển hình được khen thưởng theo đề nghị, năm {summary.year}"
        blocks.append(Table(DECIDED_HEADINGS, _numbered(decided), (), caption))
    return blocks


def commendation_blocks(span):
    """The section's heading, then each year of ``span`` that has proposals or decisions."""
    years = [year_of_proposals(year) for year in span.years]
    years = [summary for summary in years if summary.total or summary.decided]
    if not years:
        return [Heading(HEADING, level=2), Paragraph("Trong kỳ chưa có đề nghị khen thưởng.")]
    return [Heading(HEADING, level=2), *[block for summary in years for block in year_blocks(summary)]]
