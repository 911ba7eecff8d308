"""The demo's "Văn bản" page: the plan (Kế hoạch 123/KH-UBND) and the documents it rests on, each
with a small PDF made here, in the Board's (root) collection.

The numbers and dates are those of the documents as published; the PDFs only stand in for the real
scans: one page naming the document (in ASCII, which the PDF's standard font can show).
"""

import datetime
import textwrap

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection

from core.text import fold
from demo.pages import ensure_published_child
from home.documents import DocumentLibraryPage
from home.models import HomePage

D = datetime.date

LIBRARY = {
    "slug": "van-ban",
    "title": "Văn bản",
    "intro": "Kế hoạch, luật, nghị định và chỉ thị về công tác thi đua, khen thưởng và tuyên truyền "
    "gương điển hình tiên tiến của tỉnh Sóc Trăng.",
}

DOCUMENTS = [
    {
        "file": "ke-hoach-123-kh-ubnd-2019.pdf",
        "title": "Kế hoạch tuyên truyền và nhân rộng gương điển hình tiên tiến, mô hình mới, nhân tố mới trong "
        "các phong trào thi đua, yêu nước tỉnh Sóc Trăng đến năm 2020",
        "number": "123/KH-UBND",
        "issued_on": D(2019, 9, 4),
        "kind": "plan",
    },
    {
        "file": "luat-thi-dua-khen-thuong-06-2022-qh15.pdf",
        "title": "Luật Thi đua, khen thưởng",
        "number": "06/2022/QH15",
        "issued_on": D(2022, 6, 15),
        "kind": "law",
    },
    {
        "file": "nghi-dinh-98-2023-nd-cp.pdf",
        "title": "Nghị định quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        "number": "98/2023/NĐ-CP",
        "issued_on": D(2023, 12, 31),
        "kind": "decree",
    },
    {
        "file": "chi-thi-34-ct-tw-2014.pdf",
        "title": "Chỉ thị của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng",
        "number": "34-CT/TW",
        "issued_on": D(2014, 4, 7),
        "kind": "directive",
    },
]


def _pdf_text(value):
    ascii_text = fold(value).upper().encode("ascii", "ignore").decode("ascii")
    return ascii_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def tiny_pdf(lines):
    """A valid one-page A4 PDF 1.4 showing ``lines`` in Helvetica, with a correct cross-reference table."""
    wrapped = [part for line in lines for part in textwrap.wrap(_pdf_text(line), 60)]
    text = " T* ".join(f"({line}) Tj" for line in wrapped)
    stream = f"BT /F1 12 Tf 16 TL 72 770 Td {text} ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def ensure_document(spec, tally):
    """The demo document for ``spec`` (found by its title), uploaded if missing."""
    model = get_document_model()
    title = f"{spec['number']}: {spec['title']}"[:255]
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        tally.record("documents", "unchanged")
        return existing
    lines = ["UBND TINH SOC TRANG" if spec["kind"] == "plan" else "VAN BAN", f"So: {spec['number']}", spec["title"]]
    content = tiny_pdf(lines + [f"Ngay {spec['issued_on']:%d/%m/%Y}", "(Ban mau cua trang demo)"])
    document = model(title=title, collection=Collection.get_first_root_node())
    document.file.save(spec["file"], ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    tally.record("documents", "created")
    return document


def ensure_documents(tally):
    """The "Văn bản" page under the Vietnamese home page, with the plan and three documents."""
    home = HomePage.objects.filter(locale__language_code="vi", depth=2).first()
    entries = []
    for spec in DOCUMENTS:
        document = ensure_document(spec, tally)
        value = {key: spec[key] for key in ("title", "number", "issued_on", "kind")}
        entries.append(("document", {**value, "document": document}))
    page = DocumentLibraryPage(**LIBRARY, show_in_menus=True, documents=entries, locale=home.locale)
    return ensure_published_child(home, page, timezone.now(), tally, "documents pages")
