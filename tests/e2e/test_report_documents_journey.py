"""The Board downloads the 2020 year-end document and the whole-plan document from the demo, and a unit
approver their unit's summary, through the admin's Report documents page, as Word files."""

import shutil

import docx
import pytest

from exemplars.models import ExemplarPage
from tests.e2e.admin import log_in
from tests.e2e.conftest import ARTIFACTS, ROOT, screenshot
from tests.e2e.test_board_runs_the_plan import demo  # noqa: F401  the demo as `make run` loads it
from units.models import Unit

DOCUMENTS = "/admin/reports/documents/"


def download(page, **choices):
    for field, value in choices.items():
        page.select_option(f"#id_{field}", value)
    with page.expect_download() as info:
        page.locator(".report-documents__form button[type=submit]").click()
    path = ARTIFACTS / info.value.suggested_filename
    info.value.save_as(path)
    assert info.value.suggested_filename.isascii() and path.suffix == ".docx"
    return docx.Document(str(path))


def header_texts(document):
    return [[p.text for p in cell.paragraphs] for cell in document.tables[0].rows[0].cells]


@pytest.mark.e2e
def test_board_and_a_unit_approver_download_their_documents(new_page, demo):  # noqa: F811
    board = new_page()
    log_in(board, "board")
    board.goto(DOCUMENTS)
    screenshot(board, "report-documents")
    shutil.copy(ARTIFACTS / "report-documents.png", ROOT / "docs" / "screenshots" / "admin-report-documents.png")
    year_end = download(board, document="year", year="2020")
    left, right = header_texts(year_end)
    assert left[1] == "BAN THI ĐUA - KHEN THƯỞNG" and right[0] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert any("năm 2020" in p.text for p in year_end.paragraphs)
    whole_plan = download(board, document="plan")
    assert any("04/09/2019" in p.text for p in whole_plan.paragraphs)

    approver = new_page()
    log_in(approver, "kesach-approver")
    ke_sach = Unit.objects.get(slug="huyen-ke-sach")
    approver.goto(DOCUMENTS)
    approver.locator(f'li[data-unit="{ke_sach.pk}"] a').click()
    summary = download(approver, document="year", year="2020")
    assert header_texts(summary)[0][1] == ke_sach.name.upper()
    titles = {row.cells[1].text for row in summary.tables[1].rows[1:]}
    others = set(ExemplarPage.objects.exclude(unit=ke_sach).values_list("title", flat=True))
    assert titles and not titles & others
