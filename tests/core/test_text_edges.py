"""Edges of the one folding function: what an empty title indexes and what a long name's slug keeps."""

import pytest

from core.text import fold, slugify_vi


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
