"""Vietnamese order: letters first (a ă â … d đ …), tones only break ties; the examples of
patterns/collation.yaml are in order, its counter-examples (code-point order) are not."""
from __future__ import annotations

import random

import pytest

from extractor.core.data import load_pattern
from extractor.outputs.collation import sort_key

DATA = load_pattern("collation")


@pytest.mark.parametrize("ordered", DATA["examples"], ids=lambda x: x[0])
def test_examples_sort_in_vietnamese_order(ordered: list[str]) -> None:
    shuffled = list(ordered)
    random.Random(0).shuffle(shuffled)
    assert sorted(shuffled, key=sort_key) == ordered


@pytest.mark.parametrize("code_point_order", DATA["counter_examples"], ids=lambda x: x[0])
def test_code_point_order_is_not_vietnamese_order(code_point_order: list[str]) -> None:
    assert sorted(code_point_order) == code_point_order
    assert sorted(code_point_order, key=sort_key) != code_point_order


def test_case_does_not_change_the_order_and_missing_sorts_first() -> None:
    assert sorted(["đông", "Dương", None], key=sort_key) == [None, "Dương", "đông"]
