"""A single criterion written "số 16" after a clause mark, with its own status after it, is a
criterion (the bug: "...; số 16 cơ bản đạt; ..." was dropped, since only a list of two or more
bare numbers could open a clause, so the basically met criterion and the met rest were lost)."""
from __future__ import annotations

from extractor.core.model import CriteriaStatus
from tests.extract.helpers import criteria_of

HEADER = ["UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023",
          "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023"]


def _criteria(*lines: str) -> CriteriaStatus:
    return criteria_of(*HEADER, *lines)


def test_single_numbered_item_is_basically_met():
    c = _criteria("- Xã được đánh giá đạt 16/19 tiêu chí; số 16 cơ bản đạt; Thu nhập (TC số 10); "
                  "Môi trường (TC số 17) chưa đạt.")
    assert c.basically_met == [16]
    assert c.unmet == [10, 17]
    assert len(c.met) == 16


def test_a_lone_bare_number_still_opens_nothing():
    c = _criteria("- Xã đạt 17/19 tiêu chí; 16 hộ đạt chuẩn nông thôn mới.")
    assert 16 not in c.met + c.unmet + c.basically_met
