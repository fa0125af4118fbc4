"""In a report of 19/19 criteria, "Trong năm, còn 2 tiêu chí: Y tế, Văn hóa được huyện kiểm tra
lại." made Y tế and Văn hóa unmet and the rest met, and raised a false count mismatch (found by
the reviewer): names after "còn N tiêu chí:" are what is left only when nothing else is said of
them."""
from __future__ import annotations

from extractor.core.model import CriteriaStatus
from tests.extract.test_criteria_unseen_forms import read


def _criteria(*lines: str) -> CriteriaStatus:
    return read(lines)  # a report of 2023 of the commune Thử Nghiệm


def test_names_checked_again_are_not_left_unmet() -> None:
    got = _criteria("Đến nay xã đạt 19/19 tiêu chí.",
                    "Trong năm, còn 2 tiêu chí: Y tế, Văn hóa được huyện kiểm tra lại.")
    assert got.unmet == [] and got.met_count_claimed == 19


def test_names_left_after_a_colon_are_still_unmet() -> None:
    got = _criteria("Đến nay xã đạt 17/19 tiêu chí; còn 2 tiêu chí: Y tế, Văn hóa.")
    assert got.unmet == [15, 16]
