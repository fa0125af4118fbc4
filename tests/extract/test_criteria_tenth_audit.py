"""Criteria forms the reader missed (audit of the tenth held-out bank):

- a tick or cross before a verdict ("√ đạt", "× chưa đạt") in a cell, after a label, after a name;
- result columns headed "Mức độ hiện nay" (the level now) and "Xã tự khai" (the commune declared);
- names after a field word in quotes ("lĩnh vực “Y tế”"), after "tiêu chí có tên", numbered
  with a slash ("07/ Chợ; 12/ Lao động"), a range with an arrow ("6→8"), names after a count and
  a dash ("15 tiêu chí — Quy hoạch; ...");
- a questionnaire: "đã đạt bao nhiêu tiêu chí? Là những tiêu chí nào?" answered below;
- "Có điều, <names> thì tôi thấy chưa đạt" (a reservation), "giữ vững mức đạt" (keeps its met
  level), "còn “nợ”" (still owed), "hoàn thành nốt" (still to finish), "phần còn lại" (the
  rest), "thì nay đã là 13/19 tiêu chí" (the count now after an earlier one), "tập trung cho
  <criteria>" (work still to do), "đủ 19/19 tiêu chí" (the whole set);
- a district's table with a row per commune: only the report's own commune's row.

Every statement is written for these tests (none is copied from a report). The report is of
2023, its commune "Thử Nghiệm"; the set has 19 criteria.
"""
from __future__ import annotations

import pytest

from tests.extract.test_criteria_unseen_forms import ALL, NOTHING, answer, but, read

# ------------------------------------------------------------------ ticks and crosses


def test_a_tick_after_a_sections_label_is_its_verdict() -> None:
    items = ["4. Tiêu chí số 4 về Điện", "- Toàn xã có 2.110 hộ dùng điện an toàn.", "+ Ý kiến của thôn trưởng: √ đạt"]
    assert answer(items) == ([4], [], [])


def test_a_cross_after_a_sections_label_is_its_verdict() -> None:
    items = ["10. Tiêu chí số 10 về Thu nhập", "- Thu nhập bình quân 52 triệu đồng.", "- Xã tự chấm: × chưa đạt"]
    assert answer(items) == ([], [10], [])


def test_a_tick_before_a_measure_is_no_verdict() -> None:
    items = ["4. Tiêu chí số 4 về Điện", "- Tỷ lệ hộ dùng điện: √ đạt 97%"]
    assert answer(items) == NOTHING


def test_status_lines_with_an_arrow_and_a_mark() -> None:
    items = ["Các tiêu chí của xã như sau:", "TC.04 Điện → √ đạt", "TC.10 Thu nhập → × chưa đạt",
             "TC.15 Y tế → Đạt (có hồ sơ)"]
    assert answer(items) == ([4, 15], [10], [])


_MARK_TABLE = [("Mã TC", "Nội dung", "{head}"), ("4", "Điện", "√ đạt"), ("10", "Thu nhập", "× chưa đạt"),
               ("15", "Y tế", "Đạt (có hồ sơ)")]


@pytest.mark.parametrize("head", ["Mức độ hiện nay", "Xã tự khai", "Kết quả"])
def test_marked_verdict_cells_under_a_result_header(head: str) -> None:
    rows = [tuple(cell.format(head=head) for cell in row) for row in _MARK_TABLE]
    assert answer(["Bảng mức độ đạt các tiêu chí:", rows]) == ([4, 15], [10], [])


# ------------------------------------------------------------------ list forms


@pytest.mark.parametrize("names", [
    "lĩnh vực “Thu nhập”; lĩnh vực “Y tế”",
    "tiêu chí có tên “Thu nhập”, tiêu chí có tên “Y tế”",
    "10/ Thu nhập; 15/ Y tế",
])
def test_names_of_the_unmet_in_their_forms(names: str) -> None:
    assert answer([f"Xã đã đạt 17/19 tiêu chí; các tiêu chí chưa đạt gồm {names}."]) == (but(10, 15), [10, 15], [])


def test_names_of_another_year_set_nothing() -> None:
    assert answer(["Năm 2020, các tiêu chí chưa đạt gồm lĩnh vực “Thu nhập”; lĩnh vực “Y tế”."]) == NOTHING


def test_a_name_in_quotes_without_a_field_word_is_not_read_as_one() -> None:
    # "tên" alone (a name) introduces no criterion
    assert answer(["Xã chưa đạt tên “Y tế” của trạm."]) == NOTHING


def test_a_range_with_an_arrow() -> None:
    assert answer(["Xã đạt 16/19 tiêu chí; chưa đạt là các tiêu chí 6→8."]) == (but(6, 7, 8), [6, 7, 8], [])


def test_names_after_a_count_and_a_dash() -> None:
    c = read(["Các tiêu chí xã đã đạt: 3 tiêu chí — Quy hoạch; Giao thông; Điện."])
    assert (sorted(c.met), c.met_count_claimed) == ([1, 2, 4], 3)


# ------------------------------------------------------------------ a questionnaire


def test_a_count_question_answered_in_the_next_line() -> None:
    items = ["Hỏi: Đến nay xã đạt bao nhiêu tiêu chí? Đó là những tiêu chí nào?",
             "Đáp: 17 tiêu chí — tất cả trừ hai tiêu chí dưới đây.",
             "Hỏi: Những tiêu chí nào xã chưa đạt?",
             "Đáp: 02 tiêu chí, gồm tiêu chí mang số 10 và tiêu chí mang số 15."]
    c = read(items)
    assert (sorted(c.met), sorted(c.unmet), c.met_count_claimed) == (but(10, 15), [10, 15], 17)


def test_a_question_of_households_waits_for_no_list() -> None:
    items = ["Hỏi: Có bao nhiêu hộ đạt chuẩn nhà ở?", "Đáp: 1.240 hộ, gồm các thôn Đông, Tây."]
    assert answer(items) == NOTHING


# ------------------------------------------------------------------ spoken forms


def test_a_reservation_after_a_count() -> None:
    items = ["Bà con thấy xã đạt 17/19 tiêu chí thì vui lắm.",
             "Có điều, lĩnh vực “Thu nhập”; lĩnh vực “Y tế” thì tôi thấy chưa đạt thật, mong xã quan tâm."]
    assert answer(items) == (but(10, 15), [10, 15], [])


def test_a_condition_is_no_reservation() -> None:
    assert answer(["Có điều kiện thì Thu nhập; Y tế sẽ đạt trong năm tới."]) == NOTHING


def test_criteria_that_keep_their_met_level() -> None:
    text = "Tháng này: tiêu chí số 2, tiêu chí số 4 giữ vững mức đạt; tiêu chí số 10 chưa đạt."
    assert answer([text]) == ([2, 4], [10], [])


@pytest.mark.parametrize("text", [
    "Năm tới phấn đấu tiêu chí số 2, tiêu chí số 4 giữ vững mức đạt.",
    "Tiêu chí số 4 giữ vững mức đạt 98% hộ dùng điện.",
])
def test_a_met_level_to_keep_or_measured_is_no_status(text: str) -> None:
    assert answer([text]) == NOTHING


def test_criteria_still_owed_in_quotes() -> None:
    items = ["Xã đạt 17/19 tiêu chí.", "Các tiêu chí còn “nợ” là tiêu chí số 10; tiêu chí số 15."]
    assert answer(items) == (but(10, 15), [10, 15], [])


def test_criteria_still_to_finish_in_a_wish() -> None:
    text = "Xã ta đạt 17 tiêu chí; bà con mong sớm hoàn thành nốt các tiêu chí 10 và 15."
    assert answer([text]) == (but(10, 15), [10, 15], [])


def test_criteria_finished_off_are_met() -> None:
    assert answer(["Trong năm 2023 xã đã hoàn thành nốt các tiêu chí 10 và 15."]) == ([10, 15], [], [])


def test_the_count_now_after_an_earlier_one_and_the_rest() -> None:
    text = ("Nếu như cuối năm 2021 xã mới có 12/19 tiêu chí thì nay đã là 17/19 tiêu chí; phần còn lại, "
            "tiêu chí số 10 và tiêu chí số 15, được giao cho các ban phụ trách.")
    c = read([text])
    assert (sorted(c.met), sorted(c.unmet), c.met_count_claimed) == (but(10, 15), [10, 15], 17)


def test_the_count_of_an_earlier_year_alone_is_no_claim() -> None:
    c = read(["Cuối năm 2021 xã đã là 12/19 tiêu chí theo báo cáo của huyện."])
    assert c.met_count_claimed is None


def test_the_rest_with_a_status_of_its_own() -> None:
    text = "Xã chưa đạt tiêu chí số 10, tiêu chí số 15; phần còn lại, đều đạt từ trước."
    assert answer([text])[1] == [10, 15]  # the rest is not unmet


def test_criteria_the_work_focuses_on_are_unmet() -> None:
    items = ["Tổng số tiêu chí đạt của xã giữ nguyên là 17/19 tiêu chí.",
             "Kết luận: tập trung cho TC-10 “Thu nhập”, TC-15 “Y tế”, báo cáo lại tiến độ vào tuần sau."]
    assert answer(items) == (but(10, 15), [10, 15], [])


@pytest.mark.parametrize("text", [
    "Kết luận: tập trung cho công tác tuyên truyền ở 10 thôn.",
    "Kết luận: tập trung cho 10/19 thôn còn khó khăn.",
])
def test_a_focus_on_anything_else_is_no_status(text: str) -> None:
    assert answer([text]) == NOTHING


def test_a_focus_in_the_plan_part_is_a_target() -> None:
    items = ["II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024", "- Tập trung cho tiêu chí số 10 và tiêu chí số 15."]
    assert answer(items) == NOTHING


# ------------------------------------------------------------------ a table of communes

_HEAD = ("Xã", "Số tiêu chí đạt", "Tiêu chí còn thiếu")


def test_the_own_communes_row_of_a_ranking() -> None:
    rows = [_HEAD, ("Hòa Bình", "18/19 tiêu chí", "9"), ("Thử Nghiệm", "17/19 tiêu chí", "10, 15")]
    c = read(["Bảng so sánh tiến độ giữa các xã:", rows])
    assert (sorted(c.met), sorted(c.unmet), c.met_count_claimed) == (but(10, 15), [10, 15], 17)


def test_a_ranking_without_the_own_commune_says_nothing() -> None:
    rows = [_HEAD, ("Hòa Bình", "18/19 tiêu chí", "9"), ("Tân Lập", "17/19 tiêu chí", "10, 15")]
    c = read(["Bảng so sánh tiến độ giữa các xã:", rows])
    assert (answer(["Bảng so sánh tiến độ giữa các xã:", rows]), c.met_count_claimed) == (NOTHING, None)


def test_the_own_communes_result_sentence_in_a_ranking() -> None:
    rows = [("Đơn vị", "Kết quả xếp hạng"), ("Hòa Bình", "16 trên 19 tiêu chí"),
            ("Thử Nghiệm", "đủ 19/19 tiêu chí, đứng đầu huyện")]
    assert answer(["Xếp hạng các xã:", rows]) == (ALL, [], [])


def test_another_communes_full_set_in_a_ranking_is_not_the_reports() -> None:
    rows = [("Đơn vị", "Kết quả xếp hạng"), ("Hòa Bình", "đủ 19/19 tiêu chí"),
            ("Thử Nghiệm", "16 trên 19 tiêu chí")]
    assert answer(["Xếp hạng các xã:", rows]) == NOTHING


def test_not_the_full_set() -> None:
    assert read(["Xã chưa đủ 19/19 tiêu chí để đề nghị công nhận."]).met_count_claimed is None


# ------------------------------------------------------------------ then and now


def test_back_when_the_commune_began_is_a_baseline() -> None:
    c = read(["Ông nội kể hồi xã mới bắt đầu làm nông thôn mới, xã chỉ đạt 5 tiêu chí.",
              "Nay xã đã đạt tới 17/19 tiêu chí."])
    assert c.met_count_claimed == 17


def test_how_far_the_count_got_is_the_count() -> None:
    assert read(["Đến nay xã đã đạt tới 16/19 tiêu chí."]).met_count_claimed == 16


def test_how_far_a_measure_got_is_no_count() -> None:
    assert read(["Tỷ lệ hộ dùng nước sạch đã đạt tới 16/19 thôn."]).met_count_claimed is None
