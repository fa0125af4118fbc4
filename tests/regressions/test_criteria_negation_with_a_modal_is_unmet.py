"""A negation with a modal between it and its verb ("chưa thể đạt", "không kịp hoàn thành",
"chưa đảm bảo đạt") states the criterion unmet (the bug: "tiêu chí 10, 17 chưa thể đạt" read
the bare "đạt" after the modal and listed 10 and 17 as met)."""
from __future__ import annotations

from tests.extract.helpers import criteria_of

HEADER = ("UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023",
          "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023")


def test_a_modal_negation_is_unmet():
    for line in ("- Tiêu chí 10, 17 chưa thể đạt.", "- Tiêu chí 10, 17 không kịp hoàn thành.",
                 "- Tiêu chí 10, 17 chưa đảm bảo đạt chuẩn."):
        c = criteria_of(*HEADER, line)
        assert (c.met, c.unmet) == ([], [10, 17]), line


def test_the_plain_status_is_still_met():
    c = criteria_of(*HEADER, "- Tiêu chí 10, 17 đã đạt.")
    assert (c.met, c.unmet) == ([10, 17], [])
