"""The Board's report documents and a unit's own summary, as Word files users download and open."""

import datetime
import io
import json

import docx
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx.shared import Mm

from columns.models import OutletPage
from exemplars.models import ExemplarPage, UnitSectionPage
from reports.contributions import MET, contribution_report
from reports.documents.board import board_document
from reports.documents.layout import to_bytes
from reports.documents.spans import whole_plan
from reports.documents.unit import unit_document
from tests.factories import ColumnArticlePageFactory, ColumnPageFactory, ExemplarPageFactory, HonouringEventPageFactory
from tests.helpers import at
from units.models import EmulationBloc, Unit

DOCUMENTS = "units_reports:documents"
UNIT_DOCUMENT = "units_reports:unit_document"
YEAR = 2020
TODAY = datetime.date(2021, 1, 15)


def section_of(slug):
    return UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug=slug)


def story(slug, published, **kwargs):
    return ExemplarPageFactory(parent=section_of(slug), first_published_at=published, **kwargs)


def opened(response):
    assert response.status_code == 200, response.content[:500]
    return docx.Document(io.BytesIO(response.content))


def board_year(client, year=YEAR, **params):
    query = {"download": "1", "document": "year", "year": str(year), **params}
    return client.get(reverse(DOCUMENTS), query)


def refused(response):
    """Wagtail's answer to PermissionDenied in the admin: back to the dashboard, with no document."""
    return response.status_code in (302, 403) and "wordprocessingml" not in response.get("Content-Type", "")


def table_with(document, first_heading_cells):
    """The first table whose header row starts with ``first_heading_cells``."""
    for table in document.tables:
        cells = [cell.text for cell in table.rows[0].cells]
        if cells[: len(first_heading_cells)] == list(first_heading_cells):
            return table
    raise AssertionError(f"no table headed {first_heading_cells}")


def rows_of(table):
    return [[cell.text for cell in row.cells] for row in table.rows[1:]]


def text_of(document):
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture
def stories_2020(newsroom):
    """Kế Sách (monthly quota) and Sở Y tế (quarterly), stories of every kind over 2020 and one in 2019."""
    made = [
        story("huyen-ke-sach", at(YEAR, 1, 10), kind="exemplar"),
        story("huyen-ke-sach", at(YEAR, 2, 10), kind="new_model"),
        story("huyen-ke-sach", at(YEAR, 2, 20), kind="new_factor"),
        story("huyen-ke-sach", at(YEAR, 8, 3), kind="exemplar"),
        story("so-y-te", at(YEAR, 3, 5), kind="exemplar", title="Bác sĩ Lâm Thị Sa Rương"),
        story("so-y-te", at(YEAR, 9, 30, 23), kind="new_model"),
        story("huyen-ke-sach", at(YEAR - 1, 12, 31, 20)),
    ]
    return made


@pytest.mark.django_db
def test_board_year_document_has_the_decree_30_layout(board, stories_2020):
    response = board_year(board)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and disposition.endswith('.docx"') and disposition.isascii()
    document = opened(response)
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    assert Mm(20) <= section.top_margin <= Mm(25) and Mm(20) <= section.bottom_margin <= Mm(25)
    assert Mm(30) <= section.left_margin <= Mm(35) and Mm(15) <= section.right_margin <= Mm(20)
    left, right = (cell for cell in document.tables[0].rows[0].cells)
    left_lines = [p.text for p in left.paragraphs]
    assert left_lines[:2] == ["UBND TỈNH SÓC TRĂNG", "BAN THI ĐUA - KHEN THƯỞNG"]
    assert left.paragraphs[1].runs[0].bold and not left.paragraphs[0].runs[0].bold
    assert any(line.startswith("Số:") and line.endswith("/BC-BTĐKT") for line in left_lines)
    right_lines = [p.text for p in right.paragraphs]
    assert right_lines[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    place = next(p for p in right.paragraphs if p.text.startswith("Sóc Trăng, ngày"))
    assert place.runs[0].italic and place.text.endswith(f"năm {YEAR}")
    # No borders on the header table: it uses the document's plain table style.
    assert document.tables[0].style.name != "Table Grid"
    title = next(p for p in document.paragraphs if p.text == "BÁO CÁO")
    assert title.runs[0].bold and title.alignment == 1  # centred
    assert any("năm 2020" in p.text and "Tổng kết" in p.text for p in document.paragraphs)
    fonts = {run.font.name for p in document.paragraphs for run in p.runs if run.text}
    assert fonts == {"Times New Roman"}
    sizes = {run.font.size.pt for p in document.paragraphs for run in p.runs if run.text}
    assert sizes <= {12.0, 13.0, 14.0}
    closing = document.tables[-1].rows[0].cells
    assert closing[0].paragraphs[0].text == "Nơi nhận:" and closing[1].paragraphs[0].text == "TRƯỞNG BAN"
    assert section.different_first_page_header_footer and "PAGE" in section.header.paragraphs[0]._p.xml
    assert document.inline_shapes, "the chart of stories per month is an image in the document"


def engine_rows(year, today=None):
    """{unit name: (stories, met, missed)} of the engine for ``year``."""
    return {
        result.unit.name: (
            result.total,
            result.periods_met,
            sum(1 for p in result.periods if p.judged and p.status != MET),
        )
        for result in contribution_report(year, today=today)
    }


@pytest.mark.django_db
def test_board_document_tables_are_the_engines_figures(board, stories_2020):
    document = opened(board_year(board))
    table = table_with(document, ["STT", "Đơn vị"])
    figures = {row[1]: (int(row[4]), int(row[5]), int(row[6])) for row in rows_of(table)[:-1]}
    assert figures == engine_rows(YEAR)
    # The same figures as the command line prints for the year.
    out = io.StringIO()
    call_command("contribution_report", "--year", str(YEAR), "--format", "json", "--today", "2021-01-15", stdout=out)
    command = {row["name"]: (row["total"], row["periods_met"]) for row in json.loads(out.getvalue())}
    assert {name: values[:2] for name, values in figures.items()} == command
    totals = rows_of(table)[-1]
    assert totals[1] == "Tổng cộng" and int(totals[4]) == 6
    kinds = {row[1]: row[2] for row in rows_of(table_with(document, ["STT", "Loại", "Số bài"]))}
    assert kinds == {"Gương điển hình tiên tiến": "3", "Mô hình mới": "2", "Nhân tố mới": "1", "Tổng cộng": "6"}


@pytest.mark.django_db
def test_half_year_document_counts_only_its_months(board, stories_2020):
    response = board.get(reverse(DOCUMENTS), {"download": "1", "document": "half", "year": "2020", "half": "1"})
    document = opened(response)
    rows = {row[1]: row[4] for row in rows_of(table_with(document, ["STT", "Đơn vị"]))}
    ke_sach, y_te = Unit.objects.get(slug="huyen-ke-sach"), Unit.objects.get(slug="so-y-te")
    assert rows[ke_sach.name] == "3" and rows[y_te.name] == "1" and rows["Tổng cộng"] == "4"
    assert any("6 tháng đầu năm 2020" in p.text for p in document.paragraphs)


@pytest.mark.django_db
def test_whole_plan_document_honouring_events_and_thousands(board, stories_2020):
    honoured = ExemplarPage.objects.get(title="Bác sĩ Lâm Thị Sa Rương")
    event = HonouringEventPageFactory(
        parent=section_of("so-y-te"), kind="year_end_review", date=datetime.date(2020, 12, 20)
    )
    event.exemplars.set([honoured])
    event.save_revision().publish()
    response = board.get(reverse(DOCUMENTS), {"download": "1", "document": "plan"})
    document = opened(response)
    events = rows_of(table_with(document, ["STT", "Ngày", "Tên sự kiện"]))
    assert len(events) == 1
    assert (events[0][1], events[0][2], events[0][4], events[0][6]) == ("20/12/2020", event.title, "Đơn vị", "1")
    units = rows_of(table_with(document, ["STT", "Đơn vị"]))
    assert units[-1][4] == "7"  # the plan's span includes December 2019


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"document": "year", "year": "abc"},
        {"document": "year", "year": "1990"},
        {"document": "half", "year": "2020", "half": "3"},
        {"document": "half", "year": "2020"},
        {"document": "plan", "date_from": "2020-13-45"},
        {"document": "plan", "date_from": "2020-06-01", "date_to": "2020-01-01"},
        {"document": "nonsense"},
    ],
)
def test_malformed_period_is_a_form_error_not_a_document(board, params):
    response = board.get(reverse(DOCUMENTS), {"download": "1", **params})
    assert response.status_code == 400
    assert "html" in response["Content-Type"] and b"error" in response.content


@pytest.mark.django_db
def test_unit_summary_holds_only_the_units_stories(client, staff, stories_2020):
    older = ExemplarPage.objects.get(unit__slug="huyen-ke-sach", first_published_at__year=YEAR - 1)
    own = HonouringEventPageFactory(
        parent=section_of("huyen-ke-sach"),
        title="Hội nghị sơ kết 6 tháng",
        kind="half_year_review",
        date=datetime.date(YEAR, 6, 20),
        place="Hội trường UBND huyện Kế Sách",
    )
    own.exemplars.set([older])
    own.save_revision().publish()
    theirs = HonouringEventPageFactory(
        parent=section_of("so-y-te"), title="Sở Y tế tôn vinh", date=datetime.date(YEAR, 7, 1)
    )
    theirs.exemplars.set([ExemplarPage.objects.get(title="Bác sĩ Lâm Thị Sa Rương")])
    theirs.save_revision().publish()
    client.force_login(staff["ks-approver"])
    ke_sach = Unit.objects.get(slug="huyen-ke-sach")
    response = client.get(
        reverse(UNIT_DOCUMENT, args=[ke_sach.pk]), {"download": "1", "document": "year", "year": "2020"}
    )
    assert "huyen-ke-sach" in response["Content-Disposition"]
    document = opened(response)
    text = text_of(document)
    assert ke_sach.name.upper() in [p.text for p in document.tables[0].rows[0].cells[0].paragraphs]
    stories = rows_of(table_with(document, ["STT", "Tên bài"]))
    expected = ExemplarPage.objects.filter(unit=ke_sach, first_published_at__year=YEAR)
    assert sorted(row[1] for row in stories) == sorted(expected.values_list("title", flat=True))
    assert [row[3] for row in stories] == ["10/01/2020", "10/02/2020", "20/02/2020", "03/08/2020"]
    assert all(row[4].startswith("http") for row in stories)
    # Honoured in 2020, the unit's story of December 2019 shows where; Sở Y tế's own event does not.
    assert rows_of(table_with(document, ["STT", "Ngày", "Sự kiện tôn vinh"])) == [
        ["1", "20/06/2020", "Hội nghị sơ kết 6 tháng", "Hội trường UBND huyện Kế Sách", older.title]
    ]
    assert "Lâm Thị Sa Rương" not in text


@pytest.mark.django_db
def test_unit_staff_cannot_have_the_boards_documents_or_another_units(client, staff):
    y_te = Unit.objects.get(slug="so-y-te")
    ke_sach = Unit.objects.get(slug="huyen-ke-sach")
    client.force_login(staff["ks-contributor"])
    assert refused(board_year(client))
    page = client.get(reverse(DOCUMENTS))
    assert page.status_code == 200 and reverse(UNIT_DOCUMENT, args=[ke_sach.pk]).encode() in page.content
    assert reverse(UNIT_DOCUMENT, args=[y_te.pk]).encode() not in page.content
    forged = client.get(reverse(UNIT_DOCUMENT, args=[y_te.pk]), {"download": "1", "document": "year", "year": "2020"})
    assert refused(forged)
    assert client.get(reverse(UNIT_DOCUMENT, args=[999999])).status_code == 404
    client.force_login(staff["bst-editor"])  # an outlet: no unit of its own to report on
    assert refused(client.get(reverse(DOCUMENTS)))


@pytest.mark.django_db
def test_menu_offers_the_documents_to_the_board_and_unit_staff_only(client, staff):
    client.force_login(staff["board"])
    assert reverse(DOCUMENTS).encode() in client.get(reverse("wagtailadmin_home")).content
    page = client.get(reverse(DOCUMENTS))
    assert page.status_code == 200 and b'name="document"' in page.content and b'name="date_from"' in page.content
    assert reverse(UNIT_DOCUMENT, args=[Unit.objects.get(slug="so-y-te").pk]).encode() in page.content
    client.force_login(staff["yt-approver"])
    assert reverse(DOCUMENTS).encode() in client.get(reverse("wagtailadmin_home")).content
    client.force_login(staff["dai-editor"])
    assert reverse(DOCUMENTS).encode() not in client.get(reverse("wagtailadmin_home")).content


@pytest.mark.django_db
def test_control_characters_and_formulas_in_stored_text_do_not_break_the_document(board, client, staff, newsroom):
    formula = '=HYPERLINK("http://evil.example","Bấm")'
    Unit.objects.filter(slug="huyen-ke-sach").update(name="Huyện\x01 Kế Sách\x1f")
    EmulationBloc.objects.filter(units__slug="huyen-ke-sach").update(name="@SUM(1+1)\x0b")
    story("huyen-ke-sach", at(YEAR, 3, 3), title=f"{formula}\x02 ông Sơn\x7f")
    document = opened(board_year(board))
    text = text_of(document)
    assert "Huyện Kế Sách" in text and "@SUM(1+1)" in text
    client.force_login(staff["ks-approver"])
    ke_sach = Unit.objects.get(slug="huyen-ke-sach")
    response = client.get(
        reverse(UNIT_DOCUMENT, args=[ke_sach.pk]), {"download": "1", "document": "year", "year": "2020"}
    )
    assert f"{formula} ông Sơn" in text_of(opened(response))


@pytest.mark.django_db
def test_command_writes_the_same_document_as_the_admin(board, stories_2020, tmp_path):
    out = tmp_path / "bao-cao.docx"
    call_command("contribution_report", "--year", str(YEAR), "--format", "docx", "--out", str(out))
    from_command = docx.Document(str(out))
    from_admin = opened(board_year(board))
    assert [p.text for p in from_command.paragraphs] == [p.text for p in from_admin.paragraphs]
    assert [rows_of(t) for t in from_command.tables] == [rows_of(t) for t in from_admin.tables]


@pytest.mark.django_db
def test_outlets_output_and_scoring_appear_in_the_year_document_and_the_units_summary(
    board, client, staff, stories_2020
):
    newspaper = OutletPage.objects.get(unit__slug="bao-soc-trang", locale__language_code="vi")
    column = ColumnPageFactory(parent=newspaper, title="Gương sáng đời thường")
    featured = ExemplarPage.objects.filter(unit__slug="huyen-ke-sach").order_by("first_published_at").last()
    article = ColumnArticlePageFactory(
        parent=column, title="Lão nông hiến đất làm đường", first_published_at=at(YEAR, 3, 12)
    )
    article.featured_stories.create(story=featured)
    article.save()
    document = opened(board_year(board))
    outlets = rows_of(table_with(document, ["STT", "Tháng", "Cơ quan báo chí"]))
    assert ["T3/2020", newspaper.title, "Gương sáng đời thường", "1", "0", "1"] in [row[1:] for row in outlets]
    scoring = rows_of(table_with(document, ["STT", "Khối thi đua", "Hạng", "Đơn vị"]))
    assert {row[3] for row in scoring} == set(engine_rows(YEAR))
    client.force_login(staff["ks-contributor"])
    ke_sach = Unit.objects.get(slug="huyen-ke-sach")
    summary = opened(
        client.get(reverse(UNIT_DOCUMENT, args=[ke_sach.pk]), {"download": "1", "document": "year", "year": "2020"})
    )
    assert rows_of(table_with(summary, ["STT", "Ngày", "Cơ quan báo chí"])) == [
        ["1", "12/03/2020", newspaper.title, "Gương sáng đời thường", "Lão nông hiến đất làm đường", featured.title]
    ]


def queries_for(build):
    with CaptureQueriesContext(connection) as queries:
        build()
    return len(queries)


@pytest.mark.django_db
def test_documents_take_a_fixed_number_of_queries_however_many_stories(newsroom, rf, staff):
    ke_sach = Unit.objects.get(slug="huyen-ke-sach")
    request = rf.get("/")
    span = whole_plan(datetime.date(2020, 12, 31))

    def board():
        return to_bytes(board_document(span))

    def unit():
        return to_bytes(unit_document(ke_sach, span, request=request))

    story("huyen-ke-sach", at(YEAR, 1, 10))
    board(), unit()  # warm the site's root paths
    few = queries_for(board), queries_for(unit)
    for month in range(2, 12):
        story("huyen-ke-sach", at(YEAR, month, 10), kind="new_model")
        story("so-y-te", at(YEAR, month, 12))
    assert (queries_for(board), queries_for(unit)) == few
