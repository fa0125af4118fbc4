"""False alarms of the third held-out audit, through the whole pipeline (statements written for
these tests, none copied from a report):

- a count beside "the remaining criteria" with their list after their status ("các tiêu chí còn
  lại chưa đạt, gồm ...") or beside names after "Riêng": the count agrees with the lists, no
  criteria_count_mismatch (before, the lists were misread and the count was flagged);
- a numbered list item in running text ("...; 12. lao động có việc làm; ..."): its dot numbers
  the item, no malformed_number and no figure (before, "12. lao động" was 12 persons written
  with a dangling separator).
"""
from __future__ import annotations

import pytest

from extractor.pipeline import document_to_record
from tests.checks.test_pipeline import flags_of, make_doc

HEADER = ("UBND XÃ THỬ NGHIỆM", "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023")


def rules_of(*lines: str) -> list[str]:
    return sorted(f.rule for f in flags_of(*HEADER, *lines))


@pytest.mark.parametrize("line", [
    "Xã đạt 17/19 tiêu chí; các tiêu chí còn lại chưa đạt, gồm tiêu chí 10, 15.",
    "Xã hiện có 17/19 tiêu chí đạt chuẩn; những tiêu chí còn lại chưa đạt là Thu nhập; Y tế.",
])
def test_a_count_beside_the_remaining_criteria_and_their_list_agrees(line: str) -> None:
    # a criterion stated met on its own line: the lists are then both read, and checked
    assert "criteria_count_mismatch" not in rules_of("- Quy hoạch: Đạt.", line)


def test_a_count_beside_names_after_rieng_agrees() -> None:
    assert "criteria_count_mismatch" not in rules_of(
        "Tiêu chí số 1 - Quy hoạch: Đạt.", "Kết quả: xã đạt 17/19 tiêu chí. Ngoài ra xã còn 2 tiêu chí chưa đạt.",
        "Riêng Thu nhập; Y tế đến nay xã chưa hoàn thành.")


def test_a_count_that_disagrees_with_the_remaining_criteria_list_is_still_flagged() -> None:
    # 17 claimed, 16 listed met and the other 3 listed unmet
    met = ", ".join(str(n) for n in range(1, 17))
    assert "criteria_count_mismatch" in rules_of(
        f"Xã đạt 17/19 tiêu chí gồm tiêu chí {met}; các tiêu chí còn lại chưa đạt, gồm tiêu chí 17, 18, 19.")


@pytest.mark.parametrize("line", [
    "Tiêu chí chưa đạt: 07. chợ nông thôn; 12. lao động có việc làm; 15. y tế.",
    "Các tiêu chí chưa đạt gồm 10. thu nhập; 12. lao động có việc làm.",
])
def test_a_numbered_list_item_is_no_malformed_number(line: str) -> None:
    record = document_to_record(make_doc(*HEADER, line))
    assert "malformed_number" not in [f.rule for f in record.flags]
    assert not [f for f in record.figures if f.unit == "person"]


@pytest.mark.parametrize("line", [
    "Giải ngân 343. triệu đồng cho dự án.",
    "Kinh phí: 45. triệu đồng.",
    "Đào tạo nghề cho 120. lao động nông thôn.",
])
def test_a_dangling_separator_after_a_number_is_still_malformed(line: str) -> None:
    assert "malformed_number" in rules_of(line)


def test_a_count_closing_a_list_that_is_one_short_is_flagged() -> None:
    met = ", ".join(str(n) for n in range(1, 17))
    assert "criteria_count_mismatch" in rules_of(
        f"- Các tiêu chí xã đã đạt: tiêu chí {met} (tổng cộng 17 tiêu chí).",
        "- Các tiêu chí xã còn chưa đạt: tiêu chí số 17, 18, 19 (tổng cộng 3 tiêu chí).")


def test_a_count_closing_a_list_that_agrees_is_not_flagged() -> None:
    met = ", ".join(str(n) for n in range(1, 17))
    assert "criteria_count_mismatch" not in rules_of(
        f"- Các tiêu chí xã đã đạt: tiêu chí {met} (tổng cộng 16 tiêu chí).",
        "- Các tiêu chí xã còn chưa đạt: tiêu chí số 17, 18, 19 (tổng cộng 3 tiêu chí).")
