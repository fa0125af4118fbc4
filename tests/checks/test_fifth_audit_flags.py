"""A missed flag of the fifth held-out audit, through the whole pipeline (statements written for
these tests, none copied from a report):

- a count of the present after a baseline of an earlier year in the same sentence ("Từ chỗ chỉ
  có 4 tiêu chí năm 2020, đến nay xã đã đạt 16 tiêu chí, gồm: <15 names>"): the count is the
  report's own, and a list one short of it is flagged. Before, the count took the baseline's
  year from the clause before "đến nay" and was set aside as another year's.
"""
from __future__ import annotations

import pytest

from tests.checks.test_third_audit_flags import rules_of

# 15 criteria named (all but 4, 7, 10 and 15)
NAMES = ("Quy hoạch; Giao thông; Thủy lợi; Trường học; Cơ sở vật chất văn hóa; Thông tin và Truyền thông; "
         "Nhà ở dân cư; Nghèo đa chiều; Lao động; Tổ chức sản xuất; Giáo dục và Đào tạo; Văn hóa; "
         "Môi trường và an toàn thực phẩm; Hệ thống chính trị; Quốc phòng và An ninh")


@pytest.mark.parametrize("lead", [
    "Từ chỗ chỉ có 4 tiêu chí đạt chuẩn năm 2020, đến nay xã đã đạt 16 tiêu chí",
    "Năm 2021 xã đạt 9 tiêu chí, hiện nay xã đã đạt 16 tiêu chí",
])
def test_a_count_of_the_present_after_an_earlier_year_is_checked_against_its_list(lead: str) -> None:
    # 16 claimed, 15 named; with 4 unmet the counts do not settle the missing one
    assert "criteria_count_mismatch" in rules_of(f"- {lead}, cụ thể: {NAMES}.",
                                                 "- Còn 4 tiêu chí chưa đạt: Điện; Chợ; Thu nhập; Y tế.")


@pytest.mark.parametrize("lead", [
    # the list agrees with the count of the present
    "Từ chỗ chỉ có 4 tiêu chí đạt chuẩn năm 2020, đến nay xã đã đạt 15 tiêu chí",
    # the count is of an earlier year, no "đến nay": not the report's claim
    "Từ chỗ chỉ có 4 tiêu chí đạt chuẩn năm 2019, năm 2021 xã đạt 16 tiêu chí",
])
def test_an_agreeing_count_or_one_of_an_earlier_year_is_not_flagged(lead: str) -> None:
    assert "criteria_count_mismatch" not in rules_of(f"- {lead}, cụ thể: {NAMES}.",
                                                     "- Còn 4 tiêu chí chưa đạt: Điện; Chợ; Thu nhập; Y tế.")
