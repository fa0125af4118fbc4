"""Contradictions a careful district clerk catches in a commune report, each with look-alikes
that are none (another year, another place, a plan, an approximate amount, a sum over years,
a breakdown handled by sum_mismatch). Every statement is written for these tests, run end to
end through the pipeline, and the complete list of flags is checked."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, Document, Record
from extractor.pipeline import document_to_record

YEARLY = "Kết quả thực hiện Chương trình MTQG xây dựng nông thôn mới năm 2024"


def record_of(*lines: str) -> Record:
    texts = ("UBND XÃ HÒA LẠC", "BÁO CÁO", YEARLY, *lines)
    return document_to_record(Document("mem.txt", "txt", "0",
                                       [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)]))


def rules_of(*lines: str) -> list[str]:
    return [f.rule for f in record_of(*lines).flags]


# ---------------------------------------------------------------------------- part_exceeds_whole


@pytest.mark.parametrize("line", [
    "Toàn xã có 45,6 km đường trục xã, đã cứng hóa 47,2 km.",
    "Tổng chiều dài kênh mương do xã quản lý 18 km, đã kiên cố hóa 21 km.",
    "Tổng vốn được giao năm 2024 là 3.500 triệu đồng, đã giải ngân 3.800 triệu đồng.",
    "Vốn được giao 3.500 triệu đồng; giải ngân 3.800 triệu đồng.",
    "Toàn xã có 1.250 hộ, số hộ sử dụng điện thường xuyên, an toàn là 1.300 hộ.",
    "Toàn xã có 9.120 nhân khẩu, số người tham gia bảo hiểm y tế là 9.300 người.",
    "Tổng diện tích cần tưới 1.250 ha, diện tích được tưới chủ động 1.300 ha.",
])
def test_a_part_larger_than_its_whole_across_a_clause(line: str) -> None:
    rec = record_of(line)
    assert [f.rule for f in rec.flags] == ["part_exceeds_whole"]
    flag = rec.flags[0]
    assert flag.severity == "warning" and len(flag.evidence) == 2
    assert "lớn hơn tổng" in flag.message and "larger than the whole" in (flag.message_en or "")


@pytest.mark.parametrize("line", [
    "Toàn xã có 45,6 km đường trục xã, đã cứng hóa 42,2 km.",
    "Toàn huyện có 245 km đường trục xã, xã đã cứng hóa 47,2 km.",
    "Toàn xã có 45,6 km đường trục xã, phấn đấu năm 2025 cứng hóa 47,2 km.",
    "Toàn xã có 45,6 km đường trục xã; lũy kế đến nay toàn huyện đã cứng hóa 147,2 km.",
    "Toàn xã có khoảng 45 km đường trục xã, đã cứng hóa 45,6 km.",
    "Vốn được giao 3.500 triệu đồng, đã giải ngân 3.800 triệu đồng (bao gồm vốn năm 2022 chuyển sang).",
    "Vốn được giao năm 2023 là 3.500 triệu đồng, lũy kế đã giải ngân 9.800 triệu đồng.",
    "Năm 2022 toàn xã có 1.250 hộ; năm 2023 số hộ sử dụng điện là 1.300 hộ.",
    "Toàn xã có 2.350 hộ, 9.120 nhân khẩu.",
    "Tổng vốn giao 2 tỷ đồng, đã giải ngân 1,8 tỷ đồng; tổng vốn huy động 5 tỷ đồng, đã thanh toán 4,2 tỷ đồng.",
    "Toàn xã có 45,6 km đường trục xã, đã cứng hóa 42,2 km, làm mới thêm 3 km.",
    "Tổng diện tích đất nông nghiệp 1.250 ha, diện tích trồng lúa 1.300 ha.",
])
def test_no_part_of_that_whole_or_no_larger(line: str) -> None:
    assert rules_of(line) == []


def test_a_part_after_trong_do_is_left_to_the_sum_rule() -> None:
    assert rules_of("Toàn xã có 1.250 hộ, trong đó số hộ sử dụng điện là 1.300 hộ.") == ["sum_mismatch"]


# ---------------------------------------------------------------------------- change_mismatch


@pytest.mark.parametrize("line, message", [
    ("Số hộ nghèo đầu năm 65 hộ, cuối năm còn 42 hộ, giảm 25 hộ.", "chênh lệch 23 hộ, không phải 25 hộ"),
    ("Đầu năm có 65 hộ nghèo, đến cuối năm còn 42 hộ, giảm 25 hộ so với đầu năm.", "chênh lệch 23 hộ"),
    ("Tỷ lệ hộ nghèo giảm từ 5,2% xuống 3,1%, giảm 2,5%.", "chênh lệch 2,1%, không phải 2,5%"),
    ("Tỷ lệ hộ nghèo đầu năm 4,5%, cuối năm còn 3,1%, giảm 1,2%.", "chênh lệch 1,4%"),
    ("Số hộ cận nghèo tăng từ 30 hộ lên 36 hộ, tăng 8 hộ.", "chênh lệch 6 hộ"),
])
def test_a_change_that_is_not_the_difference_of_its_ends(line: str, message: str) -> None:
    rec = record_of(line)
    assert [f.rule for f in rec.flags] == ["change_mismatch"]
    assert message in rec.flags[0].message and len(rec.flags[0].evidence) == 3


@pytest.mark.parametrize("line", [
    "Số hộ nghèo đầu năm 65 hộ, cuối năm còn 42 hộ, giảm 23 hộ.",
    "Tỷ lệ hộ nghèo giảm từ 5,2% xuống 3,1%, giảm 2,1%.",
    # a relative change of a rate (40,4% of 5,2%)
    "Tỷ lệ hộ nghèo giảm từ 5,2% xuống 3,1%, giảm 40,4%.",
    "Số hộ nghèo đầu năm 65 hộ, cuối năm còn 42 hộ, giảm 25 hộ so với năm 2021.",
    "Số hộ nghèo đầu năm 65 hộ, cuối năm còn 42 hộ, giảm khoảng 25 hộ.",
    "Số hộ nghèo đầu năm 65 hộ, cuối năm còn 42 hộ; hộ cận nghèo giảm 25 hộ.",
    "Đầu năm có 65 hộ nghèo, phát sinh mới 2 hộ, cuối năm còn 42 hộ.",
])
def test_a_change_that_fits_or_is_of_something_else(line: str) -> None:
    assert rules_of(line) == []


# ---------------------------------------------------------------------------- ratio across ';'


def test_a_share_of_the_plan_stated_in_the_clause_before_a_semicolon() -> None:
    wrong = record_of("Kế hoạch vốn giao năm 2023 là 4,2 tỷ đồng; đến 31/12/2023 đã giải ngân 3,9 tỷ đồng, "
                      "đạt 112% kế hoạch.")
    assert [f.rule for f in wrong.flags] == ["ratio_mismatch"] and len(wrong.flags[0].evidence) == 3
    assert rules_of("Kế hoạch vốn giao năm 2023 là 4,2 tỷ đồng; đến 31/12/2023 đã giải ngân 3,9 tỷ đồng, "
                    "đạt 92,86% kế hoạch.") == []


@pytest.mark.parametrize("line", [
    # the amount before the ';' is no plan
    "Vốn đối ứng là 4,2 tỷ đồng; đã giải ngân 3,9 tỷ đồng, đạt 112% kế hoạch.",
    # a sum over years is not that year's plan
    "Năm 2023 giải ngân 4,2 tỷ đồng; lũy kế giải ngân 3,9 tỷ đồng, đạt 112% kế hoạch giai đoạn.",
])
def test_a_share_of_the_plan_with_no_plan_before_the_semicolon(line: str) -> None:
    assert rules_of(line) == []


# ---------------------------------------------------------------------------- share_over_100


@pytest.mark.parametrize("line", [
    "Tỷ lệ hộ sử dụng điện an toàn đạt 102%.",
    "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 105,3%.",
    "Có 1.300/1.250 hộ sử dụng điện an toàn.",
    "Xã đạt 20/19 tiêu chí.",
])
def test_a_share_of_households_or_people_over_100(line: str) -> None:
    rec = record_of(line)
    assert [f.rule for f in rec.flags] == ["share_over_100"] and rec.flags[0].severity == "warning"


@pytest.mark.parametrize("line", [
    "Giải ngân đạt 105% kế hoạch.",
    "Tỷ lệ hộ nghèo đạt 105% kế hoạch.",
    "Tỷ lệ người dân tham gia BHYT đạt 102% chỉ tiêu huyện giao.",
    "Tỷ lệ hộ sử dụng điện an toàn đạt 100%.",
])
def test_a_share_of_a_plan_may_pass_100(line: str) -> None:
    assert rules_of(line) == []


# ---------------------------------------------------------------------------- village_count_mismatch


@pytest.mark.parametrize("lines", [
    ("Xã có 7 thôn. Có 8/8 thôn có nhà văn hóa.",),
    ("Xã có 7 thôn.", "Có 8/8 thôn đạt chuẩn thôn văn hóa."),
])
def test_a_count_of_all_villages_over_the_communes_number(lines: tuple[str, ...]) -> None:
    rec = record_of(*lines)
    assert [f.rule for f in rec.flags] == ["village_count_mismatch"]
    assert "7 thôn" in rec.flags[0].message and "8/8 thôn" in rec.flags[0].message


@pytest.mark.parametrize("line", [
    "Xã bạn có 9 thôn. Xã có 8/8 thôn có nhà văn hóa.",
    "Xã có 7 thôn và 1 tổ dân phố. Có 8/8 thôn, tổ dân phố có nhà văn hóa.",
    "Năm 2019 xã có 9 thôn; sau sáp nhập xã có 7 thôn. Có 7/7 thôn có nhà văn hóa.",
    "Xã có 7 thôn. Năm 2018 có 5/9 thôn có nhà văn hóa.",
    "Xã có 7 thôn. Toàn huyện có 45/52 thôn có nhà văn hóa.",
    "Xã có 7 thôn. Có 7/7 thôn có nhà văn hóa.",
    "Xã có 7 thôn với 1.250 hộ.",
])
def test_villages_of_another_place_time_or_kind(line: str) -> None:
    assert rules_of(line) == []


# ---------------------------------------------------------------------------- one indicator twice


def test_the_same_rate_stated_twice_with_different_values_is_a_hint() -> None:
    rec = record_of("Tiêu chí số 11 Nghèo đa chiều: tỷ lệ hộ nghèo cuối năm 2024 là 3,2%.",
                    "Kết luận: tỷ lệ hộ nghèo toàn xã còn 2,8%.")
    assert [(f.rule, f.severity) for f in rec.flags] == [("conflicting_values", "info")]


@pytest.mark.parametrize("lines", [
    ("Năm 2023 tỷ lệ hộ nghèo là 3,2%.", "Năm 2024 tỷ lệ hộ nghèo là 2,8%."),
    ("Tỷ lệ hộ nghèo là 3,2%.", "Phấn đấu năm 2025 tỷ lệ hộ nghèo còn 2,0%."),
])
def test_a_rate_of_another_year_or_a_target_is_no_second_value(lines: tuple[str, ...]) -> None:
    assert rules_of(*lines) == []


def test_a_change_of_a_rate_is_no_second_value_of_it() -> None:
    """Regression: "giảm 2,1%" after the rate's two ends was read as a third value of the
    poverty rate (conflicting_values) although it is the change between them."""
    assert rules_of("Tỷ lệ hộ nghèo giảm từ 5,2% xuống 3,1%, giảm 2,1%.") == []


def test_the_count_of_poor_households_that_remains_stated_twice_differently() -> None:
    rec = record_of("Số hộ nghèo cuối năm còn 42 hộ.", "Đến cuối năm 2024 toàn xã còn 47 hộ nghèo.")
    assert [(f.rule, f.severity) for f in rec.flags] == [("conflicting_values", "info")]
    assert len(rec.flags[0].evidence) == 2


@pytest.mark.parametrize("lines", [
    # the same count, and poor households helped or newly poor: no count of what remains
    ("Số hộ nghèo cuối năm còn 42 hộ.", "Đến cuối năm 2024 toàn xã còn 42 hộ nghèo.",
     "Hỗ trợ 15 hộ nghèo làm nhà ở.", "Cấp thẻ BHYT cho 120 hộ nghèo."),
    ("Số hộ nghèo cuối năm còn 42 hộ.", "Thôn Nà Pài còn 5 hộ nghèo."),
    ("Số hộ nghèo cuối năm còn 42 hộ.", "Năm 2023 toàn xã còn 55 hộ nghèo."),
    ("Số hộ nghèo cuối năm còn 42 hộ.", "Phấn đấu năm 2025 còn 30 hộ nghèo."),
    ("Số hộ nghèo cuối năm còn 42 hộ, hộ cận nghèo còn 30 hộ.",),
    ("Số hộ nghèo đầu năm còn 65 hộ, cuối năm còn 42 hộ.",),
])
def test_poor_households_of_another_village_year_group_or_plan(lines: tuple[str, ...]) -> None:
    assert rules_of(*lines) == []


def test_a_whole_and_a_part_of_different_years() -> None:
    assert rules_of("Kế hoạch vốn năm 2024 được giao 3.500 triệu đồng, giải ngân vốn năm 2023 là "
                    "3.800 triệu đồng.") == []


@pytest.mark.parametrize("line", [
    "Toàn xã có 2.350 hộ; đã giải ngân 3 tỷ đồng.",
    "Thu nhập bình quân tăng từ 45 triệu đồng/người/năm lên 52 triệu đồng/người/năm, tăng 9 triệu đồng.",
])
def test_amounts_of_other_kinds_are_not_related(line: str) -> None:
    assert rules_of(line) == []


@pytest.mark.parametrize("line", [
    "Số hộ nghèo giảm 25 hộ, từ 65 hộ xuống còn 42 hộ.",
    "Số hộ nghèo giảm 25 hộ (từ 65 hộ xuống 42 hộ).",
    "Tỷ lệ hộ nghèo giảm 1,2% (từ 4,5% xuống 3,1%).",
])
def test_a_change_stated_before_its_two_ends(line: str) -> None:
    assert rules_of(line) == ["change_mismatch"]


@pytest.mark.parametrize("line", [
    "Số hộ nghèo giảm 23 hộ, từ 65 hộ xuống còn 42 hộ.",
    # regression: the two ends in brackets after the change were read as its parts (sum_mismatch)
    "Số hộ nghèo giảm 23 hộ (từ 65 hộ xuống 42 hộ).",
    "Số hộ nghèo giảm 25 hộ, từ 65 hộ năm 2021 xuống còn 42 hộ năm 2024.",
    "Giá trị sản xuất tăng 8%, từ 120 tỷ đồng lên 130 tỷ đồng.",
])
def test_a_change_before_ends_that_fit_or_of_another_kind(line: str) -> None:
    assert rules_of(line) == []


@pytest.mark.parametrize("line", [
    "Tỷ lệ hộ dùng nước sạch đạt 96%, tăng 4% so với năm 2022 (năm 2022 đạt 89%).",
    "Số hộ nghèo còn 38 hộ, giảm 9 hộ so với cuối năm 2022 (cuối năm 2022 có 49 hộ).",
])
def test_a_change_counted_from_a_start_named_after_it_in_brackets(line: str) -> None:
    assert rules_of(line) == ["change_mismatch"]


@pytest.mark.parametrize("line", [
    "Tỷ lệ hộ dùng nước sạch đạt 96%, tăng 7% so với năm 2022 (năm 2022 đạt 89%).",
    "Số hộ nghèo còn 38 hộ, giảm 11 hộ so với cuối năm 2022 (cuối năm 2022 có 49 hộ).",
    # the bracket names another measure, not the start
    "Tỷ lệ hộ dùng nước sạch đạt 96%, tăng 4% so với năm 2022; năm 2024 phấn đấu đạt 98%.",
])
def test_a_change_from_a_start_in_brackets_that_fits_or_is_no_start(line: str) -> None:
    assert rules_of(line) == []


@pytest.mark.parametrize("line", [
    "Tỷ lệ trẻ em trong độ tuổi đi học mẫu giáo đến trường đạt 101,2%.",
    "Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa 102%.",
])
def test_a_share_named_by_its_words_over_100(line: str) -> None:
    rec = record_of(line)
    assert [f.rule for f in rec.flags] == ["share_over_100"]
    assert "Tỷ lệ" in rec.flags[0].message and "vượt quá 100%" in rec.flags[0].message


@pytest.mark.parametrize("line", [
    "Thu ngân sách đạt 135% dự toán.",
    "Tỷ lệ hộ tham gia sản xuất hàng hóa tăng 120% so với năm 2020.",
    "Tỷ lệ hộ có thu nhập khá tăng 105%.",
])
def test_a_growth_or_a_share_of_a_budget_may_pass_100(line: str) -> None:
    assert rules_of(line) == []


@pytest.mark.parametrize("lines", [
    ("Toàn xã có 1.250 hộ, 5.100 nhân khẩu.", "Số hộ sử dụng điện thường xuyên, an toàn là 1.300 hộ."),
    ("Toàn xã có 1.250 hộ, 5.100 nhân khẩu.", "Có 1.300/1.300 hộ sử dụng điện thường xuyên, an toàn."),
])
def test_households_with_power_more_than_the_communes_households(lines: tuple[str, ...]) -> None:
    rec = record_of(*lines)
    assert [f.rule for f in rec.flags] == ["part_exceeds_whole"]
    assert "1.250 hộ" in rec.flags[0].message


@pytest.mark.parametrize("lines", [
    ("Toàn xã có 1.250 hộ, 5.100 nhân khẩu.", "Số hộ sử dụng điện thường xuyên, an toàn là 1.240 hộ."),
    ("Toàn xã có 1.250 hộ dân tộc thiểu số.", "Số hộ sử dụng điện thường xuyên, an toàn là 2.300 hộ."),
    ("Năm 2020 toàn xã có 1.250 hộ.", "Số hộ sử dụng điện thường xuyên, an toàn là 1.300 hộ."),
    ("Toàn xã có 1.250 hộ.", "Toàn huyện có 21.300 hộ sử dụng điện thường xuyên, an toàn."),
    ("Toàn xã có 1.250 hộ.", "Thôn Nà Pài có 1.300 hộ sử dụng điện thường xuyên, an toàn."),
    ("Toàn xã có 1.250 hộ.", "Phấn đấu năm 2025 có 1.300 hộ sử dụng điện thường xuyên, an toàn."),
    ("Toàn xã có 1.250 hộ.", "Toàn xã có 1.310 hộ.", "Số hộ sử dụng điện thường xuyên, an toàn là 1.300 hộ."),
])
def test_households_of_a_group_another_year_place_or_plan(lines: tuple[str, ...]) -> None:
    assert rules_of(*lines) == []
