"""A verdict label that holds a status word itself ("- Mức độ đạt tiêu chí: Đạt", "Đánh giá mức
độ đạt: Cơ bản đạt") gives the status after it (the bug: the "đạt" inside the label was taken
as the first status, did not stand right after the label, and the verdict was dropped)."""
from __future__ import annotations

from tests.extract.helpers import criteria_of

HEADER = ("UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023",
          "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023")


def test_the_status_after_the_label_is_the_verdict():
    c = criteria_of(*HEADER, "Tiêu chí số 13 về Tổ chức sản xuất", "- Xã có 02 hợp tác xã.",
                    "- Mức độ đạt tiêu chí: Cơ bản đạt.",
                    "Tiêu chí số 10 về Thu nhập", "- Thu nhập 42 triệu đồng/người/năm.",
                    "- Đánh giá mức độ đạt: Chưa đạt.")
    assert (c.met, c.unmet, c.basically_met) == ([], [10], [13])


def test_a_label_without_a_status_after_it_gives_none():
    c = criteria_of(*HEADER, "Tiêu chí số 13 về Tổ chức sản xuất", "- Mức độ đạt tiêu chí: 85%.")
    assert (c.met, c.unmet, c.basically_met) == ([], [], [])
