"""Criteria forms the reader missed (audit of the eleventh held-out bank):

- a scan's "T.chi 07" (the abbreviation "T.chí" with its mark lost) before a number; names opened
  by "Còn" or "Khó nhất là" with a clause of effort or a time of now; "[TC8] Thông tin"; the rest of
  the set after "Ngoài các tiêu chí này, mọi tiêu chí", "giữ ở mức đạt"; a reason after a model
  set; "these criteria" as a status's object; a verdict's note on its records; a record said
  to be out of date ("số liệu của kỳ báo cáo trước");

Every statement is written for these tests (none is copied from a report). The report is of
2023, its commune "Thử Nghiệm"; the set has 19 criteria.
"""
from __future__ import annotations

from tests.extract.test_criteria_unseen_forms import NOTHING, answer, read

# ------------------------------------------------------------------ a scan's abbreviations


def test_an_abbreviation_with_its_mark_lost_before_a_number_is_a_criterion() -> None:
    items = ["Xã hiện đạt 3 tiêu chí là T.chi 02 ; T.chi 05 ; T.chi 11."]
    assert answer(items)[0] == [2, 5, 11]


def test_an_abbreviation_with_its_mark_lost_before_a_year_is_none() -> None:
    assert answer(["Xã đạt kết quả tốt theo T.chi 2023 của huyện."]) == NOTHING


# ------------------------------------------------------------------ names opened by "Còn"


def test_names_opened_by_still_then_the_effort_still_going_into_them() -> None:
    items = ["Hỏi: Xã hiện được mấy tiêu chí?",
             "Đáp: Tới nay xã được công nhận đạt 17/19 tiêu chí. Còn Điện; Văn hóa là chưa đạt, "
             "cán bộ thôn đang góp sức để làm xong."]
    assert answer(items)[:2] == ([n for n in range(1, 20) if n not in (4, 16)], [4, 16])


def test_names_opened_by_still_then_another_status_is_no_effort_tail() -> None:
    assert answer(["Còn Điện; Văn hóa là chưa đạt, Y tế đang đạt."]) == NOTHING


# ------------------------------------------------------------------ what is hardest


def test_names_after_what_is_hardest_take_the_status_after_a_time_of_now() -> None:
    items = ["Phóng viên: Việc gì làm xã trăn trở nhất?",
             "Bí thư xã: Vướng nhất là Điện, Văn hóa, tới nay vẫn chưa đạt. Những tiêu chí khác xã đều "
             "đã đạt và giữ được nhiều năm."]
    assert answer(items)[:2] == ([n for n in range(1, 20) if n not in (4, 16)], [4, 16])


def test_names_after_what_is_hardest_with_a_plan_are_no_status() -> None:
    assert answer(["Vướng nhất là Điện, Văn hóa, năm tới phấn đấu đạt."]) == NOTHING


def test_a_reference_in_square_brackets_before_its_name() -> None:
    assert answer(["[TC 4] Điện; [TC16] Văn hóa, tới nay vẫn chưa đạt."]) == ([], [4, 16], [])


def test_a_source_number_in_square_brackets_is_no_reference() -> None:
    assert answer(["[4] Quyết định số 318 về Bộ tiêu chí; xã chưa đạt 90% hộ dùng nước sạch."]) == NOTHING


# ------------------------------------------------------------------ the rest of the set


def test_every_criterion_but_these_after_a_list() -> None:
    items = ["Theo từng nhóm, các tiêu chí chưa đạt gồm Điện; Văn hóa. Ngoài những tiêu chí trên, "
             "tất cả các tiêu chí thuộc các nhóm đều đã đạt."]
    assert answer(items)[:2] == ([n for n in range(1, 20) if n not in (4, 16)], [4, 16])


def test_the_others_kept_at_the_level_met() -> None:
    items = ["So với kỳ trước, xã vẫn chưa đạt tiêu chí 4, tiêu chí 16, các tiêu chí khác vẫn giữ ở mức đạt."]
    assert answer(items)[:2] == ([n for n in range(1, 20) if n not in (4, 16)], [4, 16])


def test_the_others_kept_at_a_measure_are_no_status() -> None:
    assert answer(["Xã chưa đạt tiêu chí 4, các tiêu chí khác giữ ở mức đạt 90%."]) == ([], [4], [])


# ------------------------------------------------------------------ the model set named before a reason


def test_a_reason_after_the_model_set_is_the_communes_own_standing() -> None:
    items = ["Năm nay xã chưa thể đăng ký xây dựng xã nông thôn mới kiểu mẫu, do còn 2 tiêu chí chưa đạt là "
             "Điện; Văn hóa; những tiêu chí còn lại đều đã đạt."]
    assert answer(items)[:2] == ([n for n in range(1, 20) if n not in (4, 16)], [4, 16])


def test_the_model_sets_own_status_stays_apart() -> None:
    assert answer(["Về xây dựng xã nông thôn mới kiểu mẫu, xã mới đạt tiêu chí 4, tiêu chí 16."]) == NOTHING


# ------------------------------------------------------------------ "these criteria" as the status's object


def test_a_list_takes_the_status_of_a_reason_with_these_criteria_as_its_object() -> None:
    items = ["Ban chưa bình xét các phần việc thuộc mục 04 (Điện); mục 16 (Văn hóa), do tới nay xã chưa "
             "đạt các tiêu chí này; những tiêu chí còn lại xã đều đã đạt."]
    assert answer(items)[:2] == ([n for n in range(1, 20) if n not in (4, 16)], [4, 16])


def test_a_plan_with_these_criteria_as_its_object_is_no_status() -> None:
    items = ["Ban chưa bình xét các phần việc thuộc mục 04 (Điện); mục 16 (Văn hóa), do năm tới xã mới "
             "phấn đấu đạt các tiêu chí này."]
    assert answer(items)[:2] == ([], [])


# ------------------------------------------------------------------ a verdict with a note on its records


def test_status_lines_whose_verdict_has_a_note_on_its_records() -> None:
    items = ["Bảng kiểm theo lĩnh vực:", "+ Thủy lợi (số 3) - Đạt, hồ sơ đủ;",
             "+ Điện (số 4) - Chưa đạt - thiếu minh chứng;", "+ Y tế (số 15) - Đạt / đã rà soát;",
             "- Văn hóa [Cơ bản đạt, chờ hoàn thiện hồ sơ]"]
    assert answer(items) == ([3, 15], [4], [16])


def test_a_verdict_with_a_measure_after_it_is_no_status_line() -> None:
    assert answer(["Nội dung rà soát:", "+ Điện (số 4) - Đạt - thiếu 20 hộ;"]) == NOTHING


# ------------------------------------------------------------------ a record said to be out of date


def test_a_count_recorded_then_said_to_be_out_of_date_is_no_claim() -> None:
    c = read(["Biểu mẫu gửi kèm Văn bản số 45/UBND ghi xã đạt 9 tiêu chí; đó là số liệu của lần báo cáo "
              "trước, chưa cập nhật.", "Số liệu chính xác: xã đạt 11 tiêu chí."])
    assert c.met_count_claimed == 11
    assert not [x for x in c.conflicts if x.kind == "count_claims_disagree"]


def test_a_count_recorded_without_being_called_out_of_date_stays_a_claim() -> None:
    c = read(["Biểu mẫu gửi kèm Văn bản số 45/UBND ghi xã đạt 9 tiêu chí.", "Số liệu chính xác: xã đạt 11 tiêu chí."])
    assert [x for x in c.conflicts if x.kind == "count_claims_disagree"]


# ------------------------------------------------------------------ a timeline with two rows of the report's year


_TIMELINE = [("Mốc", "Số tiêu chí đạt", "Ghi chú"), ("Hết quý I năm 2023", "15 tiêu chí", "Đầu năm"),
             ("{last}", "17 tiêu chí", "Chưa đạt: TC4 Điện; TC16 Văn hóa")]


def test_the_last_row_of_the_reports_year_is_the_count_now() -> None:
    rows = [tuple(cell.format(last="Tính đến 20/6/2023") for cell in row) for row in _TIMELINE]
    c = read(["Tiến độ theo quý:", rows])
    assert (c.met_count_claimed, sorted(c.unmet)) == (17, [4, 16])
    assert sorted(c.met) == [n for n in range(1, 20) if n not in (4, 16)]


def test_a_date_of_another_year_in_the_last_row_is_no_count_now() -> None:
    rows = [tuple(cell.format(last="Tính đến 20/6/2021") for cell in row) for row in _TIMELINE]
    c = read(["Tiến độ theo quý:", rows])
    assert (c.met_count_claimed, sorted(c.unmet)) == (15, [])


# ------------------------------------------------------------------ a wrapped line made a paragraph


def test_a_statement_wrapped_over_paragraphs_in_lower_case_is_read_as_one() -> None:
    items = ["- Kết quả chung: xã đạt 17/19 tiêu chí, hai tiêu chí chưa",
             "đạt là tiêu chí 4, tiêu chí 16; các tiêu chí khác", "đều đã đạt chuẩn."]
    assert answer(items)[:2] == ([n for n in range(1, 20) if n not in (4, 16)], [4, 16])


def test_a_list_item_after_an_opening_is_no_wrapped_line() -> None:
    items = ["Các tiêu chí chưa đạt gồm", "o tiêu chí 4 đạt 90% hộ dùng điện.", "o Văn hóa."]
    assert 4 not in answer(items)[0]
