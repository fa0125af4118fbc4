"""Names after "trừ" are the exception to the status before them: "đạt tất cả các tiêu chí,
trừ Thu nhập, Y tế" (the bug: only numbers were read after "trừ", so a names-only exception
list gave nothing and the report read as every criterion met)."""
from __future__ import annotations

from extractor.core.model import CriteriaStatus
from tests.extract.helpers import criteria_of

HEADER = ["UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023",
          "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023"]


def _criteria(*lines: str) -> CriteriaStatus:
    return criteria_of(*HEADER, *lines)


def test_names_after_except_are_unmet():
    c = _criteria("- Đến nay, xã đã đạt tất cả các tiêu chí theo Bộ tiêu chí quốc gia, trừ nhà ở dân cư, "
                  "Thu nhập, Quốc phòng và An ninh.")
    assert c.unmet == [9, 10, 19]
    assert len(c.met) == 16


def test_names_after_except_in_brackets_after_a_ratio():
    c = _criteria("- Kết quả: xã đạt 16/19 tiêu chí (trừ Y tế; Văn hóa; Môi trường).")
    assert c.unmet == [15, 16, 17]
    assert c.met_count_claimed == 16
