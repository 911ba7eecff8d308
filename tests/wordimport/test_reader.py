"""The Word reader: every kind of block a unit's file holds, and the files it refuses."""

import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tests.wordimport import word_samples as samples
from wordimport.reader import Limits, WordFileRefused, read_word_file


@pytest.fixture(autouse=True)
def in_english():
    """The messages are read in English here (the admin's Vietnamese comes from the catalogue)."""
    with translation.override("en"):
        yield


def upload(data, name="bai-viet.docx"):
    return SimpleUploadedFile(name, data)


@pytest.fixture(scope="module")
def story():
    return read_word_file(upload(samples.story_with_pictures_and_table()))


def blocks_of(document, block_type):
    return [value for kind, value in document.blocks if kind == block_type]


def test_the_first_heading_is_the_title_not_a_heading_block(story):
    assert story.title == samples.STORY_TITLE
    assert blocks_of(story, "heading") == ["Những việc làm nổi bật", "Thu nhập của tổ hợp tác"]


def test_the_document_title_is_the_title_when_there_is_no_heading():
    article = read_word_file(upload(samples.article_without_pictures()))
    assert article.title == samples.ARTICLE_TITLE
    assert [kind for kind, _value in article.blocks] == ["paragraph"]
    assert article.pictures == ()


def test_bold_and_italic_stay_in_the_paragraph(story):
    first = blocks_of(story, "paragraph")[0]
    assert "<b>Thạch Thị Sa Rin</b>" in first
    assert "<i>20 phụ nữ</i>" in first
    assert first.startswith("<p>Từ nghề dệt chiếu")


def test_lists_are_bulleted_and_numbered_lists(story):
    lists = next(p for p in blocks_of(story, "paragraph") if "<ul>" in p)
    assert (
        "<ul><li>Thành lập tổ hợp tác dệt chiếu năm 2017.</li><li>Hướng dẫn nghề miễn phí cho hộ nghèo.</li></ul>"
        in lists
    )
    assert (
        "<ol><li>Chọn cói và phơi khô.</li><li>Nhuộm màu tự nhiên.</li><li>Dệt hoa văn truyền thống.</li></ol>" in lists
    )


def test_text_is_nfc_and_keeps_the_old_tone_placement(story):
    text = " ".join(blocks_of(story, "paragraph"))
    assert samples.OLD_TONE_PARAGRAPH in text  # "hoá", "Thuý" as typed, not "hóa", "Thúy"
    assert unicodedata.normalize("NFC", samples.NFD_PARAGRAPH) in text
    assert unicodedata.is_normalized("NFC", text)


def test_a_quote_paragraph_is_a_quote(story):
    assert blocks_of(story, "quote") == [{"text": samples.QUOTE, "attribution": ""}]


def test_pictures_are_image_blocks_with_the_caption_that_follows_them(story):
    assert blocks_of(story, "image") == [
        {"picture": 0, "caption": samples.CAPTIONS[0]},
        {"picture": 1, "caption": samples.CAPTIONS[1]},
    ]
    assert [picture.extension for picture in story.pictures] == ["png", "png"]
    assert story.pictures[0].data.startswith(b"\x89PNG")
    # A caption is the image's, not a paragraph of the body.
    assert not any(samples.CAPTIONS[0] in p for p in blocks_of(story, "paragraph"))


def test_a_table_keeps_its_rows_and_columns(story):
    assert blocks_of(story, "table") == [
        {"caption": "", "first_row_is_header": True, "rows": [list(row) for row in samples.TABLE_ROWS]}
    ]


def test_blocks_come_in_the_order_of_the_file(story):
    assert [kind for kind, _value in story.blocks] == [
        "paragraph",
        "image",
        "heading",
        "paragraph",
        "quote",
        "heading",
        "table",
        "image",
    ]


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        pytest.param(samples.not_a_zip(), "not_docx", "not a Word document", id="not a zip"),
        pytest.param(samples.encrypted_docx(), "encrypted", "password", id="encrypted (OLE)"),
        pytest.param(samples.docx_without_body(), "no_body", "no document body", id="docx without body"),
        pytest.param(samples.damaged_docx(), "damaged", "damaged", id="damaged body"),
    ],
)
def test_bad_files_are_refused_with_a_message_that_says_why(data, code, words):
    with pytest.raises(WordFileRefused) as refused:
        read_word_file(upload(data))
    assert refused.value.code == code
    assert words in str(refused.value)


def test_an_oversized_file_is_refused_before_it_is_read():
    data = samples.story_with_pictures_and_table()
    with pytest.raises(WordFileRefused) as refused:
        read_word_file(upload(data), Limits(max_size=len(data) - 1))
    assert refused.value.code == "too_big"
    assert "too big" in str(refused.value)


def test_pictures_beyond_the_limit_are_left_out_and_counted():
    document = read_word_file(upload(samples.story_with_pictures_and_table()), Limits(max_pictures=1))
    assert len(document.pictures) == 1
    assert document.skipped_pictures == 1
    assert len(blocks_of(document, "image")) == 1
