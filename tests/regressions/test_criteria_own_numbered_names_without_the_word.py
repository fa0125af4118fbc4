"""Names each beside their own number, opening a clause before a status, are criteria even in a
sentence that does not say "tiêu chí" ("Riêng Thu nhập (10); Y tế (15) đến nay vẫn chưa đạt";
the bug: without the word the list was never read, and "các tiêu chí còn lại" made every
criterion met)."""
from __future__ import annotations

from extractor.core.model import CriteriaStatus
from tests.extract.helpers import criteria_of

HEADER = ["UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023",
          "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023"]


def _criteria(*lines: str) -> CriteriaStatus:
    return criteria_of(*HEADER, *lines)


def test_own_numbered_names_are_unmet():
    c = _criteria("- Các tiêu chí còn lại đã được công nhận đạt chuẩn.",
                  "- Riêng chợ nông thôn (7); Thu nhập (10); y tế (15) đến nay vẫn chưa đạt.")
    assert c.unmet == [7, 10, 15]
    assert len(c.met) == 16


def test_names_without_their_numbers_stay_unread_without_the_word():
    # "Y tế, giáo dục đều đạt kết quả tốt" is about the sectors, not a criteria statement
    c = _criteria("- Y tế, giáo dục đều đạt kết quả tốt.")
    assert c.met == [] and c.unmet == []
