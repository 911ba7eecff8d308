"""A year of proposals for the Board's report documents, in a fixed number of queries."""

import datetime
import io

import docx
import pytest

from commendations.models import CommendationProposal, ProposalStatus
from commendations.proposals import fill_from_source
from commendations.summary import year_of_proposals
from reports.documents.board import board_document
from reports.documents.layout import Table, to_bytes
from reports.documents.spans import whole_year
from tests.helpers import at


def proposal(story, merit, unit, status, proposed_at, **decision):
    item = CommendationProposal(
        story=story, award_type=merit, proposing_unit=unit, reason="Lý do", status=status, proposed_at=proposed_at
    )
    fill_from_source(item)
    for name, value in decision.items():
        setattr(item, name, value)
    item.save()
    return item


@pytest.fixture
def year_2026(story, y_te_story, merit, ke_sach_unit, y_te_unit):
    proposal(story, merit, ke_sach_unit, ProposalStatus.PROPOSED, at(2026, 1))
    proposal(y_te_story, merit, y_te_unit, ProposalStatus.SENT, at(2026, 2))
    proposal(y_te_story, merit, y_te_unit, ProposalStatus.DECLINED, at(2026, 2))
    proposal(story, merit, ke_sach_unit, ProposalStatus.PROPOSED, at(2025, 12))  # another year
    proposal(
        story,
        merit,
        ke_sach_unit,
        ProposalStatus.DECIDED,
        at(2026, 3),
        decision_number="27/QĐ-UBND",
        decision_date=datetime.date(2026, 4, 2),
        decision_signer="Chủ tịch UBND tỉnh",
    )


def test_a_year_by_status_and_its_decisions_in_two_queries(year_2026, django_assert_num_queries):
    with django_assert_num_queries(2):
        summary = year_of_proposals(2026)
    counts = dict(zip(ProposalStatus.values, [n for _label, n in summary.by_status], strict=True))
    assert counts == {"proposed": 1, "sent": 1, "decided": 1, "declined": 1}
    assert summary.total == 4
    (decided,) = summary.decided
    assert (decided.subject_name, decided.unit_name, decided.decision_number) == (
        "Ông Lý Văn Bảy",
        "Huyện Kế Sách",
        "27/QĐ-UBND",
    )


def test_the_boards_year_document_has_the_commendations_section(year_2026):
    document = board_document(whole_year(2026), today=datetime.date(2026, 12, 31))
    texts = [getattr(block, "text", "") for block in document.body]
    assert "7. Đề nghị khen thưởng gương điển hình" in texts
    tables = [block for block in document.body if isinstance(block, Table) and "khen thưởng" in block.caption]
    decided = next(table for table in tables if "theo đề nghị" in table.caption)
    assert decided.rows[0][1:3] == ("Ông Lý Văn Bảy", "Huyện Kế Sách")
    assert "số 27/QĐ-UBND, ngày 02/04/2026, Chủ tịch UBND tỉnh" in decided.rows[0]
    word = docx.Document(io.BytesIO(to_bytes(document)))
    assert any("Đề nghị khen thưởng gương điển hình" in paragraph.text for paragraph in word.paragraphs)
    assert any("27/QĐ-UBND" in cell.text for table in word.tables for row in table.rows for cell in row.cells)


def test_a_year_without_proposals_says_so(newsroom):
    document = board_document(whole_year(2024), today=datetime.date(2024, 12, 31))
    texts = [getattr(block, "text", "") for block in document.body]
    assert "Trong kỳ chưa có đề nghị khen thưởng." in texts
