"""Uploads in the admin: only the allowed types, by content and not just by name, within the size
limits, under safe file names; a refused upload leaves no row and no file behind."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtailmedia.models import Media

from cms.uploads import content_matches_extension, safe_filename
from tests.helpers import png

Document = get_document_model()
Image = get_image_model()

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(200)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
CSV = "Đơn vị,Số bài\nHuyện Kế Sách,12\nSở Y tế,9\n".encode()


def package(**members):
    """A zip archive with the given members (names with dots and brackets passed via a dict)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = package(**{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
XLSX = package(**{"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
PPTX = package(**{"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<presentation/>"})
ODT = package(mimetype="application/vnd.oasis.opendocument.text", **{"content.xml": "<office/>"})
PLAIN_ZIP = package(**{"readme.txt": "Không phải tài liệu Word"})


def png_bytes(size=(40, 30)):
    return png(size=size).file.getvalue()


def stored_files(root):
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def root_collection():
    return Collection.get_first_root_node().pk


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Báo cáo tổng kết năm 2020.PDF", "bao-cao-tong-ket-nam-2020.pdf"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\hệ thống.docx", "he-thong.docx"),
        (".htaccess", "htaccess"),
        ("ស្រុកកំពង់.pdf", "tep-tin.pdf"),
        ("Đồng khởi " * 30 + ".xlsx", ("dong-khoi-" * 8).rstrip("-") + ".xlsx"),
        ("ảnh<script>.png", "anhscript.png"),
    ],
)
def test_stored_names_are_ascii_without_folders_or_leading_dots(name, expected):
    assert safe_filename(name) == expected


@pytest.mark.parametrize(
    ("extension", "content", "accepted"),
    [
        ("pdf", PDF, True),
        ("pdf", EXE, False),
        ("pdf", HTML, False),
        ("docx", DOCX, True),
        ("docx", XLSX, False),
        ("docx", PLAIN_ZIP, False),
        ("docx", EXE, False),
        ("xlsx", XLSX, True),
        ("pptx", PPTX, True),
        ("odt", ODT, True),
        ("odt", DOCX, False),
        ("csv", CSV, True),
        ("txt", "Biên bản họp Ban Thi đua\r\n\tngày 12/5/2020".encode(), True),
        ("txt", EXE, False),
        ("rtf", b"{\\rtf1\\ansi Bi\\'ean b\\'e3n}", True),
        ("rtf", PDF, False),
    ],
)
def test_document_content_must_match_its_extension(extension, content, accepted):
    assert content_matches_extension(io.BytesIO(content), extension) is accepted


def test_a_document_is_stored_under_a_safe_name(admin_client, media_root):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Kế hoạch 123", "collection": root_collection(), "file": upload("Kế hoạch 123/KH-UBND.pdf", PDF)},
    )

    assert response.status_code == 302
    assert Document.objects.get().file.name == "documents/kh-ubnd.pdf"
    assert stored_files(media_root) == ["documents/kh-ubnd.pdf"]


@pytest.mark.parametrize(
    ("name", "content"),
    [("chuong-trinh.pdf", EXE), ("bao-cao.pdf", HTML), ("danh-sach.docx", PLAIN_ZIP)],
)
def test_a_renamed_program_or_web_page_is_refused_and_nothing_is_kept(admin_client, media_root, name, content):
    data = {"title": "Tài liệu", "collection": root_collection(), "file": upload(name, content)}
    response = admin_client.post(reverse("wagtaildocs:add"), data)

    assert response.status_code == 200
    extension = name.rsplit(".", 1)[1]
    assert f"Nội dung tệp này không phải là tài liệu .{extension}" in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


def test_the_multiple_upload_refuses_a_renamed_program_too(admin_client, media_root):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"), {"collection": root_collection(), "files[]": upload("setup.pdf", EXE)}
    )

    assert response.json()["success"] is False
    assert "không phải là tài liệu .pdf" in response.json()["error_message"]
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


def test_a_disallowed_document_type_is_refused(admin_client, media_root):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Trang", "collection": root_collection(), "file": upload("trang.html", HTML, "text/html")},
    )

    assert response.status_code == 200
    assert "html" in response.context["form"].errors["file"][0]
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


def test_a_document_over_the_size_limit_is_refused(admin_client, media_root, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024

    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Lớn", "collection": root_collection(), "file": upload("lon.pdf", PDF + bytes(2048))},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"][0].startswith(("Tệp này quá lớn", "This file is too big"))
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


def add_image(client, file):
    return client.post(reverse("wagtailimages:add"), {"title": "Ảnh", "collection": root_collection(), "file": file})


def test_an_image_is_stored_under_a_safe_name(admin_client, media_root):
    response = add_image(admin_client, upload("Ảnh lễ tuyên dương Đồng Khởi.png", png_bytes(), "image/png"))

    assert response.status_code == 302
    assert Image.objects.get().file.name == "original_images/anh-le-tuyen-duong-dong-khoi.png"


@pytest.mark.parametrize("name", ["logo.svg", "logo.png"])
def test_svg_is_refused_by_name_and_by_content(admin_client, media_root, name):
    response = add_image(admin_client, upload(name, SVG, "image/svg+xml"))

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


def test_an_image_over_the_size_limit_is_refused(admin_client, media_root, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 500

    response = add_image(admin_client, upload("lon.png", png_bytes(size=(400, 400)), "image/png"))

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


def add_video(client, file, **extra):
    return client.post(
        reverse("wagtailmedia:add", args=["video"]),
        {"title": "Phóng sự", "collection": root_collection(), "file": file, "duration": 60, **extra},
    )


def test_a_video_is_stored_under_a_safe_name(admin_client, media_root):
    response = add_video(admin_client, upload("Phóng sự Sóc Trăng.mp4", b"\x00\x00\x00\x18ftypmp42" + bytes(64)))

    assert response.status_code == 302
    assert Media.objects.get().file.name == "media/phong-su-soc-trang.mp4"


def test_a_video_over_the_size_limit_or_of_another_type_is_refused(admin_client, media_root, settings):
    settings.WAGTAILMEDIA_MAX_UPLOAD_SIZE = 1024

    too_big = add_video(admin_client, upload("dai.mp4", bytes(4096)))
    program = add_video(admin_client, upload("phim.exe", EXE))

    assert "Tệp này quá lớn" in too_big.content.decode()
    assert program.status_code == 200 and program.context["form"].errors
    assert not Media.objects.exists()
    assert stored_files(media_root) == []


def test_a_video_thumbnail_must_be_a_real_image(admin_client, media_root):
    response = add_video(admin_client, upload("phim.mp4", bytes(64)), thumbnail=upload("bia.png", SVG, "image/png"))

    assert "Ảnh thu nhỏ phải là ảnh GIF, JPEG, PNG hoặc WebP" in response.content.decode()
    assert not Media.objects.exists()
    assert stored_files(media_root) == []
