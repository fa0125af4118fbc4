"""Names each followed by their own number in brackets, right after a status ("chưa đạt Thông
tin và Truyền thông (8); Nhà ở dân cư (9); ..."), are one list of names (the bug: the first
bracketed number was read as a bare number after "tiêu chí ..., chưa đạt ... (", which took
its place and left the rest of the list unread)."""
from __future__ import annotations

from extractor.core.model import CriteriaStatus
from tests.extract.helpers import criteria_of

HEADER = ["UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023",
          "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023"]


def _criteria(*lines: str) -> CriteriaStatus:
    return criteria_of(*HEADER, *lines)


def test_every_named_criterion_is_unmet():
    c = _criteria("- Đến nay xã đạt 15/19 tiêu chí, chưa đạt Thông tin và Truyền thông (8); nhà ở dân cư (9); "
                  "Y tế (15); Văn hóa (16); xã tập trung chỉ đạo để đạt thêm tiêu chí Y tế trong thời gian tới.")
    assert c.unmet == [8, 9, 15, 16]


def test_a_bracketed_list_after_a_count_still_reads():
    assert _criteria("- Xã có 03 tiêu chí (6; 7; 9) chưa đạt.").unmet == [6, 7, 9]
