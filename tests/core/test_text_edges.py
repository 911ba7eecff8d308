"""Edges of the one folding function: what an empty title indexes and what a long name's slug keeps;
the one form of a word kept with its diacritics, which the exact search matches; and what a word is."""

import unicodedata

import pytest

from core.text import fold, normalize, slugify_vi, split_words, word_runs, words


@pytest.mark.parametrize("empty", ["", None, "   "])
def test_nothing_folds_to_nothing(empty):
    # An empty title or body must index no word at all (a placeholder would be found by search).
    assert fold(empty) == ""


@pytest.mark.parametrize(
    ("name", "max_length", "slug"),
    [
        ("Huyện Kế Sách", None, "huyen-ke-sach"),
        ("Thị xã Ngã Năm", None, "thi-xa-nga-nam"),
        ("Đảng bộ xã Đại Ân 2", None, "dang-bo-xa-dai-an-2"),
        ("Sở Y tế tỉnh Sóc Trăng", 8, "so-y-te"),
        ("Sở Y tế tỉnh Sóc Trăng", 9, "so-y-te-t"),
    ],
)
def test_a_slug_keeps_every_vietnamese_letter_folded_and_never_ends_with_a_dash(name, max_length, slug):
    assert slugify_vi(name, max_length=max_length) == slug


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Hoá", "hóa"),
        ("thuý", "thúy"),
        ("QUÝ", "quý"),
        (unicodedata.normalize("NFD", "Sóc Trăng"), "sóc trăng"),
        ("", ""),
        (None, ""),
    ],
)
def test_a_word_is_kept_one_way_whatever_the_tone_placement_case_or_keyboard(typed, kept):
    # The exact search ranks first the pages whose words carry the diacritics the reader typed: "hoá"
    # (old tone placement), "hóa" (new) and a decomposed "hóa" from a Mac keyboard must be one word, and
    # "qu" is a consonant, so "quý" keeps its tone where it is.
    assert normalize(typed) == unicodedata.normalize("NFC", kept)


def test_the_exact_words_of_a_title_are_its_words_in_that_one_form():
    assert words("Chị Thuý trồng mía, hoá đơn 2020") == ["chị", "thúy", "trồng", "mía", "hóa", "đơn", "2020"]


def test_a_word_is_a_run_of_letters_marks_and_digits_of_any_script():
    # The search index, the query and the highlighting of results cut text the same way: a Khmer word
    # keeps its vowel signs and subscripts (marks), digits are words, punctuation and spaces are not;
    # joined again, the runs are the text, so a highlighted title reads as it was written.
    title = "Chùa Kh’mer ở ស្រុកកំពង់ត្រាច: 2020–2025!"
    assert split_words(title) == ["Chùa", "Kh", "mer", "ở", "ស្រុកកំពង់ត្រាច", "2020", "2025"]
    assert "".join(run for run, _ in word_runs(title)) == title
