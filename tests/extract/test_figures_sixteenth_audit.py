"""The sixteenth held-out audit's figures and flags (lines written for these tests). A criterion
may be named by its code ("tiêu chí số hiệu 7") or by its place in the list ("tiêu chí có số thứ
tự 7"), as by "tiêu chí số 7": the number names the criterion and counts nothing, so a list of
them neither yields figures "7, tiêu chí" nor a malformed number."""
from __future__ import annotations

import pytest

from tests.checks.test_clerk_contradictions import rules_of
from tests.extract.test_figures_twelfth_audit import figures


@pytest.mark.parametrize("line", [
    "Xã đã đạt thêm tiêu chí số hiệu 7, tiêu chí số hiệu 13 và tiêu chí số hiệu 17.",
    # the same criteria named by their place in the list
    "Xã đã đạt thêm tiêu chí có số thứ tự 7, tiêu chí có số thứ tự 13 và tiêu chí có số thứ tự 17.",
    "Xã đã đạt thêm tiêu chí số 7, tiêu chí số 13 và tiêu chí số 17.",
    "Tiêu chí số hiệu 11 hộ nghèo còn chưa đạt.",
])
def test_criteria_named_by_code_or_place_are_no_figures(line: str) -> None:
    assert figures(line) == []
    assert "malformed_number" not in rules_of(line)


def test_a_count_of_criteria_beside_them_is_still_a_figure() -> None:
    assert figures("Xã đã đạt thêm 3 tiêu chí: tiêu chí số hiệu 7, tiêu chí số hiệu 13, tiêu chí số hiệu 17.") == [
        (3.0, "criterion")]
