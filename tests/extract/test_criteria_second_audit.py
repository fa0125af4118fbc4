"""Criteria forms the reader missed (audit of the second held-out bank, written without reading
the reader):

- "TC-6" (the abbreviation joined to its number by a hyphen) is a criterion reference like
  "TC6" or "TC.6": before, a list of such references was read as no list, so a count beside it
  lost its complement and a count that agreed with the report was flagged as a mismatch.

Every statement is written for these tests (none is copied from a report). The report is of
2023, its commune "Thử Nghiệm"; the set has 19 criteria.
"""
from __future__ import annotations

import pytest

from tests.extract.test_criteria_unseen_forms import answer, but, read

# ---------------------------------------------------------------- "TC-6"


@pytest.mark.parametrize("line", [
    "Xã đạt 16/19 tiêu chí; các tiêu chí chưa đạt: TC-5, TC-10, TC-17.",
    "Đến nay xã đạt 16 tiêu chí, riêng TC-5, TC-10 và TC-17 chưa đạt.",
    "Tiêu chí chưa đạt: TC–5; TC–10; TC–17. Các tiêu chí khác đều đã đạt.",
    "Do thiếu nguồn vốn nên TC-5, TC-10, TC-17 chưa đạt; các tiêu chí còn lại xã đều đạt.",
])
def test_tc_joined_to_its_number_by_a_hyphen_is_a_reference(line: str) -> None:
    assert answer([line]) == (but(5, 10, 17), [5, 10, 17], [])


def test_a_hyphenated_reference_in_a_list_of_basic_and_unmet() -> None:
    got = read(["Xã đạt 14/19 tiêu chí. Tiêu chí cơ bản đạt: TC-3. Tiêu chí chưa đạt: TC-5, TC-10, "
                "TC-12, TC-17."])
    assert (got.met, got.unmet, got.basically_met) == (but(3, 5, 10, 12, 17), [5, 10, 12, 17], [3])
    assert got.met_count_claimed == 14


@pytest.mark.parametrize("line", [
    # a plan
    "Năm 2024 xã phấn đấu hoàn thành TC-5, TC-10 và TC-17.",
    # another year than the report's
    "Năm 2020, TC-5, TC-10 và TC-17 chưa đạt.",
    # a hyphen with spaces is no joined reference: "TC - 5" reads nothing new
    "Kinh phí TC - 5 tỷ đồng đã đạt.",
])
def test_a_hyphenated_reference_of_a_plan_or_another_year_states_nothing(line: str) -> None:
    assert answer([line]) == ([], [], [])


def test_a_hyphenated_reference_keeps_a_negation() -> None:
    assert answer(["TC-10 không đạt; TC-17 đã đạt."]) == ([17], [10], [])
