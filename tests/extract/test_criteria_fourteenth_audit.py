"""Criteria forms the reader missed (audit of the fourteenth held-out bank):

- a name's code in brackets said "mã" alone ("Điện (mã 04)"), and references written "TCQG 07";
- a verdict said twice, its second word after a dash ("Hoàn thành - đạt", "Chưa hoàn thành -
  chưa đạt"), in a line of names and after a verdict label;
- a verdict label's status after a word of time or degree ("Nhận xét: Vẫn chưa đạt",
  "Đánh giá: Mới đạt ở mức cơ bản");
- a demand that the commune finish something first ("Đoàn yêu cầu xã hoàn thành ... rồi mới
  ...") is a plan; the time of a plan ("đầu kỳ kế hoạch", "thời điểm lập kế hoạch") and a plan
  drawn from a result ("Kế hoạch được lập trên cơ sở kết quả rà soát: ...") are no plans;
- short names of a chat ("Nhà VH", "Điện NT"), and the rest "đạt hết" closed by a particle
  ("còn lại đạt hết rồi ạ");
- a status cell closed by a remark before the count cell ("Chưa đạt, cần làm ngay | 3 tiêu
  chí"); a table row whose name cell lists several names beside one status.

Every statement is written for these tests (none is copied from a report). The report is of
2023, its commune "Thử Nghiệm"; the set has 19 criteria.
"""
from __future__ import annotations

import pytest

from tests.extract.test_criteria_unseen_forms import NOTHING, Answer, answer, but, read

Row = tuple[str, ...]

# ------------------------------------------------------------------ codes and references


def test_names_each_with_its_code_said_ma() -> None:
    items = ["Các tiêu chí còn thiếu: Điện (mã 04), Chợ nông thôn (mã 07), Y tế (mã 15)."]
    assert answer(items) == ([], [4, 7, 15], [])


def test_names_each_with_its_code_cut_by_semicolons() -> None:
    items = ["Đã hoàn thành: Giao thông (mã 02); Trường học (mã 05); Thu nhập (mã 10)."]
    assert answer(items) == ([2, 5, 10], [], [])


def test_a_code_in_brackets_that_is_a_measure_is_no_reference() -> None:
    assert answer(["Đường trục thôn (mã 2,5 km) đã được nhựa hóa."]) == NOTHING


def test_references_written_tcqg() -> None:
    c = read(["Xã đạt 16/19 tiêu chí; chưa đạt TCQG 03, TCQG 11 và TCQG 17."])
    assert (sorted(c.met), sorted(c.unmet)) == (but(3, 11, 17), [3, 11, 17])


def test_tcqg_alone_is_no_reference() -> None:
    assert answer(["Bộ TCQG 2021 được áp dụng, xã đạt yêu cầu."]) == NOTHING


# ------------------------------------------------------------------ a verdict said twice


def test_a_verdict_restated_after_a_dash_in_lines_of_names() -> None:
    items = ["Tổng hợp ý kiến các ban:", "» Quy hoạch … Hoàn thành - đạt", "» Điện … Đạt – hoàn thành",
             "» Y tế … Chưa hoàn thành - chưa đạt", "» Văn hóa … Không đạt – không hoàn thành"]
    assert answer(items) == ([1, 4], [15, 16], [])


def test_a_verdict_restated_after_a_dash_after_a_label() -> None:
    items = ["Tiêu chí số 12 – Lao động. Kết luận: Hoàn thành - đạt.",
             "Tiêu chí số 14 – Giáo dục. Kết luận: Chưa hoàn thành - chưa đạt."]
    assert answer(items) == ([12], [14], [])


@pytest.mark.parametrize("line", [
    "» Y tế … Chưa hoàn thành - đạt",
    "» Y tế … Hoàn thành - chưa đạt",
    "» Y tế … Hoàn thành - đạt 85%",
])
def test_two_verdicts_that_disagree_or_a_measure_state_nothing(line: str) -> None:
    assert answer([line]) == NOTHING


# ------------------------------------------------------------------ a label's status after a word of time


@pytest.mark.parametrize("verdict, expected", [
    ("Tiêu chí số 10 – Thu nhập. Nhận xét: Vẫn chưa đạt.", ([], [10], [])),
    ("Tiêu chí số 10 – Thu nhập. Đánh giá: Hiện nay còn chưa đạt.", ([], [10], [])),
    ("Tiêu chí số 10 – Thu nhập. Kết luận: Mới đạt ở mức cơ bản.", ([], [], [10])),
    ("Tiêu chí số 10 – Thu nhập. Kết luận: Hiện đã đạt.", ([10], [], [])),
])
def test_a_labelled_verdict_after_a_word_of_time_or_degree(verdict: str, expected: Answer) -> None:
    assert answer([verdict]) == expected


def test_a_label_with_only_so_far_and_a_measure_is_no_verdict() -> None:
    assert answer(["Tiêu chí số 10 – Thu nhập. Nhận xét: mới đạt 42 triệu đồng/người."]) == NOTHING


def test_a_lack_after_a_label_is_still_read() -> None:
    assert answer(["Tiêu chí số 10 – Thu nhập. Nhận xét: Còn thiếu, chưa đạt."]) == ([], [10], [])


# ------------------------------------------------------------------ plans and their time


def test_a_demand_to_finish_first_is_a_plan() -> None:
    items = ["Đoàn kiểm tra xác định xã đạt 17/19 tiêu chí; chưa đạt tiêu chí 6, tiêu chí 13.",
             "Đoàn kiểm tra yêu cầu xã hoàn thành tiêu chí 13 rồi mới trình hồ sơ."]
    c = read(items)
    assert (sorted(c.met), sorted(c.unmet), c.met_count_claimed) == (but(6, 13), [6, 13], 17)


def test_what_meets_the_requirement_is_still_met() -> None:
    assert answer(["Tiêu chí 5 đạt yêu cầu, đã hoàn thành từ năm 2022."]) == ([5], [], [])


@pytest.mark.parametrize("line, count", [
    ("Cuối kỳ kế hoạch trước, xã có 14/19 tiêu chí đạt; các tiêu chí khác được đưa vào tiến độ.", 14),
    ("Số liệu tại thời điểm lập kế hoạch: xã đạt 15/19 tiêu chí.", 15),
    ("Kế hoạch được lập trên cơ sở kết quả đánh giá: xã đạt 13 tiêu chí.", 13),
])
def test_the_time_or_ground_of_a_plan_is_no_plan(line: str, count: int) -> None:
    assert read([line]).met_count_claimed == count


def test_a_plan_itself_still_sets_a_target() -> None:
    assert read(["Kế hoạch năm 2024: xã đạt 18 tiêu chí."]).met_count_claimed is None


# ------------------------------------------------------------------ a chat's short names and particles


def test_short_names_of_a_chat_after_their_numbers() -> None:
    items = ["Cán bộ VP: Rà soát xong rồi ạ: TC4 Điện NT, TC6 Nhà VH chưa đạt; còn lại đạt hết rồi ạ!"]
    assert answer(items) == (but(4, 6), [4, 6], [])


def test_the_rest_all_met_closed_by_a_particle() -> None:
    assert answer(["Tiêu chí 9, tiêu chí 12 chưa đạt; còn lại đạt hết nhé."]) == (but(9, 12), [9, 12], [])


def test_all_met_of_something_else_after_the_rest_is_no_status() -> None:
    assert answer(["Tiêu chí 9 chưa đạt; còn lại đạt hết ạ chỉ tiêu vốn."]) == ([], [9], [])


# ------------------------------------------------------------------ tables


def test_a_status_cell_with_a_remark_before_its_count() -> None:
    rows: list[Row] = [("Kết quả", "Số tiêu chí", "Gồm"),
                       ("Đạt", "16 tiêu chí", "Các tiêu chí còn lại"),
                       ("Chưa đạt, cần làm ngay", "3 tiêu chí", "TC 2; TC 9; TC 18")]
    c = read([rows])
    assert (sorted(c.unmet), c.met_count_claimed, c.unmet_count_claimed) == ([2, 9, 18], 16, 3)


def test_a_remark_with_a_figure_before_a_count_binds_nothing() -> None:
    assert read(["Chưa đạt, năm 2023 | 3 tiêu chí"]).unmet_count_claimed is None


def test_a_row_whose_name_cell_lists_several_names() -> None:
    rows: list[Row] = [("Tiêu chí", "Hiện trạng", "Việc cần làm"),
                       ("Điện (mã 04); Trường học (mã 05); Y tế (mã 15)", "Chưa đạt", "Đầu tư bổ sung"),
                       ("Thu nhập", "Cơ bản đạt", "Hoàn thiện hồ sơ"),
                       ("Các tiêu chí khác", "Đạt", "Duy trì")]
    assert answer([rows]) == (but(4, 5, 10, 15), [4, 5, 15], [10])


def test_a_row_of_one_name_per_row_is_read_as_before() -> None:
    rows: list[Row] = [("Tiêu chí", "Hiện trạng", "Việc cần làm"),
                       ("Điện", "Chưa đạt", "Đầu tư bổ sung"), ("Thu nhập", "Đạt", "Duy trì")]
    assert answer([rows]) == ([10], [4], [])
