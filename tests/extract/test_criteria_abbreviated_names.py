"""Criterion names as reports abbreviate them ("TL", "TTTT", "NƠDC", "LĐ", "GD-ĐT", "QP-AN"):
every spelling of an abbreviation's parts, joined by a dash, a space or nothing, is one name.
Statements written for these tests."""
from __future__ import annotations

import pytest

from tests.extract.test_criteria_unseen_forms import NOTHING, answer

ALL = list(range(1, 20))


@pytest.mark.parametrize("names, numbers", [
    ("QH, GT, TL, Điện, TTTT, NƠDC, LĐ, GD-ĐT, QP-AN", [1, 2, 3, 4, 8, 9, 12, 14, 19]),
    ("TT&TT, YT, HTCT, MT-ATTP", [8, 15, 17, 18]),
    ("GD&ĐT, QPAN, CSVC-VH, TL-PCTT", [3, 6, 14, 19]),
    ("TT-TT; NƠ-DC; QP AN", [8, 9, 19]),
])
def test_abbreviated_names_in_a_list_of_unmet_criteria(names: str, numbers: list[int]) -> None:
    met, unmet, _ = answer([f"Xã đạt {19 - len(numbers)}/19 tiêu chí; các tiêu chí chưa đạt gồm: {names}."])
    assert (met, unmet) == ([n for n in ALL if n not in numbers], numbers)


def test_the_same_abbreviation_spelt_three_ways_is_one_criterion() -> None:
    _, unmet, _ = answer(["Các tiêu chí chưa đạt: QP-AN, QP AN, QPAN."])
    assert unmet == [19]


@pytest.mark.parametrize("line", [
    "Phòng TN&MT huyện đã kiểm tra hiện trạng bãi rác của xã.",
    "Đoàn của LĐLĐ huyện đến thăm và tặng quà công nhân.",
])
def test_other_offices_abbreviations_state_nothing(line: str) -> None:
    assert answer([line]) == NOTHING
