"""Criteria forms the reader missed (audit of the sixth held-out bank):

- tables headed "Mã TC | Tên gọi tiêu chí", "Số hiệu | Nội dung | Thực trạng của xã", or with an
  appraiser's column ("Huyện thẩm tra"): before, no name or status column was found;
- a table written as pipe lines without a header row ("04 | Điện | Đạt"): before, no table;
- verdicts said as fitness or lack ("Đủ điều kiện công nhận đạt", "Đã đáp ứng đủ", "Còn thiếu",
  "Chưa đủ điều kiện", "Đạt (mức cơ bản)", "Cơ bản đủ điều kiện"), in a cell or at the end of a
  status line after a leader ("…") or an arrow;
- references abbreviated "t/c 4", "t.chí 4", "TC – 04", "t/c Thu nhập", "tiêu chí mang số 4";
  lists joined by "cùng", ranges "từ TC 1 đến hết TC 7" and "1 ÷ 7";
- "chưa xác nhận đạt", "chưa đủ điều kiện thẩm tra đạt", "các TC còn nợ / còn thiếu là ...",
  "chưa cán đích" (unmet), "được xem là cơ bản đạt" (the status after a copula), "cam kết" (a
  commitment is a target), "các tiêu chí khác đều đã được thẩm định đạt" (the rest, met);
- a table of the count over time ("Thời điểm | Số tiêu chí đạt | Ghi chú"): the report's year
  lists the met criteria, the start and other years are history.

Every statement is written for these tests (none is copied from a report). The report is of
2023, its commune "Thử Nghiệm"; the set has 19 criteria.
"""
from __future__ import annotations

import pytest

from tests.extract.test_criteria_unseen_forms import NOTHING, Row, answer, but, read

# ------------------------------------------------------------------ tables


def test_a_tick_table_headed_by_code_and_full_name() -> None:
    rows: list[Row] = [("Mã TC", "Tên gọi tiêu chí", "Đạt", "Cơ bản đạt", "Chưa đạt"),
                       ("1", "Quy hoạch", "✓", "", ""), ("4", "Điện", "✓", "", ""),
                       ("10", "Thu nhập", "", "", "✓"), ("15", "Y tế", "", "✓", "")]
    assert answer(["Kết quả chấm điểm:", rows]) == ([1, 4], [10], [15])


def test_a_table_with_the_communes_state_column_beside_the_requirement() -> None:
    rows: list[Row] = [("Số hiệu", "Nội dung", "Yêu cầu của Bộ tiêu chí", "Thực trạng của xã"),
                       ("2", "Giao thông", "Đạt", "Còn thiếu"), ("4", "Điện", "Đạt", "Đã đáp ứng đủ"),
                       ("9", "Nhà ở dân cư", "Đạt", "Đủ điều kiện công nhận đạt")]
    # the requirement column says "Đạt" for every row: it is no verdict
    assert answer(["Bảng đối chiếu:", rows]) == ([4, 9], [2], [])


def test_the_appraisers_column_is_the_verdict_over_the_communes_own() -> None:
    rows: list[Row] = [("TT", "Tiêu chí / lĩnh vực", "Xã tự chấm", "Huyện thẩm tra"),
                       ("3", "Thủy lợi", "Đạt", "Đạt (mức cơ bản)"),
                       ("6", "Cơ sở vật chất văn hóa", "Đạt", "Chưa đủ điều kiện"),
                       ("8", "Thông tin và Truyền thông", "Đạt", "Đạt")]
    assert answer(["Kết quả:", rows]) == ([8], [6], [3])


def test_pipe_lines_without_a_header_row() -> None:
    lines = ["Tổng hợp theo dòng:", "04 | Điện | Đáp ứng", "10 | Thu nhập | Chưa đủ điều kiện",
             "15 | Y tế | Cơ bản đủ điều kiện"]
    assert answer(lines) == ([4], [10], [15])


def test_pipe_lines_without_a_criterion_name_are_no_table() -> None:
    lines = ["Tiến độ giải ngân:", "01 | Vốn ngân sách | Hoàn thành", "02 | Vốn lồng ghép | Chưa hoàn thành"]
    assert answer(lines) == NOTHING


def test_a_count_over_time_table_lists_this_years_met_criteria() -> None:
    rows: list[Row] = [("Thời điểm", "Số tiêu chí đạt", "Ghi chú"),
                       ("Khi bắt đầu triển khai", "5 tiêu chí", "TC 1, TC 2, TC 3, TC 4, TC 8"),
                       ("Năm 2022", "15 tiêu chí", "TC 5"),
                       ("Năm 2023", "17 tiêu chí", "từ TC 1 đến hết TC 9; từ TC 11 đến hết TC 16; TC 18 và TC 19"),
                       ("Còn chưa đạt", "2 tiêu chí", "TC 10, TC 17")]
    assert answer(["Kết quả qua các năm:", rows]) == (but(10, 17), [10, 17], [])


def test_a_count_over_time_table_of_earlier_years_only_states_nothing() -> None:
    rows: list[Row] = [("Thời điểm", "Số tiêu chí đạt", "Ghi chú"),
                       ("Khi bắt đầu triển khai", "5 tiêu chí", "TC 1, TC 2"),
                       ("Năm 2021", "12 tiêu chí", "TC 3, TC 4")]
    assert answer(["Kết quả qua các năm:", rows]) == NOTHING


# ------------------------------------------------------------------ status lines


@pytest.mark.parametrize(("met_word", "unmet_word"), [
    ("Đủ điều kiện công nhận đạt", "Còn thiếu"),
    ("Đã đáp ứng đủ", "Chưa đủ điều kiện"),
])
def test_verdicts_of_fitness_and_lack_after_a_leader(met_word: str, unmet_word: str) -> None:
    lines = ["Tổng hợp:", f"Điện (TC 4) … {met_word}", f"Y tế (TC 15) … {met_word}",
             f"Thu nhập (TC 10) … {unmet_word}"]
    assert answer(lines) == ([4, 15], [10], [])


def test_a_lack_with_an_amount_after_it_is_no_verdict() -> None:
    assert answer(["Văn hóa (TC 16) … Còn thiếu 2 nhà văn hóa thôn"]) == NOTHING


# ------------------------------------------------------------------ references and lists


@pytest.mark.parametrize("ref", ["t/c {n}", "t.chí {n}", "TC – {n:02d}", "tiêu chí mang số {n}"])
def test_abbreviated_references(ref: str) -> None:
    met = ", ".join(ref.format(n=n) for n in (1, 2))
    unmet = " và ".join(ref.format(n=n) for n in (10, 17))
    assert answer([f"Hiện nay xã đạt {met}; chưa đạt {unmet}."]) == ([1, 2], [10, 17], [])


def test_an_abbreviation_before_a_name() -> None:
    assert answer(["Đến nay xã đạt 18/19 tiêu chí; chưa đạt t/c Thu nhập."]) == (but(10), [10], [])


def test_a_spaced_dash_before_an_amount_is_no_reference() -> None:
    assert answer(["Kinh phí TC - 5 tỷ đồng, xã đã hoàn thành."]) == NOTHING


def test_a_list_joined_by_cung_and_ranges_to_the_end() -> None:
    assert answer(["Xã đã đạt từ TC 1 đến hết TC 4 cùng TC 9; chưa đạt TC 10 cùng TC 17."]) \
        == ([1, 2, 3, 4, 9], [10, 17], [])


def test_cung_voi_is_no_list_joiner() -> None:
    assert answer(["Tiêu chí 10 chưa đạt cùng với 5 hộ chưa có nhà."]) == ([], [10], [])


# ------------------------------------------------------------------ statuses


def test_criteria_owed_or_lacking_after_a_met_count() -> None:
    assert answer(["Kết luận: chung toàn xã đạt 17/19 tiêu chí; các TC còn nợ gồm TC 10 và TC 17."]) \
        == (but(10, 17), [10, 17], [])
    assert answer(["Đến nay xã có 17/19 tiêu chí đạt chuẩn; các tiêu chí còn thiếu là 10- Thu nhập; 17- Môi trường."]) \
        == (but(10, 17), [10, 17], [])


def test_a_debt_of_money_is_no_status() -> None:
    assert answer(["Xã còn nợ đọng xây dựng cơ bản 2 tỷ đồng."]) == NOTHING


def test_not_yet_confirmed_or_fit_for_appraisal() -> None:
    assert answer(["Các tiêu chí đoàn kiểm tra chưa xác nhận đạt (2 tiêu chí): TC 10; TC 17."]) == ([], [10, 17], [])
    assert answer(["Chưa đủ điều kiện thẩm tra đạt: 2 tiêu chí (TC 10 và TC 17)."]) == ([], [10, 17], [])


def test_not_yet_at_the_finish_line() -> None:
    assert answer(["Các tiêu chí còn chưa cán đích (2 tiêu chí): TC 10; TC 17."]) == ([], [10, 17], [])


def test_a_status_after_a_copula() -> None:
    assert answer(["Xã đạt 16/19 tiêu chí; riêng TC 15 được xem là cơ bản đạt, còn TC 10 và TC 17 thì chưa đạt."]) \
        == (but(10, 15, 17), [10, 17], [15])


def test_a_commitment_is_a_target() -> None:
    assert answer(["Xã cam kết hoàn thành TC 10 trong năm 2024."]) == NOTHING


def test_a_total_raised_from_last_years_count() -> None:
    assert answer(["Năm 2023, số tiêu chí đạt của xã tăng từ 12/19 tiêu chí (năm 2022) lên 17/19 tiêu chí; "
                   "còn lại chưa đạt: 10- Thu nhập; 17- Môi trường."]) == (but(10, 17), [10, 17], [])


def test_up_to_a_number_of_households_is_no_count() -> None:
    assert answer(["Số hộ đạt chuẩn tăng từ 12/19 hộ lên 17/19 hộ."]) == NOTHING


def test_the_other_criteria_appraised_as_met_after_an_exception() -> None:
    assert answer(["Ngoại trừ TC 10 Thu nhập; TC 17 Môi trường (chưa đạt), các tiêu chí khác "
                   "của xã đều đã được thẩm định đạt."]) == (but(10, 17), [10, 17], [])


def test_now_after_a_comma_ends_the_starting_point() -> None:
    assert answer(["Từ chỗ chỉ có 4 tiêu chí khi khởi đầu, nay xã đã đạt 3 tiêu chí (TC 1; TC 2; TC 4)."]) \
        == ([1, 2, 4], [], [])


def test_the_starting_point_alone_is_history() -> None:
    assert answer(["Từ chỗ chỉ có 3 tiêu chí (TC 1; TC 2; TC 4) khi khởi đầu, xã đã phấn đấu nhiều năm."]) == NOTHING


def test_a_count_over_time_tables_count_cell_is_the_count_claimed() -> None:
    rows: list[Row] = [("Thời điểm", "Số tiêu chí đạt", "Ghi chú"),
                       ("Khi bắt đầu triển khai", "5 tiêu chí", "–"),
                       ("Năm 2023", "4 tiêu chí", "TC 1, TC 2, TC 4"),
                       ("Còn chưa đạt", "2 tiêu chí", "TC 10, TC 17")]
    c = read(["Kết quả qua các năm:", rows])
    # the count of the start is history; this year's (4) differs from its list (3)
    assert (c.met_count_claimed, c.unmet_count_claimed) == (4, 2)
    assert [k.kind for k in c.conflicts if k.kind == "count_mismatch"] == ["count_mismatch"]


def test_the_count_a_total_rose_from_is_no_claim() -> None:
    c = read(["Năm 2023, số tiêu chí đạt của xã tăng từ 12/19 tiêu chí (năm 2022) lên 17/19 tiêu chí."])
    assert c.met_count_claimed == 17
    assert not [k for k in c.conflicts if k.kind == "count_claims_disagree"]


def test_spoken_done_and_not_done() -> None:
    assert answer(["“Xã mình đã làm xong 17/19 tiêu chí, chỉ còn tiêu chí Thu nhập; tiêu chí Y tế là chưa xong”, "
                   "ông Chủ tịch nói."]) == (but(10, 15), [10, 15], [])


def test_done_paperwork_is_no_status() -> None:
    assert answer(["Xã đã làm xong hồ sơ tiêu chí 10."]) == NOTHING


def test_a_list_cell_cut_by_a_page_break_goes_on_in_the_next_paragraph() -> None:
    rows: list[Row] = [("Thời điểm", "Số tiêu chí đạt", "Ghi chú"),
                       ("Năm 2023", "5 tiêu chí", "TC 1; TC 2; TC 3;")]
    assert answer(["Kết quả qua các năm:", rows, "TC 4; TC 9", "Xã tiếp tục tuyên truyền."]) \
        == ([1, 2, 3, 4, 9], [], [])
    # a cell ending its list ends the table's statement: the next paragraph is none of it
    rows[1] = ("Năm 2023", "3 tiêu chí", "TC 1; TC 2; TC 3")
    assert answer(["Kết quả qua các năm:", rows, "TC 4 cần tiếp tục nâng chất."]) == ([1, 2, 3], [], [])
