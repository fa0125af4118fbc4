"""The spelled-number reader against an independent writer of Vietnamese numbers (num2words)."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from extractor.text.spelled import words_to_number


def test_round_trip_on_ten_thousand_random_numbers():
    rng = random.Random(20240613)
    # spread over every magnitude up to 10^12, not only the large numbers a uniform draw favours
    numbers = [rng.randrange(10 ** rng.randint(1, 12) + 1) for _ in range(10_000)]
    wrong = [(n, num2words(n, lang="vi")) for n in numbers
             if words_to_number(num2words(n, lang="vi").split()) != n]
    assert wrong == []


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10 ** 12))
def test_round_trip_property(n):
    assert words_to_number(num2words(n, lang="vi").split()) == n


@pytest.mark.parametrize("words,value", [
    ("một tỷ không trăm linh năm triệu", 1_005_000_000),
    ("ba trăm hai mươi lăm triệu, bốn trăm nghìn", 325_400_000),
    ("hai triệu rưỡi", 2_500_000),
    ("một nghìn rưỡi", 1_500),
    ("hai trăm rưỡi", 250),
    ("một triệu linh một", 1_000_001),
    ("hai mươi mốt", 21),
    ("bốn mươi tư", 44),
    ("mười lăm", 15),
    ("năm mươi nhăm", 55),
    ("một nghìn tỷ", 10 ** 12),
    ("không", 0),
])
def test_forms_writers_use(words, value):
    assert words_to_number(words.split()) == value


@pytest.mark.parametrize("words", [
    "mươi", "trăm", "linh năm", "lăm", "rưỡi", "ba, bốn", "hai triệu ba tỷ", "hai triệu ba triệu",
    "một trăm không", "hai trăm năm",  # 205 or 250: not read rather than guessed
    "một nghìn hai",  # 1 002 or 1 200
    "triệu", "năm năm",
])
def test_word_runs_that_are_not_one_number(words):
    assert words_to_number(words.split()) is None
