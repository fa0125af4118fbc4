"""Counts split into what was kept and what was met anew, and the lists that go with them:

- "15 tiêu chí giữ vững; 2 tiêu chí mới đạt là ..." (kept, then newly met): the commune's total
  is their sum, the list named is the part met anew (no mismatch with the total);
- "các tiêu chí đều đã đạt, riêng ..." (every criterion, without "tất cả"), but the exception;
- "còn thiếu 3 tiêu chí để về đích là ..." (a purpose between the count and its list);
- ", ... 16 cộng 16 tiêu chí" (a total closing a list without a comma before it);
- "các tiêu chí không nêu ở hai dòng dưới đều đạt" (the rest, the exceptions stated after it).

Each is checked against an equivalent form and a change that must change the answer. Every
statement is written for these tests; the report is of 2023, its set has 19 criteria.
"""
from __future__ import annotations

import pytest

from extractor.core.model import CriteriaStatus
from tests.checks.test_clerk_contradictions import rules_of
from tests.extract.test_criteria_unseen_forms import NOTHING, answer, but, read

GT, TN, Y_TE, MT = "Giao thông", "Thu nhập", "Y tế", "Môi trường và an toàn thực phẩm"


def _counts(c: CriteriaStatus) -> tuple[int | None, int | None]:
    return c.met_count_claimed, c.unmet_count_claimed


# --- kept and newly met ---

@pytest.mark.parametrize("line", [
    f"Đến nay, xã có 15 tiêu chí giữ vững; 2 tiêu chí mới đạt trong năm là {GT} và {TN}.",
    f"Xã giữ vững 15 tiêu chí và đạt mới 2 tiêu chí là {GT} và {TN}.",
    f"Đến nay xã có 15 tiêu chí giữ vững, 2 tiêu chí đạt mới ({GT}, {TN}).",
    f"Xã giữ vững 15 tiêu chí, đạt thêm 2 tiêu chí là {GT}, {TN}.",
])
def test_a_kept_count_and_a_newly_met_count_sum_to_the_total(line: str) -> None:
    c = read([line])
    assert (sorted(c.met), _counts(c)) == ([2, 10], (17, None))
    assert c.newly_met == [2, 10]


def test_the_newly_met_list_is_no_mismatch_with_the_total() -> None:
    line = f"Trong năm xã đạt thêm 02 tiêu chí ({TN}, {Y_TE}), nâng tổng số tiêu chí đạt lên 15/19."
    assert "criteria_count_mismatch" not in rules_of(line)
    # the same list said to be every criterion met is one
    assert "criteria_count_mismatch" in rules_of(f"Xã đạt 15/19 tiêu chí, gồm: {TN}, {Y_TE}.")


def test_criteria_newly_met_are_read_without_a_count_too() -> None:
    assert answer([f"2 tiêu chí mới đạt là {GT} và {TN}."]) == ([2, 10], [], [])
    assert answer([f"2 tiêu chí mới đạt trong năm là {GT} và {TN}."]) == ([2, 10], [], [])


def test_a_kept_count_alone_is_the_total() -> None:
    assert _counts(read(["Đến nay, xã có 15 tiêu chí giữ vững."])) == (15, None)


def test_keeping_as_a_plan_is_no_count() -> None:
    # "phấn đấu" makes the keeping a plan
    assert _counts(read(["Năm 2024 xã phấn đấu có 19 tiêu chí giữ vững."])) == (None, None)


def test_only_so_many_criteria_is_no_part_added() -> None:
    # "xã mới đạt 6 tiêu chí": only six at the start, a baseline, not a part met anew
    c = read(["Khi bắt đầu xây dựng nông thôn mới, xã mới đạt 6 tiêu chí."])
    assert (c.newly_met, _counts(c)) == ([], (None, None))


# --- every criterion but the exception, without "tất cả" ---

@pytest.mark.parametrize("line", [
    f"Các tiêu chí đều đã đạt, riêng tiêu chí {MT} chưa đạt.",
    f"Tất cả các tiêu chí đều đã đạt, riêng tiêu chí {MT} chưa đạt.",
    f"Các tiêu chí của xã đều đạt, riêng {MT} chưa đạt.",
])
def test_every_criterion_but_the_contrast(line: str) -> None:
    assert answer([line]) == (but(17), [17], [])


def test_criteria_of_a_group_are_not_every_criterion() -> None:
    assert answer([f"Các tiêu chí về hạ tầng đều đã đạt, riêng tiêu chí {MT} chưa đạt."]) == ([], [17], [])
    assert answer([f"Các tiêu chí này đều đã đạt, riêng tiêu chí {MT} chưa đạt."]) == ([], [17], [])


# --- a purpose between a count and its list ---

@pytest.mark.parametrize("line", [
    f"Xã đã đạt 16 tiêu chí; còn thiếu 3 tiêu chí để về đích là {GT}, {TN}, {MT}.",
    f"Xã đã đạt 16 tiêu chí; còn thiếu 3 tiêu chí là {GT}, {TN}, {MT}.",
    f"Xã đã đạt 16 tiêu chí; 3 tiêu chí còn thiếu là {GT}, {TN}, {MT}.",
    f"Xã đã đạt 16 tiêu chí; còn 3 tiêu chí chưa đạt để về đích là {GT}, {TN}, {MT}.",
    f"Xã đã đạt 16 tiêu chí; còn 3 tiêu chí chưa đạt để đạt chuẩn nông thôn mới, gồm: {GT}, {TN}, {MT}.",
])
def test_the_list_after_a_purpose_is_what_is_lacking(line: str) -> None:
    c = read([line])
    assert (sorted(c.met), sorted(c.unmet), _counts(c)) == (but(2, 10, 17), [2, 10, 17], (16, 3))


def test_a_purpose_with_no_list_after_it_stays_a_goal() -> None:
    # "để đạt chuẩn" with the criteria before it: a goal, no status
    assert answer([f"Xã cần tập trung cho {GT}, {TN} để đạt chuẩn trong năm 2024."])[0] == []


# --- a total closing a list ---

def test_a_total_after_the_last_number_without_a_comma() -> None:
    numbers = ", ".join(str(n) for n in range(1, 17))
    for closing in ("cộng 16 tiêu chí", ", cộng 16 tiêu chí", "(tổng cộng 16 tiêu chí)"):
        c = read([f"Tiêu chí đạt: {numbers} {closing}."])
        assert (sorted(c.met), c.met_count_claimed) == (list(range(1, 17)), 16), closing


# --- the rest, the exceptions stated above or below ---

EXCEPTIONS = [f"Tiêu chí số 2 {GT}: chưa đạt.", f"Tiêu chí số 10 {TN}: chưa đạt."]


@pytest.mark.parametrize("items", [
    [*EXCEPTIONS, "Các tiêu chí không nêu ở hai dòng trên đều đạt."],
    ["Các tiêu chí không nêu ở hai dòng dưới đều đạt.", *EXCEPTIONS],
    ["Những tiêu chí không liệt kê trong bảng dưới đây đều đã đạt.", *EXCEPTIONS],
    [*EXCEPTIONS, "Các tiêu chí còn lại đều đạt."],
])
def test_the_criteria_not_named_elsewhere_are_the_rest(items: list[str]) -> None:
    assert answer(items) == (but(2, 10), [2, 10], [])


def test_the_named_criteria_below_are_not_the_rest() -> None:
    # "nêu dưới" without "không": the criteria named below, no rest
    assert answer(["Các tiêu chí nêu dưới đây đều đạt.", *EXCEPTIONS]) == ([], [2, 10], [])


def test_nothing_without_a_status() -> None:
    assert answer(["Các tiêu chí không nêu ở hai dòng dưới sẽ được rà soát."]) == NOTHING


# --- criteria met anew, "thêm" before them ---

def test_more_criteria_named_before_their_status_are_a_part_added() -> None:
    line = f"Đến cuối năm 2023, có thêm tiêu chí {Y_TE} và Văn hóa đạt chuẩn, nâng số tiêu chí đạt lên 18."
    c = read([line])
    assert (sorted(c.met), c.newly_met, _counts(c)) == ([15, 16], [15, 16], (18, None))
    assert "criteria_count_mismatch" not in rules_of(line)


# --- no criterion left unmet ---

@pytest.mark.parametrize("line", [
    "Không có tiêu chí nào chưa đạt.",
    "Đến nay xã không còn tiêu chí nào chưa đạt chuẩn.",
    "Xã đạt 19/19 tiêu chí.",
])
def test_no_criterion_unmet_is_every_criterion_met(line: str) -> None:
    c = read([line])
    assert (sorted(c.met), c.met_count_claimed) == (but(), 19)


@pytest.mark.parametrize("line", [
    "Năm 2024 xã phấn đấu không còn tiêu chí nào chưa đạt.",
    "Không có xã nào chưa đạt tiêu chí Điện.",
])
def test_no_criterion_unmet_as_a_plan_or_of_communes_is_none(line: str) -> None:
    assert read([line]).met_count_claimed is None


# --- a count changed from an earlier one ---

@pytest.mark.parametrize("line, counts", [
    ("Số tiêu chí đạt tăng từ 15 lên 17 tiêu chí.", (17, None)),
    ("Số tiêu chí chưa đạt giảm từ 5 xuống còn 2 tiêu chí.", (None, 2)),
    ("Số tiêu chí chưa đạt giảm từ 5 xuống 2 tiêu chí.", (None, 2)),
    ("Số tiêu chí đạt: 17 tiêu chí.", (17, None)),
])
def test_the_count_a_change_ends_at_is_the_claim(line: str, counts: tuple[int | None, int | None]) -> None:
    assert _counts(read([line])) == counts


# --- the exception first, the rest as the object of the status ---

@pytest.mark.parametrize("line", [
    f"Trừ tiêu chí {TN}, xã đã hoàn thành các tiêu chí còn lại.",
    f"Trừ tiêu chí {TN}, xã đã hoàn thành tất cả các tiêu chí còn lại.",
    f"Ngoại trừ tiêu chí {TN}, các tiêu chí còn lại xã đều đã hoàn thành.",
])
def test_the_exception_put_first_takes_the_opposite_status(line: str) -> None:
    assert answer([line]) == (but(10), [10], [])


# --- a criterion's verdict in the wording of its section ---

@pytest.mark.parametrize("items, expected", [
    ([f"Tiêu chí {TN} tuy đã đạt nhưng chưa bền vững."], ([10], [], [])),
    ([f"Tiêu chí {TN} dù đã đạt song còn thấp so với mặt bằng chung."], ([10], [], [])),
    ([f"Đối với tiêu chí {MT}, xã xác định chưa đạt."], ([], [17], [])),
    (["Với tiêu chí Văn hóa, xã đã hoàn thành trong tháng 9/2023."], ([16], [], [])),
    (["Về tiêu chí số 17: đến nay mới đạt 5/8 chỉ tiêu, đánh giá chưa đạt."], ([], [17], [])),
    ([f"a) Tiêu chí {TN}: thu nhập bình quân đầu người đạt 62 triệu đồng/người/năm. Tiêu chí đạt."],
     ([10], [], [])),
    ([f"a) Tiêu chí {TN}: thu nhập bình quân đầu người đạt 62 triệu đồng/người/năm. So với yêu cầu "
      "của tiêu chí là đạt."], ([10], [], [])),
])
def test_section_wordings(items: list[str], expected: tuple[list[int], list[int], list[int]]) -> None:
    assert answer(items) == expected


def test_a_verdict_inside_a_heading_is_not_handed_to_the_next_section() -> None:
    # the verdict closes section a); section b) states none
    items = [f"a) Tiêu chí {TN}: thu nhập bình quân đầu người đạt 62 triệu đồng/người/năm. So với "
             "yêu cầu của tiêu chí là đạt.", f"b) Tiêu chí {Y_TE}: tỷ lệ tham gia bảo hiểm y tế 88%."]
    assert answer(items) == ([10], [], [])


def test_a_topic_with_a_plan_is_no_status() -> None:
    assert answer([f"Đối với tiêu chí {MT}, xã phấn đấu hoàn thành trong năm 2024."])[:2] == ([], [])


# --- counts in a column of their own ---

UNMET_NAMES = f"{TN}; {MT}"


@pytest.mark.parametrize("rows", [
    [("Nội dung", "Số lượng", "Tên tiêu chí"), ("Tiêu chí đạt", "17", "Các tiêu chí còn lại"),
     ("Tiêu chí chưa đạt", "2", UNMET_NAMES)],
    [("Nội dung", "Số lượng", "Tên tiêu chí"), ("Tiêu chí đạt", "17", ""), ("Tiêu chí chưa đạt", "2", UNMET_NAMES)],
    [("Nội dung", "Số lượng", "Ghi chú"), ("Số tiêu chí đạt", "17", ""), ("Số tiêu chí chưa đạt", "2", UNMET_NAMES)],
    [("Kết quả", "Số tiêu chí", "Cụ thể"), ("Đạt", "17", "Tiêu chí 1-9, 11-16, 18, 19"),
     ("Chưa đạt", "2", "Tiêu chí 10, 17")],
])
def test_a_count_column_under_a_count_header(rows: list[tuple[str, ...]]) -> None:
    c = read([rows])
    assert (sorted(c.met), sorted(c.unmet), _counts(c)) == (but(10, 17), [10, 17], (17, 2))


@pytest.mark.parametrize("rows", [
    # villages counted, not criteria
    [("Nội dung", "Số lượng", "Ghi chú"), ("Số thôn đạt tiêu chí", "5", ""), ("Số thôn chưa đạt tiêu chí", "2", "")],
    # a plan's count
    [("Nội dung", "Số lượng", "Ghi chú"), ("Tiêu chí phấn đấu đạt năm 2024", "19", "")],
    # no count header: a value column
    [("Nội dung", "Kết quả", "Ghi chú"), ("Tiêu chí đạt", "17", "")],
])
def test_counts_of_other_things_or_times_are_none(rows: list[tuple[str, ...]]) -> None:
    assert _counts(read([rows])) == (None, None)


# --- what is left after a count, named with what is being done about it ---

@pytest.mark.parametrize("line", [
    "Xã đã được UBND huyện thẩm định và đánh giá đạt 17/19 tiêu chí; còn tiêu chí 10 và 17 đang hoàn thiện hồ sơ.",
    "Xã đạt 17/19 tiêu chí, còn lại tiêu chí 10 và 17 phấn đấu hoàn thành trong năm 2024.",
])
def test_what_is_left_after_a_count_is_unmet(line: str) -> None:
    c = read([line])
    assert (sorted(c.met), sorted(c.unmet), c.met_count_claimed) == (but(10, 17), [10, 17], 17)
    assert "criteria_count_mismatch" not in rules_of(line)


def test_what_is_left_with_a_status_of_its_own_keeps_it() -> None:
    assert answer(["Xã đạt 17/19 tiêu chí; còn tiêu chí 10 và 17 cũng đã đạt nhưng chưa được thẩm định."])[1] == []


# --- names announced by a count without a comma, their status through "these criteria" ---

def test_names_after_a_count_and_a_description_take_the_status_of_these_criteria() -> None:
    line = f"Hiện có 3 tiêu chí xã đang còn yếu là {TN}, {Y_TE}, {MT}; các tiêu chí này chưa đạt."
    assert answer([line]) == ([], [10, 15, 17], [])
    # the same names without the pronoun's status say nothing of them
    assert answer([f"Hiện có 3 tiêu chí xã đang còn yếu là {TN}, {Y_TE}, {MT}."]) == NOTHING
