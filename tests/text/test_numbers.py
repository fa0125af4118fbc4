"""Digit tokens: conventions, malformed and unreadable tokens, spaced thousand groups."""
from __future__ import annotations

import math

import pytest

from extractor.text.numbers import item_number_at, spaced_groups_at, texts_to_convention, token_to_number

VI = texts_to_convention([], "vi")
EN = texts_to_convention([], "en")


@pytest.mark.parametrize("token,convention,value", [
    ("1.326,6", VI, 1326.6), ("4.125,14", VI, 4125.14), ("33.500.000", VI, 33_500_000),
    ("105.500", VI, 105_500), ("1,326.6", EN, 1326.6), ("0,340", VI, 0.34), ("12,5", VI, 12.5),
])
def test_tokens_read_under_the_convention(token, convention, value):
    num = token_to_number(token, convention)
    assert not num.unreadable and math.isclose(num.value, value)


@pytest.mark.parametrize("token", ["1.2.3", "12.5.75", "1,2.3,4"])
def test_separators_that_cannot_be_read_make_the_token_unreadable(token):
    num = token_to_number(token, VI)
    assert num.unreadable and num.malformed and math.isnan(num.value)


def test_doubled_separator_is_read_by_intent_and_marked_malformed():
    num = token_to_number("1..500", VI)
    assert num.value == 1500 and num.malformed and not num.unreadable


@pytest.mark.parametrize("text,end", [
    ("2 681,93 ha", len("2 681,93")), ("8 898 100 000 đồng", len("8 898 100 000")), ("16 855,7", len("16 855,7")),
])
def test_spaced_groups_are_found_after_the_first_digits(text, end):
    assert spaced_groups_at(text, 0, text.index(" ")) == end


@pytest.mark.parametrize("text,start", [
    ("3 5 7 hộ", 0),        # a list of small numbers, not groups of three
    ("12 34 hộ", 0),
    ("1234 567 hộ", 0),     # the first part has more than three digits
    ("xã 3 500 700 hộ", 9),  # the middle of a spaced run never starts one
])
def test_no_spaced_groups(text, start):
    end = start + len(text[start:].split()[0])
    assert spaced_groups_at(text, start, end) is None


@pytest.mark.parametrize("text, number", [
    ("Chưa đạt: 07. chợ; 12. lao động có việc làm", "12"),
    ("07. chợ nông thôn; 12. lao động có việc làm", "07"),
    ("5. hộ nghèo giảm", "5"),
    ("- 12. lao động có việc làm", "12"),
])
def test_a_list_items_number_is_an_item_number(text: str, number: str) -> None:
    start = text.index(number)
    assert item_number_at(text, start, start + len(number))


@pytest.mark.parametrize("text, number", [
    ("Giải ngân 343. triệu đồng", "343"),  # three digits, after a word
    ("Kinh phí: 45. triệu đồng", "45"),  # after a colon: an amount
    ("Đào tạo 12. lao động", "12"),  # after a word
    ("Chưa đạt: 07. chợ; 12.5 ha", "12"),  # a decimal, no item
])
def test_a_number_after_a_word_or_colon_is_no_item_number(text: str, number: str) -> None:
    start = text.index(number)
    assert not item_number_at(text, start, start + len(number))
