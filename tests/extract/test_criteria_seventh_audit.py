"""Criteria forms the reader missed (audit of the seventh held-out bank):

- verdicts said as fitness, keeping, lack or a fall ("Đã đủ điều kiện công nhận", "Giữ vững,
  đạt", "Còn thiếu, chưa đạt", "Rớt chuẩn", "Chưa đáp ứng được yêu cầu", "Đáp ứng ở mức cơ bản",
  "Về cơ bản đạt yêu cầu");
- references abbreviated "t/chí 10", written "tiêu chí NTM thứ 10" or "TC NTM số 10"; names after
  a field word ("mảng Y tế", "lĩnh vực Thu nhập"), cut by " / ", with their own number as "(mã
  số 7)", "[TC10]" or "[số 15]";
- what is left ("chỉ còn 3 tiêu chí là ...", "còn 2 tiêu chí ..., đó là ..."): unmet, the other
  criteria met;
- a count restated at another time in its sentence ("năm 2022 con số này là 14/19; đến năm 2023
  đã là 17/19"), count rows under an opening ("+ Khởi điểm: 04 TC;", "+ Năm 2023: 3 tiêu chí,
  cụ thể ..."): the report's year decides;
- a question that opens the list its answer gives ("Hỏi: Những tiêu chí nào ... cơ bản đạt?"),
  a list item naming one criterion over a bare verdict ("• Điện" / "→ Đã đáp ứng"), lines opened
  by their status ("10) Chưa đạt (đang phấn đấu): Thu nhập"), names after a short label
  ("Hạn chế: ..."), a reservation or a consequence after a contrast ("Riêng ... nhưng ...");
- work going on before an unmet status ("đang thực hiện, chưa hoàn thành"), a count kept ("số
  tiêu chí xã giữ được là 18/19").

Every statement is written for these tests (none is copied from a report). The report is of
2023, its commune "Thử Nghiệm"; the set has 19 criteria.
"""
from __future__ import annotations

import pytest

from tests.extract.test_criteria_unseen_forms import NOTHING, Answer, Row, answer, but, read

# ------------------------------------------------------------------ verdict words


def _section(verdict: str) -> list[str | list[Row]]:
    return ["1. Tiêu chí số 4 về Điện", "- Hiện trạng: lưới điện bảo đảm an toàn.", f"- Nhận định chung: {verdict}"]


@pytest.mark.parametrize(("verdict", "expected"), [
    ("Đã đủ điều kiện công nhận", ([4], [], [])),
    ("Giữ vững, đạt", ([4], [], [])),
    ("Còn thiếu, chưa đạt", ([], [4], [])),
    ("Rớt chuẩn", ([], [4], [])),
    ("Chưa đáp ứng được yêu cầu", ([], [4], [])),
    ("Đáp ứng ở mức cơ bản", ([], [], [4])),
    ("Về cơ bản đạt yêu cầu", ([], [], [4])),
    # the negation turns fitness into its lack; a plan to keep it states nothing
    ("Chưa đủ điều kiện công nhận", ([], [4], [])),
    ("phấn đấu giữ vững, đạt trong năm 2024", NOTHING),
])
def test_verdicts_of_fitness_keeping_lack_and_fall(verdict: str, expected: Answer) -> None:
    assert answer(_section(verdict)) == expected


def test_no_criterion_fallen_is_no_unmet_status() -> None:
    assert answer(["Xã giữ vững 19/19 tiêu chí, không có tiêu chí nào bị rớt chuẩn."]) == (but(), [], [])


def test_a_fall_under_a_new_set_beside_the_count_kept() -> None:
    assert answer(["Do áp dụng bộ tiêu chí mới, tiêu chí Y tế (mã số 15) bị rớt chuẩn; "
                   "số tiêu chí xã giữ được là 18/19 tiêu chí."]) == (but(15), [15], [])


def test_a_title_kept_is_no_count() -> None:
    assert answer(["Xã giữ được danh hiệu đơn vị văn hóa."]) == NOTHING


# ------------------------------------------------------------------ references and names


@pytest.mark.parametrize("ref", ["t/chí {n}", "tiêu chí NTM thứ {n}", "TC NTM số {n}"])
def test_references_abbreviated_or_naming_the_programme(ref: str) -> None:
    unmet = ", ".join(ref.format(n=n) for n in (10, 15))
    assert answer([f"Tại buổi họp thôn, bà con được báo: xã đạt 17/19 tiêu chí; chưa đạt {unmet}."]) \
        == (but(10, 15), [10, 15], [])


def test_an_abbreviation_before_a_year_is_no_reference() -> None:
    assert answer(["Xã hoàn thành t/chí 2023."]) == NOTHING


def test_names_after_a_field_word() -> None:
    assert answer(["Đến nay xã đạt 17/19 tiêu chí, còn thiếu lĩnh vực Thu nhập; lĩnh vực Y tế."]) \
        == (but(10, 15), [10, 15], [])


def test_a_field_word_before_no_criterions_name() -> None:
    assert answer(["Xã đạt 18/19 tiêu chí; còn thiếu mảng xanh đô thị."]) == NOTHING


def test_names_cut_by_slashes() -> None:
    assert answer(["Kết quả: xã đã hoàn thành 17 tiêu chí; 2 tiêu chí chưa đạt gồm Thu nhập / Y tế."]) \
        == (but(10, 15), [10, 15], [])


def test_own_numbers_as_codes_and_in_square_brackets() -> None:
    assert answer(["Xã đạt 16/19 tiêu chí; tiêu chí Chợ nông thôn (mã số 7); tiêu chí Y tế (mã số 15) chưa đạt; "
                   "Thu nhập [TC10] cơ bản đạt."]) == (but(7, 10, 15), [7, 15], [10])


# ------------------------------------------------------------------ what is left


def test_what_is_left_is_unmet_and_the_rest_met() -> None:
    assert answer(["Đến nay, xã đã có 16 tiêu chí hoàn thành; chỉ còn 3 tiêu chí là t/chí 6, t/chí 10, t/chí 17 "
                   "đang tiếp tục phấn đấu."]) == (but(6, 10, 17), [6, 10, 17], [])
    assert answer(["Thưa hội nghị, còn 2 tiêu chí xã chưa làm được, đó là lĩnh vực Y tế; lĩnh vực Văn hóa."]) \
        == (but(15, 16), [15, 16], [])


def test_unmet_criteria_with_their_own_status_leave_the_rest_unsaid() -> None:
    assert answer(["Xã còn 2 tiêu chí chưa đạt là TC 10, TC 17."]) == ([], [10, 17], [])


def test_the_rest_in_a_plan_is_no_status() -> None:
    assert answer(["Năm 2024 phấn đấu hoàn thành 3 tiêu chí còn lại."]) == NOTHING


def test_the_others_with_their_count_in_brackets_are_met() -> None:
    c = read(["Xã đạt 17 tiêu chí; Thu nhập (TC 10) và Y tế (TC 15) chưa đạt. "
              "Các tiêu chí còn lại (17 tiêu chí) đều đã đạt."])
    assert (sorted(c.met), sorted(c.unmet)) == (but(10, 15), [10, 15])
    assert (c.met_count_claimed, c.unmet_count_claimed) == (17, None)


# ------------------------------------------------------------------ earlier years and baselines


def test_a_count_restated_for_the_reports_year() -> None:
    c = read(["Lúc mới bắt đầu, xã chỉ có 6 tiêu chí đạt; năm 2022 con số này là 14/19 tiêu chí; "
              "đến năm 2023 đã là 17/19 tiêu chí.", "Những tiêu chí xã còn nợ: lĩnh vực Thu nhập; lĩnh vực Y tế."])
    assert (sorted(c.met), sorted(c.unmet), c.met_count_claimed) == (but(10, 15), [10, 15], 17)


def test_a_count_restated_for_an_earlier_year_only_is_history() -> None:
    c = read(["Lúc mới bắt đầu, xã chỉ có 6 tiêu chí đạt; năm 2022 con số này là 14/19 tiêu chí."])
    assert (c.met, c.met_count_claimed) == ([], None)


def test_count_rows_under_an_opening() -> None:
    c = read(["Số tiêu chí đạt qua từng giai đoạn:", "+ Khởi điểm: 04 TC;",
              "+ Năm 2023: 3 tiêu chí, cụ thể TC 1, TC 2, TC 4;"])
    assert (sorted(c.met), c.met_count_claimed) == ([1, 2, 4], 3)


def test_a_count_row_of_an_earlier_year_claims_nothing() -> None:
    c = read(["Số tiêu chí đạt qua từng giai đoạn:", "+ Khởi điểm: 04 TC;",
              "+ Năm 2022: 3 tiêu chí, cụ thể TC 1, TC 2, TC 4;"])
    assert (c.met, c.met_count_claimed) == ([], None)


# ------------------------------------------------------------------ layouts


def test_a_question_opens_the_list_its_answer_gives() -> None:
    assert answer(["Hỏi: Những tiêu chí nào của xã còn ở mức cơ bản đạt?",
                   "Đáp: Đó là Y tế (TC 15). Ngoài ra Thu nhập (TC 10) chưa đạt. "
                   "Các tiêu chí còn lại (17 tiêu chí) đều đã đạt."]) == (but(10, 15), [10], [15])


def test_a_question_of_why_opens_no_list() -> None:
    assert answer(["Hỏi: Vì sao xã chưa đạt chuẩn?", "Đáp: Do tiêu chí 10 còn nhiều khó khăn."]) == NOTHING


def test_a_list_item_naming_one_criterion_over_its_verdict() -> None:
    assert answer(["PHỤ LỤC: KẾT QUẢ TỪNG TIÊU CHÍ", "• Điện", "  → Đã đáp ứng", "• Thu nhập",
                   "→ Còn thiếu, chưa đạt"]) == ([4], [10], [])


def test_a_list_item_naming_two_criteria_titles_no_verdict() -> None:
    assert answer(["PHỤ LỤC: KẾT QUẢ TỪNG TIÊU CHÍ", "• Điện, Y tế", "→ Đạt"]) == NOTHING


def test_lines_opened_by_their_status() -> None:
    assert answer(["Chi tiết:", "4) Đã đáp ứng: Điện", "10) Chưa đạt (đang phấn đấu): Thu nhập",
                   "15) Chưa đáp ứng được yêu cầu: Y tế"]) == ([4], [10, 15], [])


def test_a_line_opened_by_a_measure_is_no_status() -> None:
    assert answer(["Chi tiết:", "3) Đạt 95%: Thủy lợi"]) == NOTHING


def test_names_after_a_short_label() -> None:
    assert answer(["Hạn chế: Thu nhập / Y tế chưa cán đích, xã đang dồn sức."]) == ([], [10, 15], [])


def test_one_name_and_a_measure_after_a_label_state_nothing() -> None:
    assert answer(["Hạn chế: Thu nhập đạt 90%."]) == NOTHING


def test_a_reservation_or_a_consequence_after_a_contrast() -> None:
    assert answer(["Riêng mảng Y tế về cơ bản đã đáp ứng yêu cầu nhưng còn vài chỉ tiêu chưa bền."]) == ([], [], [15])
    assert answer(["Còn mảng Thu nhập; mảng Văn hóa vẫn chưa đáp ứng nên xã chưa đủ điều kiện về đích."]) \
        == ([], [10, 16], [])


def test_a_slide_whose_label_gives_the_count_opens_its_list() -> None:
    c = read(["▪ Tiêu chí chưa đạt: 2 tiêu chí", "o Thu nhập.", "- Y tế [số 15];"])
    assert (c.unmet, c.unmet_count_claimed) == ([10, 15], 2)


def test_work_going_on_before_the_unmet_status() -> None:
    assert answer(["Sáu tháng đầu năm, xã duy trì 16/19 tiêu chí đã đạt; các tiêu chí 10 ; 15 và 17 đang thực hiện, "
                   "chưa hoàn thành."]) == (but(10, 15, 17), [10, 15, 17], [])


def test_work_going_on_toward_a_plan_is_no_status() -> None:
    c = read(["Sáu tháng đầu năm, xã duy trì 16/19 tiêu chí đã đạt; các tiêu chí 10 ; 15 và 17 đang thực hiện, "
              "phấn đấu hoàn thành trong năm 2024."])
    assert (c.met, c.unmet, c.met_count_claimed) == ([], [], 16)


def test_a_list_item_naming_one_criterion_titles_the_next_line_only() -> None:
    assert answer(["PHỤ LỤC: KẾT QUẢ TỪNG TIÊU CHÍ", "• Điện", "Lưới điện được cải tạo trong năm.",
                   "→ Đã đáp ứng"]) == NOTHING
