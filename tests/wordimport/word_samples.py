"""Word files (.docx) as units send them, made here with python-docx: two real-looking samples
in Vietnamese (one with pictures and a table) and the bad files the import must refuse."""

import io
import unicodedata
import zipfile

from docx import Document
from docx.shared import Cm
from PIL import Image, ImageDraw

STORY_TITLE = "Chị Thạch Thị Sa Rin làm giàu từ nghề dệt chiếu"
STORY_FILE_NAME = "Bài gương điển hình - Thạch Thị Sa Rin.docx"
# Typed with the old tone placement ("hoá", "thuý") and, in one paragraph, decomposed (NFD) as
# some keyboards send it: the import keeps the placement and composes the text.
OLD_TONE_PARAGRAPH = "Gia đình chị được công nhận Gia đình văn hoá tiêu biểu; con gái chị, Thạch Thị Thuý, học giỏi."
NFD_PARAGRAPH = unicodedata.normalize("NFD", "Ấp Phú Ninh, xã Đại Hải, huyện Kế Sách, tỉnh Sóc Trăng.")
CAPTIONS = (
    "Chị Thạch Thị Sa Rin bên khung dệt chiếu tại nhà, ấp Phú Ninh.",
    "Chiếu hoa của tổ hợp tác được bày bán tại chợ Kế Sách.",
)
TABLE_ROWS = (
    ("Năm", "Số lao động", "Thu nhập (triệu đồng)"),
    ("2017", "8", "180"),
    ("2018", "14", "290"),
    ("2019", "20", "410"),
)
QUOTE = "Có nghề trong tay thì chị em mình không phải đi làm thuê xa nhà nữa."

ARTICLE_TITLE = "Cựu chiến binh Danh Sơn hiến đất làm đường ở Mỹ Tú"
ARTICLE_FILE_NAME = "Guong sang doi thuong - Danh Son.docx"


def picture(colour, size=(640, 420)):
    """A PNG photo-like picture: a sky, a field and a sun."""
    image = Image.new("RGB", size, "#9fd3f0")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, size[1] * 2 // 3, size[0], size[1]], fill=colour)
    draw.ellipse([size[0] - 140, 30, size[0] - 60, 110], fill="#f5c542")
    out = io.BytesIO()
    image.save(out, "PNG")
    out.seek(0)
    return out


def _save(document):
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def story_with_pictures_and_table():
    """Huyện Kế Sách's story: title, headings, bold, italic, lists, a quote, two captioned
    pictures and a table."""
    document = Document()
    document.core_properties.title = "Mẫu bài viết"
    document.add_heading(STORY_TITLE, level=1)
    intro = document.add_paragraph("Từ nghề dệt chiếu truyền thống của người Khmer, chị ")
    intro.add_run("Thạch Thị Sa Rin").bold = True
    intro.add_run(" đã tạo việc làm cho ")
    intro.add_run("20 phụ nữ").italic = True
    intro.add_run(" trong ấp.")
    document.add_paragraph(OLD_TONE_PARAGRAPH)
    document.add_paragraph(NFD_PARAGRAPH)
    document.add_picture(picture("#5a9e3a"), width=Cm(12))
    document.add_paragraph(CAPTIONS[0], style="Caption")
    document.add_heading("Những việc làm nổi bật", level=2)
    for item in ("Thành lập tổ hợp tác dệt chiếu năm 2017.", "Hướng dẫn nghề miễn phí cho hộ nghèo."):
        document.add_paragraph(item, style="List Bullet")
    for step in ("Chọn cói và phơi khô.", "Nhuộm màu tự nhiên.", "Dệt hoa văn truyền thống."):
        document.add_paragraph(step, style="List Number")
    document.add_paragraph(QUOTE, style="Quote")
    document.add_heading("Thu nhập của tổ hợp tác", level=2)
    table = document.add_table(rows=len(TABLE_ROWS), cols=len(TABLE_ROWS[0]))
    for row, values in zip(table.rows, TABLE_ROWS, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_picture(picture("#b5651d"), width=Cm(12))
    document.add_paragraph(CAPTIONS[1], style="Caption")
    return _save(document)


def article_without_pictures():
    """Báo Sóc Trăng's column article: its title in the file's properties, no heading."""
    document = Document()
    document.core_properties.title = ARTICLE_TITLE
    document.add_paragraph(
        "Năm 2019, ông Danh Sơn, hội viên Hội Cựu chiến binh xã Mỹ Hương, huyện Mỹ Tú, hiến 300 m² đất "
        "để mở rộng đường vào ấp Hương Phước."
    )
    document.add_paragraph("Ông còn vận động 12 hộ cùng hiến đất, góp ngày công làm đường.")
    return _save(document)


def not_a_zip():
    return b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n"


def encrypted_docx():
    """What Word saves for a .docx with a password: an OLE compound file, not a zip."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"EncryptionInfo" + b"\x00" * 1024


def docx_without_body():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("docProps/core.xml", '<?xml version="1.0"?><coreProperties/>')
    return out.getvalue()


def damaged_docx():
    """A .docx whose body is not XML."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(story_with_pictures_and_table())) as source, zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            data = b"<w:document" if info.filename == "word/document.xml" else source.read(info.filename)
            archive.writestr(info.filename, data)
    return out.getvalue()
