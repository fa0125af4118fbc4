"""A names list after "tiêu chí chưa được công nhận:" is the unmet list (the bug: the names
intro wanted a status word "đạt" or "hoàn thành", so "chưa được công nhận" opened nothing and
the unmet criteria were lost)."""
from __future__ import annotations

from extractor.core.model import CriteriaStatus
from tests.extract.helpers import criteria_of

HEADER = ["UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023",
          "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023"]


def _criteria(*lines: str) -> CriteriaStatus:
    return criteria_of(*HEADER, *lines)


def test_names_after_not_recognised_are_unmet():
    c = _criteria("- Các tiêu chí chưa được công nhận: TT&TT, Nghèo đa chiều, Lao động, Tổ chức sản xuất.")
    assert c.unmet == [8, 11, 12, 13]
