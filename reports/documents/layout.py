"""An administrative document in the layout of Decree 30/2020/NĐ-CP (Appendix I), built with python-docx.

The content is plain frozen data (``AdministrativeDocument`` and its blocks); ``build`` lays it out:
A4 with the decree's margins, Times New Roman, the two-column header without borders (issuing
body and number left, national motto and place and date right), the document type and summary
line, the body, then "Nơi nhận" left and the signature right. The number and the day are left
blank: the clerk fills them in when the document is signed (practice in ../shared/reference).

Every text passes through ``clean``: stored text may hold control characters, which XML 1.0
(and so python-docx) refuses, and one of them would break the whole document.
"""

import io
from dataclasses import dataclass, field

from django.conf import settings
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from core.text import multiline, single_line

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
HEADER_SIZE = Pt(13)
TABLE_SIZE = Pt(12)
PARAGRAPH_SPACING = Pt(6)  # the decree asks for at least 6 pt between paragraphs
# The decree's ranges: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
MARGINS = {"top_margin": Mm(20), "bottom_margin": Mm(20), "left_margin": Mm(30), "right_margin": Mm(18)}
A4 = (Mm(210), Mm(297))
RULE = "\u2014" * 6  # the short rule under the issuing body, the motto and the summary line
BLANK_NUMBER = "Số:       /{symbol}"
BLANK_DATE = "{place}, ngày     tháng     năm {year}"


def from_settings(name):
    """A dataclass field whose default is the setting ``name`` when the document is made: the bodies
    are settings (cms.settings.base, REPORT_*) because they were renamed from 1/7/2025."""
    return field(default_factory=lambda: getattr(settings, name))


@dataclass(frozen=True)
class Letterhead:
    """Who issues the document: its superior body, itself, the symbol of its reports, where it sits.
    By default the Board, as the settings name it."""

    superior_body: str = from_settings("REPORT_SUPERIOR_BODY")
    issuing_body: str = from_settings("REPORT_ISSUING_BODY")
    symbol: str = from_settings("REPORT_SYMBOL")
    place: str = from_settings("REPORT_PLACE")


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: "I. ...", 2: "1. ..."


@dataclass(frozen=True)
class Paragraph:
    text: str
    italic: bool = False


@dataclass(frozen=True)
class Table:
    """A table with numbered columns; ``totals`` is the last row, bold."""

    headings: tuple
    rows: tuple
    totals: tuple = ()
    caption: str = ""


@dataclass(frozen=True)
class Image:
    png: bytes
    width_mm: int = 160
    caption: str = ""


@dataclass(frozen=True)
class Signature:
    title: str = from_settings("REPORT_SIGNER_TITLE")
    name: str = ""


@dataclass(frozen=True)
class AdministrativeDocument:
    summary: str
    year: int
    body: tuple = ()
    letterhead: Letterhead = field(default_factory=Letterhead)
    document_type: str = "BÁO CÁO"
    recipients: tuple = ("UBND tỉnh (b/c)", "Các đơn vị trong tỉnh", "Lưu: VT, BTĐKT.")
    signature: Signature = field(default_factory=Signature)


def clean(value):
    """``value`` as text a Word document can hold: control characters out, lines kept."""
    return multiline("" if value is None else str(value))


def clean_line(value):
    return single_line("" if value is None else str(value))


def _run(paragraph, text, size=BODY_SIZE, bold=False, italic=False):
    run = paragraph.add_run(clean(text))
    run.font.name = FONT
    run.font.size = size
    run.bold = bold
    run.italic = italic
    # East Asian and complex-script slots too, or Word may substitute another font for them.
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    return run


def _paragraph(container, text="", align=None, space_after=PARAGRAPH_SPACING, **run_options):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = space_after
    if text:
        _run(paragraph, text, **run_options)
    return paragraph


def _cell_lines(cell, lines):
    """Fill a header cell with centred lines: [(text, size, bold, italic)]."""
    cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    for text, size, bold, italic in lines:
        _paragraph(cell, text, WD_ALIGN_PARAGRAPH.CENTER, Pt(0), size=size, bold=bold, italic=italic)


def page_setup(document):
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = A4
    for name, value in MARGINS.items():
        setattr(section, name, value)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = BODY_SIZE


def _field(paragraph, instruction):
    """A Word field (e.g. PAGE) in ``paragraph``: Word fills in its value when it lays the page out."""
    run = _run(paragraph, "", size=BODY_SIZE)
    for tag, text in (("w:fldChar", "begin"), ("w:instrText", instruction), ("w:fldChar", "end")):
        element = OxmlElement(tag)
        if tag == "w:fldChar":
            element.set(qn("w:fldCharType"), text)
        else:
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        run._element.append(element)


def page_numbers(document):
    """Page numbers from page 2, Arabic, centred in the top margin; none on the first page."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(paragraph, "PAGE")


def header(document, content):
    """The two columns without borders: issuing body and number; national motto and place and date."""
    letterhead = content.letterhead
    table = document.add_table(rows=1, cols=2)  # the default table style has no borders
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Mm(70), Mm(95)
    _cell_lines(
        left,
        [
            (letterhead.superior_body.upper(), HEADER_SIZE, False, False),
            (letterhead.issuing_body.upper(), HEADER_SIZE, True, False),
            (RULE, HEADER_SIZE, False, False),
            (BLANK_NUMBER.format(symbol=letterhead.symbol), HEADER_SIZE, False, False),
        ],
    )
    _cell_lines(
        right,
        [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", HEADER_SIZE, True, False),
            ("Độc lập - Tự do - Hạnh phúc", BODY_SIZE, True, False),
            (RULE, HEADER_SIZE, False, False),
            (BLANK_DATE.format(place=letterhead.place, year=content.year), BODY_SIZE, False, True),
        ],
    )
    return table


def title(document, content):
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(document, "", space_after=PARAGRAPH_SPACING)
    _paragraph(document, content.document_type.upper(), centre, Pt(0), bold=True)
    _paragraph(document, clean_line(content.summary), centre, Pt(0), bold=True)
    _paragraph(document, RULE, centre, Pt(12))


def add_heading(document, block):
    _paragraph(document, clean_line(block.text), WD_ALIGN_PARAGRAPH.LEFT, bold=True)


def add_paragraph(document, block):
    paragraph = _paragraph(document, block.text, WD_ALIGN_PARAGRAPH.JUSTIFY, italic=block.italic)
    paragraph.paragraph_format.first_line_indent = Cm(1.27)


def _fill_row(row, values, bold=False):
    for cell, value in zip(row.cells, values, strict=False):
        paragraph = cell.paragraphs[0]
        _run(paragraph, clean_line(value), size=TABLE_SIZE, bold=bold)


def add_table(document, block):
    if block.caption:
        _paragraph(document, clean_line(block.caption), WD_ALIGN_PARAGRAPH.LEFT, italic=True)
    table = document.add_table(rows=1, cols=len(block.headings))
    table.style = document.styles["Table Grid"]
    _fill_row(table.rows[0], block.headings, bold=True)
    for values in block.rows:
        _fill_row(table.add_row(), values)
    if block.totals:
        _fill_row(table.add_row(), block.totals, bold=True)
    _paragraph(document, "", space_after=PARAGRAPH_SPACING)
    return table


def add_image(document, block):
    document.add_picture(io.BytesIO(block.png), width=Mm(block.width_mm))
    document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if block.caption:
        _paragraph(document, clean_line(block.caption), WD_ALIGN_PARAGRAPH.CENTER, italic=True, size=TABLE_SIZE)


BLOCK_WRITERS = {Heading: add_heading, Paragraph: add_paragraph, Table: add_table, Image: add_image}


def recipients_and_signature(document, content):
    """ "Nơi nhận" bottom-left, the signer's title and (blank for signing) name bottom-right."""
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(85), Mm(80)
    first = left.paragraphs[0]
    _run(first, "Nơi nhận:", size=Pt(12), bold=True, italic=True)
    lines = list(content.recipients)
    for index, recipient in enumerate(lines):
        text = clean_line(recipient)
        ending = "" if text.endswith(".") else ("." if index == len(lines) - 1 else ";")
        _paragraph(left, f"- {text}{ending}", space_after=Pt(0), size=Pt(11))
    signature = content.signature
    _cell_lines(
        right,
        [
            (signature.title.upper(), BODY_SIZE, True, False),
            ("", BODY_SIZE, False, False),
            ("", BODY_SIZE, False, False),
            ("", BODY_SIZE, False, False),
            (signature.name, BODY_SIZE, True, False),
        ],
    )
    return table


def build(content):
    """The python-docx Document of ``content``."""
    document = Document()
    page_setup(document)
    page_numbers(document)
    header(document, content)
    title(document, content)
    for block in content.body:
        BLOCK_WRITERS[type(block)](document, block)
    recipients_and_signature(document, content)
    return document


def to_bytes(content):
    buffer = io.BytesIO()
    build(content).save(buffer)
    return buffer.getvalue()
