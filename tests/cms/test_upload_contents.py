"""The content and name checks of cms/uploads.py on their own: files a newsroom really sends (a text
exported from Excel or Notepad in UTF-16, an RTF saved with a byte order mark, an extension typed in
capitals, a name starting with "X") are accepted and named as the staff would expect, and a refused
file's message says how big it is and how big it may be. (tests/cms/test_upload_types.py goes through
the admin's forms.)"""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat

from cms.uploads import _check_size, content_matches_extension, extension_of, safe_filename

MINUTES = "Biên bản họp Ban Thi đua khen thưởng xã Đại Ân 2"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bien-ban.txt", b"\xff\xfe" + MINUTES.encode("utf-16-le")),
        ("bien-ban.csv", b"\xfe\xff" + MINUTES.encode("utf-16-be")),
    ],
)
def test_a_utf16_text_with_its_byte_order_mark_is_a_text(name, content):
    # Notepad and Excel's "Unicode text" save UTF-16, whose every other byte is a NUL: with its byte
    # order mark it is text, not a binary renamed .txt.
    assert content_matches_extension(SimpleUploadedFile(name, content), extension_of(name))


@pytest.mark.parametrize("start", [b"\xef\xbb\xbf", b"\r\n", b"\xef\xbb\xbf\n\t "])
def test_an_rtf_after_a_byte_order_mark_or_blank_lines_is_an_rtf(start):
    rtf = start + b"{\\rtf1\\ansi Bi\\'ean b\\'e3n h\\'ecp}"
    assert content_matches_extension(SimpleUploadedFile("bien-ban.rtf", rtf), "rtf")


def test_an_extension_without_a_check_of_its_content_is_refused():
    # An extension added to WAGTAILDOCS_EXTENSIONS without a rule here must not be trusted blindly.
    assert not content_matches_extension(SimpleUploadedFile("ghi-chu.md", b"# Ghi chu"), "md")


@pytest.mark.parametrize(
    ("name", "extension", "stored"),
    [
        ("BÁO CÁO THI ĐUA.XLSX", "xlsx", "bao-cao-thi-dua.xlsx"),
        ("Xã Đại Ân.pdf", "pdf", "xa-dai-an.pdf"),
        ("Xuân Hoà.XML", "xml", "xuan-hoa.xml"),
    ],
)
def test_a_name_keeps_its_first_letter_and_its_extension_whatever_the_case(name, extension, stored):
    assert extension_of(name) == extension
    assert safe_filename(name) == stored


def test_a_file_too_big_is_refused_with_its_size_and_the_maximum():
    video = SimpleUploadedFile("phong-su.mp4", b"\x00" * 3 * 1024)
    with pytest.raises(ValidationError) as refused:
        _check_size(video, 2 * 1024)
    (message,) = refused.value.messages
    assert filesizeformat(3 * 1024) in message
    assert filesizeformat(2 * 1024) in message
