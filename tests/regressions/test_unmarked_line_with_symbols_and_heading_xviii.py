"""Two misses of the criteria reader's surface, found by the perturbation ratchet:
- a report typed without tone marks whose only statement line holds a symbol ("→ Dat", an en
  dash) was not told unmarked, since the line is not ASCII; nor was one whose verdicts say
  "dap ung" (đáp ứng). A line with no marked letter now counts as unmarked text.
- a Roman heading of five letters ("XVIII.") was no heading, so the verdict of criterion 18's
  section was given to the section before it."""
from __future__ import annotations

from tests.extract.helpers import criteria_of


def met_and_unmet(*lines: str) -> tuple[list[int], list[int]]:
    got = criteria_of(*lines)
    return got.met, got.unmet


def test_an_unmarked_verdict_after_an_arrow_is_read() -> None:
    assert met_and_unmet("BAO CAO nam 2023", "- Tieu chi so 15 (Y te): Ty le BHYT 92% → Dat.") == ([15], [])


def test_an_unmarked_dap_ung_verdict_is_read() -> None:
    assert met_and_unmet("BAO CAO nam 2023", "Tieu chi so 4 ve Dien: dap ung yeu cau.") == ([4], [])


def test_a_marked_report_with_an_arrow_is_read_as_before() -> None:
    assert met_and_unmet("BÁO CÁO năm 2023", "- Tiêu chí số 15 (Y tế): Tỷ lệ BHYT 92% → Đạt.") == ([15], [])


def test_the_verdict_under_heading_xviii_is_criterion_18s() -> None:
    lines = ["BÁO CÁO năm 2023", "XVII. Tiêu chí số 17 về Môi trường và an toàn thực phẩm",
             "Tự đánh giá: Chưa đạt.", "XVIII. Tiêu chí số 18 về Hệ thống chính trị và tiếp cận pháp luật",
             "Các tổ chức chính trị - xã hội của xã được xếp loại tốt.", "Tự đánh giá: Đạt."]
    assert met_and_unmet(*lines) == ([18], [17])
