"""The name a stored file gets: what readers see when they download it, and what keeps an upload
from writing outside the media folder. Cases found by mutation testing (docs/testing.md)."""

import pytest

from cms.uploads import extension_of, safe_filename


@pytest.mark.parametrize(
    ("uploaded_as", "stored_as"),
    [
        ("../../Báo cáo tổng kết .PDF", "bao-cao-tong-ket.pdf"),
        ("C:\\Users\\Lan\\Đề án ĐBSCL.docx", "de-an-dbscl.docx"),
        ("thư mục/con/ảnh.jpeg", "anh.jpeg"),
        ("...", "tep-tin"),
        ("", "tep-tin"),
        (None, "tep-tin"),
        (".htaccess", "htaccess"),
        ("__nháp__.txt", "nhap.txt"),
        ("Kế hoạch.pdf²", "ke-hoach.pdf"),
        ("bảng.abcdefghijk", "bang.abcdefghij"),
        ("không đuôi", "khong-duoi"),
        ("x" * 100 + ".odt", "x" * 80 + ".odt"),
    ],
)
def test_a_stored_file_gets_a_plain_ascii_name_in_the_media_folder(uploaded_as, stored_as):
    assert safe_filename(uploaded_as) == stored_as


def test_a_nameless_file_gets_the_fallback_it_is_given():
    assert safe_filename("???.png", fallback="anh-dai-dien") == "anh-dai-dien.png"


@pytest.mark.parametrize(
    ("name", "extension"),
    [("Báo cáo.PDF", "pdf"), ("a.tar.GZ", "gz"), ("không đuôi", ""), ("", ""), (None, ""), (".bashrc", "")],
)
def test_the_extension_is_read_lower_case_from_the_last_dot(name, extension):
    assert extension_of(name) == extension
