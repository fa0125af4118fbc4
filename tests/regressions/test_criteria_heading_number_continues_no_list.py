"""A numbered heading under a list ("2. Các tiêu chí chưa đạt") is no continuation of that list
(the bug: its own number 2 was read as the next item of the met list above it, and the unmet
bullets under it were lost)."""
from __future__ import annotations

from extractor.core.model import CriteriaStatus
from tests.extract.helpers import criteria_of

HEADER = ["UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023",
          "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023"]


def _criteria(*lines: str) -> CriteriaStatus:
    return criteria_of(*HEADER, *lines)


def test_unmet_bullets_under_a_numbered_heading():
    c = _criteria("1. Các tiêu chí đã đạt", "- Quy hoạch;", "- Giao thông;", "- Thủy lợi và phòng, chống thiên tai.",
                  "2. Các tiêu chí chưa đạt", "- Thu nhập;", "- Môi trường.")
    assert c.met == [1, 2, 3]
    assert c.unmet == [10, 17]
