"""Criteria forms the reader missed (audit of the thirteenth held-out bank):

- a section's verdict measured against the set ("Đã đạt theo Bộ tiêu chí", "Chưa đạt so với bộ
  tiêu chí quốc gia"): "Bộ tiêu chí" is the set, not a reference;
- a poster's lines: "»" as a bullet, a name's status closed by a short remark after a dash
  ("Đạt - giữ vững chuẩn"), loose short names ("Môi trường - ATTP (17)", "Nhà văn hóa (06)"),
  hashtags each a criterion's code ("#TC04 #TC11");
- tables: a typed "v" as the tick, mark columns headed short beside a full one ("Đã đạt | Cơ
  bản | Chưa"), a poster's grid of tiles whose names column has no header of its own;
- numbers said "có mã 06" and a name's own number in brackets "(mang số 18)";
- "sang năm" (next year) is a time to come; "N tiêu chí đã xong:" meets the list under it,
  "Còn N tiêu chí <anything>:" leaves the list under it unmet; "chưa trọn, mới N tiêu chí thôi"
  is the count met so far.

Every statement is written for these tests (none is copied from a report). The report is of
2023, its commune "Thử Nghiệm"; the set has 19 criteria.
"""
from __future__ import annotations

import pytest

from tests.extract.test_criteria_unseen_forms import NOTHING, Answer, answer, but, read

Row = tuple[str, ...]

# ------------------------------------------------------------------ verdicts against the set


@pytest.mark.parametrize("verdict, expected", [
    ("- Kết luận: Đã đạt theo Bộ tiêu chí", ([10], [], [])),
    ("- Kết luận: Chưa đạt so với bộ tiêu chí quốc gia.", ([], [10], [])),
    ("+ Tự chấm: Đạt theo tiêu chí NTM", ([10], [], [])),
])
def test_a_verdict_measured_against_the_set_is_the_sections(verdict: str, expected: Answer) -> None:
    items = ["Tiêu chí số 10 - Thu nhập", "Thu nhập bình quân năm 2023 ước đạt 52 triệu đồng/người.", verdict]
    assert answer(items) == expected


def test_a_plan_measured_against_the_set_is_no_verdict() -> None:
    items = ["Tiêu chí số 10 - Thu nhập", "- Ghi chú: phấn đấu đạt theo Bộ tiêu chí vào năm 2025."]
    assert answer(items) == NOTHING


# ------------------------------------------------------------------ a poster's lines


def test_guillemet_bullets_with_a_remark_after_the_status() -> None:
    items = ["» Quy hoạch (01) … Đạt - duy trì tốt", "» Y tế (15) … Chưa đạt - đang vận động BHYT",
             "» Điện (04): Cơ bản đạt - chờ huyện về kiểm tra"]
    assert answer(items) == ([1], [15], [4])


def test_a_remark_with_a_figure_after_the_status_is_no_verdict_line() -> None:
    assert answer(["- Thu nhập: Đạt - 45 triệu đồng/người/năm"]) == NOTHING


def test_loose_short_names_with_their_own_numbers() -> None:
    items = ["Chưa đạt: Nhà văn hóa (06), HTX - sản xuất (13), Môi trường - ATTP (17), An ninh - quốc phòng (19)."]
    assert answer(items) == ([], [6, 13, 17, 19], [])


def test_a_cultural_house_of_a_village_is_no_criterion() -> None:
    assert answer(["- Nhà văn hóa thôn 3 đạt chuẩn, đã đưa vào sử dụng."]) == NOTHING


def test_hashtags_each_a_criterion_code_are_one_list() -> None:
    c = read(["Xã đã đạt 15/19 tiêu chí. Còn #TC04 #TC11 #TC15 #TC17 chưa đạt."])
    assert (sorted(c.met), sorted(c.unmet), c.met_count_claimed) == (but(4, 11, 15, 17), [4, 11, 15, 17], 15)


def test_a_hashtag_without_a_status_states_nothing() -> None:
    assert answer(["Theo dõi #xaydungnongthonmoi #TC04 để cập nhật tin tức"]) == NOTHING


# ------------------------------------------------------------------ tables


def test_typed_ticks_under_short_mark_headers() -> None:
    rows: list[Row] = [("Mã số", "Nội dung", "Đã đạt", "Cơ bản", "Chưa"),
                       ("1", "Quy hoạch", "v", "", ""), ("2", "Giao thông", "", "v", ""),
                       ("3", "Thủy lợi", "", "", "v")]
    assert answer([rows]) == ([1], [3], [2])


def test_short_headers_without_a_full_status_header_are_no_mark_columns() -> None:
    rows: list[Row] = [("Mã số", "Nội dung", "Ghi chú", "Cơ bản", "Chưa"),
                       ("1", "Quy hoạch", "v", "", ""), ("2", "Giao thông", "", "v", ""),
                       ("3", "Thủy lợi", "", "", "v")]
    assert answer([rows]) == NOTHING


def test_a_grid_of_tiles_whose_names_column_has_no_header() -> None:
    rows: list[Row] = [("Ô", "Số", "Trạng thái trên bảng tin"),
                       ("Quy hoạch", "1", "Đạt - duy trì tốt"), ("Đường giao thông", "2", "Chưa đạt theo Bộ tiêu chí"),
                       ("Thủy lợi", "3", "Cơ bản đạt (còn hồ sơ)")]
    assert answer([rows]) == ([1], [2], [3])


def test_a_headless_table_of_verdict_rows_is_still_read() -> None:
    # a first row of a criterion and its verdict is no header: the names column is not guessed
    rows: list[Row] = [("1", "Quy hoạch", "đạt yêu cầu"), ("2", "Giao thông", "Chưa đạt"),
                       ("3", "Thủy lợi", "Giữ vững")]
    assert answer([rows]) == ([1, 3], [2], [])


# ------------------------------------------------------------------ numbers by their code


def test_criteria_said_by_their_code() -> None:
    items = ["Xã đạt 16 tiêu chí; còn 3 tiêu chí chưa đạt, gồm tiêu chí có mã 04; tiêu chí có mã 11; "
             "tiêu chí có mã 17."]
    c = read(items)
    assert (sorted(c.met), sorted(c.unmet), c.unmet_count_claimed) == (but(4, 11, 17), [4, 11, 17], 3)


def test_a_names_own_number_after_mang_so() -> None:
    items = ["Theo tổng hợp: tiêu chí Y tế (mang số 15); tiêu chí Văn hóa (mang số 16) cơ bản đạt; "
             "Thu nhập – TC 10 chưa đạt; các tiêu chí khác đạt."]
    assert answer(items) == (but(10, 15, 16), [10], [15, 16])


# ------------------------------------------------------------------ times, done and left


def test_next_year_is_a_time_to_come() -> None:
    assert answer(["Sang năm đạt thêm tiêu chí về Thu nhập."]) == NOTHING


def test_this_year_is_no_time_to_come() -> None:
    assert answer(["Năm nay đạt thêm tiêu chí về Thu nhập."]) == ([10], [], [])


def test_criteria_done_open_their_list() -> None:
    c = read(["Tính đến nay 3 tiêu chí đã xong:", "— t/c 02, t/c 05 và t/c 09."])
    assert (sorted(c.met), c.met_count_claimed) == ([2, 5, 9], 3)


def test_records_done_are_no_criteria_done() -> None:
    assert answer(["Hồ sơ đã xong: tiêu chí 1, 2."]) == NOTHING


def test_criteria_left_open_their_list_whatever_is_said_of_them() -> None:
    c = read(["Còn 2 tiêu chí bà con vẫn trông đợi:", "— số 10: Thu nhập; số 15: Y tế."])
    assert (sorted(c.unmet), c.unmet_count_claimed) == ([10, 15], 2)


def test_criteria_left_with_a_plan_for_them_state_nothing() -> None:
    assert answer(["Còn 2 tiêu chí sẽ hoàn thành năm sau:", "— số 10: Thu nhập; số 15: Y tế."]) == NOTHING


def test_a_count_only_so_far_is_the_count_met() -> None:
    c = read(["Chưa trọn vẹn, mới mười sáu tiêu chí thôi.", "Các tiêu chí chưa đạt: tiêu chí 10, 15, 17."])
    assert (sorted(c.met), sorted(c.unmet), c.met_count_claimed) == (but(10, 15, 17), [10, 15, 17], 16)


def test_only_so_far_inside_a_clause_is_no_count() -> None:
    assert read(["Hồi đó xã mới 9 tiêu chí thôi."]).met_count_claimed is None
