"""Regressions of the number grammar, each named for what it guards."""
from __future__ import annotations

from extractor.extract.quantities import text_to_quantities
from extractor.text.normalize import normalize
from extractor.text.numbers import texts_to_convention

VI = texts_to_convention([], "vi")


def q(text: str):
    return [(x.value, x.unit, x.total, x.upper) for x in text_to_quantities(normalize(text), VI)]


def test_criterion_number_before_a_word_starting_like_thon_is_masked():
    # the unit look-ahead of the criterion mask took "thông tin" for "thôn"
    assert q("tiêu chí số 8 thông tin và truyền thông đạt") == []


def test_amounts_between_1000_and_2099_after_tu_den_are_not_years():
    assert q("từ 1500 đến 2000 triệu đồng") == [(1.5e9, "VND", None, 2e9)]
    assert q("đến 2050 hộ") == [(2050, "household", None, None)]


def test_spaced_thousands_with_decimals_are_not_cut_to_the_last_group():
    assert q("2 681,93 ha") == [(2681.93, "ha", None, None)]


def test_compound_money_is_one_figure():
    assert q("16 tỷ 434 triệu đồng") == [(16_434_000_000, "VND", None, None)]


def test_le_after_a_scale_leaves_no_spurious_tail():
    assert q("Một tỷ không trăm linh năm triệu đồng") == [(1_005_000_000, "VND", None, None)]


def test_a_minus_sign_inside_a_word_is_the_u_of_a_damaged_font():
    assert normalize("110 ng\u2212ời") == "110 người"
    assert q("110 ng\u2212ời") == [(110, "person", None, None)]
    assert normalize("5\u22123 km") == "5-3 km"
