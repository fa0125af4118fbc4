"""A year right before "xã" ("Năm 2023 xã đạt 17/19 tiêu chí") is not a number of communes (the
bug: "2023 xã" matched the other-subject pattern "N xã", so the commune's own count was
skipped as another commune's)."""
from __future__ import annotations

from extractor.core.model import CriteriaStatus
from tests.extract.helpers import criteria_of

HEADER = ["UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023",
          "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023"]


def _criteria(*lines: str) -> CriteriaStatus:
    return criteria_of(*HEADER, *lines)


def test_the_report_year_count_is_claimed():
    c = _criteria("- Năm 2023 xã đạt 17/19 tiêu chí, còn tiêu chí 10 và tiêu chí 17 chưa đạt.")
    assert c.met_count_claimed == 17
    assert len(c.met) == 17


def test_a_number_of_communes_is_still_another_subject():
    c = _criteria("- Toàn huyện có 5 xã đạt 19/19 tiêu chí.", "- Xã đạt 17/19 tiêu chí.")
    assert c.met_count_claimed == 17
