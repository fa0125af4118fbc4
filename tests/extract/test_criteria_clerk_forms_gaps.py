"""Criteria statements of four kinds the reader missed (issue 12, fifth pass): running totals
raised by new criteria, criteria still worked on, summary lines without "tiêu chí", and
statements about another named commune. Each case has the complete answer (met, unmet,
basically met, claimed counts) or is a counter-example that must state nothing.

Every statement is written for these tests (none is copied from a report). The report is of
2023 (HEADER), its commune "Thử Nghiệm"; "REST" is the set without 10 (Thu nhập) and 17 (Môi
trường).
"""
from __future__ import annotations

import pytest

from extractor.core.model import CriteriaStatus
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.extract.criteria_sets import criteria_set_for_year, lookup_name
from extractor.structure.outline import document_to_outline
from tests.extract.helpers import criteria_of, lines_to_document

HEADER = ("UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023",
          "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023")
ALL = list(range(1, 20))
REST = [n for n in ALL if n not in (10, 17)]
NOTHING: tuple[list[int], list[int], list[int]] = ([], [], [])
SECTION = "II. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ NÔNG THÔN MỚI"


def but(*numbers: int) -> list[int]:
    return [n for n in ALL if n not in numbers]


def answer(lines: list[str]) -> tuple[list[int], list[int], list[int]]:
    c = criteria_of(*HEADER, *lines)
    return sorted(c.met), sorted(c.unmet), sorted(c.basically_met)


def kinds(c: CriteriaStatus) -> list[str]:
    return [x.kind for x in c.conflicts]


# --- 1. "đạt thêm N tiêu chí (...), nâng tổng số lên M": M is the count, the added ones met ---

@pytest.mark.parametrize("line, met, count", [
    ("Trong năm 2023, xã đạt thêm 02 tiêu chí (Thu nhập, Y tế), nâng tổng số tiêu chí đạt lên 15/19 tiêu chí.",
     [10, 15], 15),
    ("Năm nay đạt thêm 3 tiêu chí là tiêu chí số 2, số 5 và số 13, nâng tổng số lên 12 tiêu chí.", [2, 5, 13], 12),
    ("Xã đã đạt thêm tiêu chí Giao thông; nâng số tiêu chí đạt chuẩn lên 16 tiêu chí.", [2], 16),
    ("Năm 2023 xã bổ sung đạt thêm 1 tiêu chí (tiêu chí số 6 - Cơ sở vật chất văn hóa), nâng tổng số tiêu chí "
     "đã đạt lên 14/19.", [6], 14),
])
def test_added_criteria_are_met_and_the_raised_total_is_the_count_without_mismatch(line: str, met: list[int],
                                                                                   count: int) -> None:
    c = criteria_of(*HEADER, line)
    assert (sorted(c.met), c.unmet, c.met_count_claimed) == (met, [], count)
    assert "count_mismatch" not in kinds(c)


@pytest.mark.parametrize("line, count", [
    ("Đến nay lũy kế đạt 14 tiêu chí.", 14),
    ("Lũy kế đến hết năm 2023 xã đạt 18/19 tiêu chí.", 18),
])
def test_cumulative_total_is_the_count(line: str, count: int) -> None:
    c = criteria_of(*HEADER, line)
    assert (c.met_count_claimed, c.met, c.unmet) == (count, [], [])


def test_a_full_list_against_a_total_still_flags_a_mismatch() -> None:
    """A plain list (no "thêm") shorter than its count stays a visible mismatch."""
    c = criteria_of(*HEADER, "Xã đạt 15/19 tiêu chí, gồm các tiêu chí số 1, 2, 3.")
    assert "count_mismatch" in kinds(c)


@pytest.mark.parametrize("line", [
    "Phấn đấu trong năm 2024 nâng tổng số tiêu chí đạt lên 17/19 tiêu chí.",
    "Xã đã nâng tổng số hộ sử dụng nước sạch lên 120 hộ.",
    "Tỷ lệ che phủ rừng nâng tổng số lên 65%.",
])
def test_raised_totals_of_plans_or_of_other_things_are_no_count(line: str) -> None:
    c = criteria_of(*HEADER, line)
    assert (c.met, c.unmet, c.met_count_claimed) == ([], [], None)


# --- 2. "còn N tiêu chí đang phấn đấu / đang thực hiện ... là ...": unmet now ---

@pytest.mark.parametrize("lines, expected", [
    (["Xã đã đạt 17/19 tiêu chí; còn 2 tiêu chí đang phấn đấu là: Thu nhập, Môi trường và an toàn thực phẩm."],
     (REST, [10, 17], [])),
    (["Đến nay đạt 17 tiêu chí, còn 02 tiêu chí đang thực hiện là tiêu chí số 10 và tiêu chí số 17."],
     (REST, [10, 17], [])),
    (["Hiện xã còn 3 tiêu chí đang triển khai gồm: Giao thông; Thu nhập; Y tế."], ([], [2, 10, 15], [])),
    (["Còn 2 tiêu chí chưa hoàn thành là Thu nhập và Môi trường."], ([], [10, 17], [])),
    (["Còn 1 tiêu chí đang phấn đấu đạt: tiêu chí số 17 (Môi trường và an toàn thực phẩm)."], ([], [17], [])),
])
def test_criteria_still_worked_on_are_unmet(lines: list[str], expected: tuple[list[int], ...]) -> None:
    assert answer(lines) == expected


@pytest.mark.parametrize("lines", [
    ["Phấn đấu đạt thêm tiêu chí Thu nhập trong năm tới."],
    ["Xã đang phấn đấu đạt thêm tiêu chí số 10 trong năm 2024."],
    ["Các tiêu chí đang thực hiện tốt, được nhân dân đồng tình."],
    ["Năm 2024 phấn đấu hoàn thành 2 tiêu chí còn lại là Thu nhập và Môi trường."],
])
def test_plans_to_reach_criteria_mark_nothing(lines: list[str]) -> None:
    assert answer(lines) == NOTHING


def test_a_plan_after_a_count_marks_only_the_count() -> None:
    c = criteria_of(*HEADER, "Xã đạt 17 tiêu chí. Phấn đấu đạt thêm tiêu chí Thu nhập trong năm tới.")
    assert (c.met, c.unmet, c.met_count_claimed) == ([], [], 17)


# --- 3. summary lines without "tiêu chí", inside a section about the criteria ---

@pytest.mark.parametrize("lines, expected, met_count", [
    ([SECTION, "Bảng tổng hợp: Đạt: 17; Chưa đạt: 2 (10, 17)"], (REST, [10, 17], []), 17),
    ([SECTION, "Kết quả tự đánh giá: đạt 17/19; chưa đạt: số 10, 17"], (REST, [10, 17], []), 17),
    ([SECTION, "- Tổng hợp: Đạt 18/19; Không đạt: số 10."], (but(10), [10], []), 18),
    (["3. Đánh giá chung về các tiêu chí", "Tổng hợp kết quả: đạt: 16, chưa đạt: 3 (số 10, 15, 17)."],
     (but(10, 15, 17), [10, 15, 17], []), 16),
])
def test_summary_lines_in_a_criteria_section(lines: list[str], expected: tuple[list[int], ...],
                                             met_count: int) -> None:
    c = criteria_of(*HEADER, *lines)
    assert (sorted(c.met), sorted(c.unmet), sorted(c.basically_met)) == expected
    assert c.met_count_claimed == met_count
    assert c.conflicts == []


@pytest.mark.parametrize("lines", [
    # no criteria heading above: a summary of something else
    ["Bảng tổng hợp: Đạt: 17; Chưa đạt: 2 (10, 17)"],
    ["III. KẾT QUẢ HUY ĐỘNG NGUỒN LỰC", "Kết quả: đạt 17/19; chưa đạt: số 10, 17"],
    # a single criterion's section: its lines are indicators
    ["Tiêu chí số 2 - Giao thông", "- Đường trục xã: đạt 12/12 km;", "- Đường ngõ xóm: đạt 19/19 tuyến."],
    [SECTION, "Tiêu chí số 5 - Trường học", "Số trường đạt: 3; chưa đạt: 1."],
    # a plan section
    ["IV. PHƯƠNG HƯỚNG THỰC HIỆN CÁC TIÊU CHÍ NĂM 2024", "Đạt: 19; Chưa đạt: 0"],
    # percentages are measures
    [SECTION, "Tỷ lệ hộ đạt: 96%; chưa đạt: 4%."],
])
def test_summary_like_lines_outside_a_criteria_summary_state_nothing(lines: list[str]) -> None:
    c = criteria_of(*HEADER, *lines)
    assert (c.met, c.unmet, c.met_count_claimed, c.unmet_count_claimed) == ([], [], None, None)


# --- 4. another named commune's status is not the report's ---

def criteria_of_commune(commune: str | None, *lines: str) -> CriteriaStatus:
    return outline_to_criteria(document_to_outline(lines_to_document(*HEADER, *lines)), None, commune)


@pytest.mark.parametrize("line", [
    "Toàn huyện: xã Tân Hòa đạt 19/19 tiêu chí, xã Phú Lâm đạt 15/19 tiêu chí.",
    "Xã Quế Xuân 2 đã đạt 19/19 tiêu chí và được công nhận đạt chuẩn nông thôn mới năm 2023.",
    "Theo tin từ huyện, xã Đông Sơn đạt 18/19 tiêu chí, chưa đạt tiêu chí số 10.",
])
def test_another_named_commune_sets_nothing(line: str) -> None:
    c = criteria_of_commune("Thử Nghiệm", line)
    assert (c.met, c.unmet, c.met_count_claimed) == ([], [], None)


@pytest.mark.parametrize("commune", ["Thử Nghiệm", "Thu Nghiem"])
def test_the_reports_own_commune_named_sets_its_status(commune: str) -> None:
    c = criteria_of_commune(commune, "Đến nay xã Thử Nghiệm đạt 17/19 tiêu chí, chưa đạt tiêu chí số 10 và 17.")
    assert (sorted(c.met), c.unmet, c.met_count_claimed) == (REST, [10, 17], 17)


def test_own_commune_among_others_keeps_only_its_own() -> None:
    c = criteria_of_commune("Phú Lâm", "Xã Tân Hòa đạt 19/19 tiêu chí, xã Phú Lâm đạt 15/19 tiêu chí, "
                                       "chưa đạt tiêu chí số 10, 14, 17 và 18.")
    assert (sorted(c.unmet), c.met_count_claimed) == ([10, 14, 17, 18], 15)
    assert sorted(c.met) == but(10, 14, 17, 18)
    assert c.conflicts == []


def test_unnamed_commune_subject_is_the_reports() -> None:
    c = criteria_of_commune("Thử Nghiệm", "Xã đã đạt 17/19 tiêu chí.")
    assert c.met_count_claimed == 17


def test_commune_with_a_number_in_its_name_matches_itself() -> None:
    c = criteria_of_commune("Quế Xuân 1", "Xã Quế Xuân 1 đạt 19/19 tiêu chí; xã Quế Xuân 2 đạt 16/19 tiêu chí.")
    assert (c.met, c.met_count_claimed) == (ALL, 19)


# --- 5. a report about the advanced set is read with the advanced catalogue ---

ADVANCED_HEADER = ("UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2024", "BÁO CÁO",
                   "Kết quả xây dựng xã nông thôn mới nâng cao năm 2024")


def test_advanced_catalogue_numbers_its_own_criteria() -> None:

    s = criteria_set_for_year(2024, tier="advanced")
    assert (s.id, s.size, s.name(14), s.name(15), s.name(18)) == (
        "commune-advanced-2021-2025", 19, "Y tế", "Hành chính công", "Chất lượng môi trường sống")
    assert (lookup_name("Y tế"), lookup_name("Y tế", tier="advanced")) == (15, 14)
    assert lookup_name("Hành chính công") is None  # no standard criterion of that name


def test_advanced_report_reads_names_with_the_advanced_numbers() -> None:
    c = criteria_of(*ADVANCED_HEADER, "I. KẾT QUẢ", "Đến nay xã đạt 17/19 tiêu chí xã NTM nâng cao; chưa đạt "
                    "tiêu chí Y tế và Chất lượng môi trường sống.")
    assert c.criteria_set == "commune-advanced-2021-2025"
    assert (sorted(c.unmet), sorted(c.met), c.met_count_claimed) == ([14, 18], but(14, 18), 17)


@pytest.mark.parametrize("title", [
    "Kết quả xây dựng nông thôn mới năm 2024",
    "Kết quả xây dựng nông thôn mới và nông thôn mới nâng cao năm 2024",
])
def test_standard_or_mixed_report_keeps_the_standard_set(title: str) -> None:
    c = criteria_of(*ADVANCED_HEADER[:3], title, "I. KẾT QUẢ",
                    "Đến nay xã đạt 17/19 tiêu chí; chưa đạt tiêu chí Y tế và Thu nhập.")
    assert c.criteria_set == "commune-2021-2025"
    assert sorted(c.unmet) == [10, 15]


def test_a_body_statement_about_the_advanced_set_is_no_title() -> None:
    c = criteria_of(*ADVANCED_HEADER[:3], "- Đối với Bộ tiêu chí xã NTM nâng cao, xã đã đạt tiêu chí số 1, 2, 3.",
                    "- Xã đạt 19/19 tiêu chí.")
    assert c.criteria_set == "commune-2021-2025"
    assert c.met == ALL


def test_section_verdicts_short_of_a_count_still_flag_a_mismatch() -> None:
    """Regression: with no "thêm" list at all, verdicts fewer than the count are a mismatch
    (an empty set of added claims must not excuse it)."""
    c = criteria_of(*HEADER, "1. Tiêu chí số 1 - Quy hoạch", "- Kết quả thực hiện tiêu chí: đạt",
                    "2. Tiêu chí số 2 - Giao thông", "- Kết quả thực hiện tiêu chí: đạt",
                    "III. ĐÁNH GIÁ CHUNG", "- Xã đã đạt 15/19 tiêu chí; tiêu chí 7, tiêu chí 9 không đạt.")
    assert "count_mismatch" in kinds(c)
