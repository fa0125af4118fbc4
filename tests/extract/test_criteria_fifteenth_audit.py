"""Criteria forms the reader missed (audit of the fifteenth held-out bank):

- names in curly single quotes, each after its own "tiêu chí" ("tiêu chí ‘Điện’; tiêu chí ‘Y
  tế’ chưa đạt"): one list, the status after the last governs all;
- a list whose verdict follows a comma and a word of persistence and closes the clause
  ("kiểm tra lại Điện, Y tế, vẫn chưa đạt");
- criteria put first as the topic of a clause after ':' or ';' ("Trả lời: về Y tế, xã mới cơ
  bản đạt; về số 04 – Điện, xã chưa đạt");
- references written "TC#7";
- "not every criterion is met" ("Không phải tất cả tiêu chí đều đạt: ...") names the unmet ones
  and makes none met.

Every statement is written for these tests (none is copied from a report). The report is of
2023, its commune "Thử Nghiệm"; the set has 19 criteria.
"""
from __future__ import annotations

from tests.extract.test_criteria_unseen_forms import NOTHING, answer, but, read

# ------------------------------------------------------------------ quoted names, each restated


def test_quoted_names_each_after_tieu_chi_take_the_status_after_the_last() -> None:
    items = ["Vướng nhất hiện giờ là tiêu chí ‘Điện’; tiêu chí ‘Thu nhập’; tiêu chí ‘Y tế’ vẫn chưa đạt."]
    assert answer(items) == ([], [4, 10, 15], [])


def test_quoted_names_in_double_quotes_give_the_same() -> None:
    items = ["Vướng nhất hiện giờ là tiêu chí “Điện”; tiêu chí “Thu nhập”; tiêu chí “Y tế” vẫn chưa đạt."]
    assert answer(items) == ([], [4, 10, 15], [])


def test_quoted_names_then_these_criteria_with_a_count() -> None:
    items = ["Ông Chủ tịch cho biết xã có 16/19 tiêu chí đạt chuẩn; gian nan nhất là tiêu chí ‘Điện’; "
             "tiêu chí ‘Thu nhập’; tiêu chí ‘Y tế’, ba tiêu chí này đến nay vẫn chưa đạt."]
    assert answer(items) == (but(4, 10, 15), [4, 10, 15], [])


def test_quoted_names_met_when_the_status_says_so() -> None:
    items = ["Năm nay xã làm xong tiêu chí ‘Điện’; tiêu chí ‘Thu nhập’, hai tiêu chí này đã đạt."]
    assert answer(items) == ([4, 10], [], [])


# ------------------------------------------------------------------ a verdict after a comma


def test_a_verdict_after_a_comma_closing_the_clause() -> None:
    items = ["Xã đạt 17/19 tiêu chí.",
             "Chiều thứ Năm: về thôn Đông xem lại số 04 – Điện; số 15 – Y tế, vẫn chưa đạt, báo cáo lãnh đạo."]
    assert answer(items) == (but(4, 15), [4, 15], [])


def test_a_verdict_after_a_comma_with_time_words() -> None:
    items = ["Đã rà soát tiêu chí 4, tiêu chí 15, hiện vẫn chưa đạt."]
    assert answer(items) == ([], [4, 15], [])


def test_a_met_verdict_after_a_comma() -> None:
    items = ["Đã rà soát tiêu chí 4, tiêu chí 15, hiện vẫn đạt."]
    assert answer(items) == ([4, 15], [], [])


def test_a_status_after_a_comma_before_a_list_is_that_lists() -> None:
    # "đã hoàn thành 4, vẫn chưa đạt 15": the second status governs the list after it
    assert answer(["Xã đã hoàn thành tiêu chí 4, vẫn chưa đạt tiêu chí 15."]) == ([4], [15], [])


def test_a_comma_without_a_word_of_persistence_is_no_verdict_gap() -> None:
    assert answer(["Đã rà soát tiêu chí 4, tiêu chí 15, chưa đạt kế hoạch vốn giao 90%."]) == NOTHING


# ------------------------------------------------------------------ a topic after ':' or ';'


def test_topics_of_clauses_after_a_colon_and_semicolons() -> None:
    items = ["Ý kiến trả lời cử tri: về thu nhập [số 10], xã mới cơ bản đạt; về số 04 – Điện; số 15 – Y tế, "
             "xã chưa đạt; các tiêu chí khác xã đã đạt đầy đủ."]
    assert answer(items) == (but(4, 10, 15), [4, 15], [10])


def test_topics_said_with_doi_voi_give_the_same() -> None:
    items = ["Ý kiến trả lời cử tri: đối với tiêu chí Thu nhập, xã mới cơ bản đạt; đối với số 04 – Điện; "
             "số 15 – Y tế, xã chưa đạt; các tiêu chí khác xã đã đạt đầy đủ."]
    assert answer(items) == (but(4, 10, 15), [4, 15], [10])


def test_topics_with_the_statuses_swapped() -> None:
    items = ["Ý kiến trả lời cử tri: về thu nhập [số 10], xã chưa đạt; về số 04 – Điện; số 15 – Y tế, "
             "xã mới cơ bản đạt; các tiêu chí khác xã đã đạt đầy đủ."]
    assert answer(items) == (but(4, 10, 15), [10], [4, 15])


def test_a_topic_with_a_plan_is_no_status() -> None:
    items = ["Ý kiến trả lời cử tri: về thu nhập [số 10], xã phấn đấu đạt vào năm 2025."]
    assert answer(items) == NOTHING


# ------------------------------------------------------------------ references "TC#7"


def test_references_written_with_a_hash() -> None:
    items = ["Xã đạt 14/19 tiêu chí, chưa đạt TC#3; TC#8 và từ TC#11 tới TC#13."]
    assert answer(items) == (but(3, 8, 11, 12, 13), [3, 8, 11, 12, 13], [])


def test_references_written_without_the_hash_give_the_same() -> None:
    items = ["Xã đạt 14/19 tiêu chí, chưa đạt TC3; TC8 và từ TC11 tới TC13."]
    assert answer(items) == (but(3, 8, 11, 12, 13), [3, 8, 11, 12, 13], [])


def test_references_with_a_hash_of_a_plan_are_no_status() -> None:
    assert answer(["Năm 2024 xã phấn đấu hoàn thành TC#3 và TC#8."]) == NOTHING


def test_a_hash_alone_is_no_reference() -> None:
    assert answer(["Xã có 3 tổ dân phố đạt chuẩn văn hóa, mã #12."]) == NOTHING


# ------------------------------------------------------------------ "not every criterion"


def test_not_every_criterion_names_the_unmet_ones() -> None:
    items = ["Không phải tất cả tiêu chí của xã đều đã đạt: tiêu chí 4; từ tiêu chí 11 tới tiêu chí 13 vẫn "
             "chưa đạt; những tiêu chí khác thì xã đã đạt."]
    assert answer(items) == (but(4, 11, 12, 13), [4, 11, 12, 13], [])


def test_not_every_criterion_without_the_rest_makes_none_met() -> None:
    items = ["Không phải mọi tiêu chí của xã đều hoàn thành: tiêu chí 4; tiêu chí 15."]
    assert answer(items) == ([], [4, 15], [])


def test_every_criterion_met_without_the_negation() -> None:
    assert answer(["Tất cả tiêu chí của xã đều đã đạt."]) == (list(range(1, 20)), [], [])


# ------------------------------------------------------------------ names in a clause of reason


def test_names_in_a_clause_of_reason_take_the_status_after_them() -> None:
    items = ["Xã đạt 17/19 tiêu chí; xã chưa được công nhận vì Điện [số 4], Y tế [số 15] chưa đạt, do thiếu vốn."]
    assert answer(items) == (but(4, 15), [4, 15], [])


def test_names_in_a_clause_of_reason_said_boi_vi_give_the_same() -> None:
    items = ["Xã đạt 17/19 tiêu chí; xã chưa được công nhận bởi vì Điện [số 4], Y tế [số 15] chưa đạt."]
    assert answer(items) == (but(4, 15), [4, 15], [])


def test_names_in_a_clause_of_reason_without_a_status_are_none() -> None:
    items = ["Xã đạt 17/19 tiêu chí; xã chưa được công nhận vì Điện [số 4], Y tế [số 15] còn khó khăn."]
    assert answer(items) == ([], [], [])


# ------------------------------------------------------------------ the rest, in other words


def test_the_rest_said_con_lai_la_dat_ca() -> None:
    items = ["Xã còn thiếu 2 tiêu chí, là tiêu chí 4 và tiêu chí 15, còn lại là đạt cả."]
    assert answer(items) == (but(4, 15), [4, 15], [])


def test_the_rest_said_may_cai_khac_dat_het() -> None:
    items = ["Tiêu chí Điện, tiêu chí Y tế thì chưa đạt, mấy cái khác đạt hết rồi ạ."]
    assert answer(items) == (but(4, 15), [4, 15], [])


def test_the_rest_of_a_spoken_line_unmet_when_it_says_so() -> None:
    items = ["Tiêu chí Điện, tiêu chí Y tế thì đạt rồi, mấy cái khác chưa đạt hết ạ."]
    assert answer(items) == ([4, 15], but(4, 15), [])


def test_the_rest_found_by_the_team() -> None:
    items = ["Thứ nhất, tiêu chí 4 và tiêu chí 15 chưa đạt.",
             "Thứ hai, đối với các tiêu chí khác, đoàn thấy xã đã đạt, không có ý kiến gì thêm."]
    assert answer(items) == (but(4, 15), [4, 15], [])


def test_the_rest_resting_on_its_dossier() -> None:
    items = ["Tiêu chí 4, tiêu chí 15 chưa đạt; các tiêu chí còn lại đã đủ hồ sơ và đạt."]
    assert answer(items) == (but(4, 15), [4, 15], [])


def test_the_rest_whose_dossier_is_only_being_made_is_no_status() -> None:
    items = ["Tiêu chí 4, tiêu chí 15 chưa đạt; các tiêu chí còn lại đang hoàn thiện hồ sơ để đạt."]
    assert answer(items) == ([], [4, 15], [])


# ------------------------------------------------------------------ hedges and reasons before a verdict


def test_a_status_said_moi_goi_la() -> None:
    assert answer(["Tiêu chí Điện mới gọi là cơ bản đạt thôi."]) == ([], [], [4])


def test_a_lack_and_its_consequence_before_the_status() -> None:
    items = ["Hồ sơ tiêu chí ‘Điện’ còn thiếu biên bản nghiệm thu nên Phòng tạm ghi là cơ bản đạt."]
    assert answer(items) == ([], [], [4])


def test_a_lack_and_its_consequence_before_an_unmet_status() -> None:
    items = ["Hồ sơ tiêu chí ‘Điện’ còn thiếu biên bản nghiệm thu nên Phòng tạm ghi là chưa đạt."]
    assert answer(items) == ([], [4], [])


def test_a_lack_and_a_plan_after_it_is_no_status() -> None:
    items = ["Hồ sơ tiêu chí ‘Điện’ còn thiếu biên bản nghiệm thu nên xã phấn đấu hoàn thành trong năm 2024."]
    assert answer(items) == NOTHING


# ------------------------------------------------------------------ a form's prompts and lines


def test_a_prompt_asking_for_names_opens_the_answer_list() -> None:
    items = ["Câu 3: Liệt kê các tiêu chí xã đã đạt. Đáp: tiêu chí 2, tiêu chí 5 và tiêu chí 9."]
    assert answer(items) == ([2, 5, 9], [], [])


def test_a_prompt_asking_for_the_names_of_the_unmet() -> None:
    items = ["Câu 4: Số lượng, tên các tiêu chí chưa đạt? Đáp: 2 tiêu chí — tiêu chí ‘Điện’; tiêu chí ‘Y tế’."]
    assert answer(items) == ([], [4, 15], [])


def test_a_prompt_asking_for_names_of_a_plan_is_no_status() -> None:
    items = ["Câu 5: Kể tên các tiêu chí xã phấn đấu đạt năm 2024. Đáp: tiêu chí 2, tiêu chí 5."]
    assert answer(items) == NOTHING


def test_a_line_naming_a_criterion_and_its_number_over_its_mark() -> None:
    items = ["Phần II. Tự đánh giá:", "Điện, số 4:", "Ý kiến: Đạt, có biên bản", "Y tế, số 15:",
             "Ý kiến: Chưa đạt, còn thiếu hồ sơ"]
    assert answer(items) == ([4], [15], [])


def test_the_same_lines_with_the_name_in_lower_case() -> None:
    items = ["Phần II. Tự đánh giá:", "điện, số 4:", "Ý kiến: Đạt, có biên bản", "y tế, số 15:",
             "Ý kiến: Chưa đạt, còn thiếu hồ sơ"]
    assert answer(items) == ([4], [15], [])


def test_a_line_naming_a_criterion_with_another_number_names_none() -> None:
    items = ["Phần II. Tự đánh giá:", "Điện, số 9:", "Ý kiến: Đạt, có biên bản"]
    assert answer(items) == NOTHING


def test_a_line_naming_a_criterion_and_its_mark_in_one() -> None:
    items = ["Điện, số 4: đánh dấu: Đạt, có biên bản", "Y tế, số 15: đánh dấu: Chưa đạt – còn thiếu hồ sơ"]
    assert answer(items) == ([4], [15], [])


def test_a_pair_of_boxes_gives_the_ticked_ones_status() -> None:
    items = ["Điện, số 4:", "Ý kiến: ☒ Đạt  ☐ Chưa đạt", "Y tế, số 15:", "Ý kiến: ☐ Đạt  ☒ Chưa đạt"]
    assert answer(items) == ([4], [15], [])


def test_a_pair_of_boxes_in_the_other_order() -> None:
    items = ["Điện, số 4:", "Ý kiến: ☐ Chưa đạt ☒ Đạt", "Y tế, số 15:", "Ý kiến: ☒ Chưa đạt ☐ Đạt"]
    assert answer(items) == ([4], [15], [])


def test_a_pair_of_boxes_none_ticked_gives_nothing() -> None:
    assert answer(["Điện, số 4:", "Ý kiến: ☐ Đạt  ☐ Chưa đạt"]) == NOTHING


def test_a_verdict_with_what_is_kept_after_va() -> None:
    assert answer(["Tiêu chí số 4 - Điện:", "Ý kiến: Đạt và giữ vững"]) == ([4], [], [])


def test_a_verdict_with_a_plan_after_va_is_no_verdict() -> None:
    assert answer(["Tiêu chí số 4 - Điện:", "Ý kiến: Đạt và phấn đấu nâng chuẩn"]) == NOTHING


# ------------------------------------------------------------------ tables of an inspection

_ROWS = [("4", "Điện", "X", "", ""), ("10", "Thu nhập", "", "", "X"), ("15", "Y tế", "", "X", "")]


def test_a_checklist_with_marks_under_worded_levels() -> None:
    head = ("Thứ tự", "Nội dung đánh giá", "Đạt trọn vẹn", "Đạt một phần (cơ bản)", "Không/chưa đạt")
    assert answer(["Kết quả kiểm tra tại hiện trường:", [head, *_ROWS]]) == ([4], [10], [15])


def test_the_same_checklist_with_plain_headers() -> None:
    head = ("STT", "Tên tiêu chí", "Đạt", "Cơ bản đạt", "Chưa đạt")
    assert answer(["Kết quả kiểm tra tại hiện trường:", [head, *_ROWS]]) == ([4], [10], [15])


def test_the_checklist_with_the_marks_moved() -> None:
    head = ("Thứ tự", "Nội dung đánh giá", "Đạt trọn vẹn", "Đạt một phần (cơ bản)", "Không/chưa đạt")
    rows = [("4", "Điện", "", "", "X"), ("10", "Thu nhập", "X", "", ""), ("15", "Y tế", "X", "", "")]
    assert answer(["Kết quả kiểm tra tại hiện trường:", [head, *rows]]) == ([10, 15], [4], [])


def test_met_in_part_without_the_basic_level_is_not_basically_met() -> None:
    head = ("Thứ tự", "Nội dung đánh giá", "Đạt trọn vẹn", "Đạt một phần", "Không/chưa đạt")
    assert answer(["Kết quả kiểm tra tại hiện trường:", [head, *_ROWS]])[2] == []


_VERDICTS = [("4", "Điện", "Theo Bộ tiêu chí", "Đạt, có biên bản"),
             ("10", "Thu nhập", "Theo Bộ tiêu chí", "Chưa đạt, đang làm tiếp"),
             ("15", "Y tế", "Theo Bộ tiêu chí", "Đạt và giữ vững")]


def test_a_table_with_a_standard_column_and_an_assessment_column() -> None:
    head = ("Tiêu chí số", "Tên tiêu chí", "Chuẩn phải đạt", "Nhận định")
    assert answer(["Kết quả kiểm tra tại hiện trường:", [head, *_VERDICTS]]) == ([4, 15], [10], [])


def test_the_same_table_headed_ket_qua() -> None:
    head = ("Tiêu chí số", "Tên tiêu chí", "Chuẩn phải đạt", "Kết quả")
    assert answer(["Kết quả kiểm tra tại hiện trường:", [head, *_VERDICTS]]) == ([4, 15], [10], [])


def test_a_table_of_the_standard_alone_gives_nothing() -> None:
    head = ("Tiêu chí số", "Tên tiêu chí", "Chuẩn phải đạt")
    rows = [(n, name, "Đạt") for n, name, _, _ in _VERDICTS]
    assert answer(["Kết quả kiểm tra tại hiện trường:", [head, *rows]]) == NOTHING


# ------------------------------------------------------------------ two lists in one sentence


def test_items_numbered_in_brackets_then_names_after_a_conjunction() -> None:
    items = ["Sau rà soát, ngoài 14 tiêu chí đã đạt, xã còn (04) Điện; (10) Thu nhập ở mức cơ bản đạt và "
             "y tế [số 15], văn hóa [số 16], môi trường [số 17] chưa đạt."]
    assert answer(items) == (but(4, 10, 15, 16, 17), [15, 16, 17], [4, 10])


def test_the_same_with_the_levels_swapped() -> None:
    items = ["Sau rà soát, ngoài 14 tiêu chí đã đạt, xã còn (04) Điện; (10) Thu nhập chưa đạt và "
             "y tế [số 15], văn hóa [số 16], môi trường [số 17] ở mức cơ bản đạt."]
    assert answer(items) == (but(4, 10, 15, 16, 17), [4, 10], [15, 16, 17])


def test_names_after_a_conjunction_with_a_plan_are_no_status() -> None:
    items = ["Xã có (04) Điện; (10) Thu nhập chưa đạt và y tế [số 15], văn hóa [số 16] phấn đấu đạt năm 2024."]
    assert answer(items) == ([], [4, 10], [])


# ------------------------------------------------------------------ a year's share of the set


def test_a_years_share_of_the_set_is_its_met_count() -> None:
    items = ["Năm 2022: 14 trên 19 tiêu chí. Năm 2023: 16 trên 19 tiêu chí, nhiều hơn năm trước; các tiêu chí "
             "năm 2023 chưa đạt là số 04 – Điện; số 10 – Thu nhập; số 15 – Y tế."]
    c = read(items)
    assert (sorted(c.met), sorted(c.unmet), c.met_count_claimed) == (but(4, 10, 15), [4, 10, 15], 16)


def test_a_years_share_written_with_a_slash_gives_the_same() -> None:
    items = ["Năm 2022: 14/19 tiêu chí. Năm 2023: 16/19 tiêu chí, nhiều hơn năm trước; các tiêu chí "
             "năm 2023 chưa đạt là số 04 – Điện; số 10 – Thu nhập; số 15 – Y tế."]
    c = read(items)
    assert (sorted(c.met), sorted(c.unmet), c.met_count_claimed) == (but(4, 10, 15), [4, 10, 15], 16)


def test_the_share_of_an_earlier_year_alone_counts_nothing() -> None:
    c = read(["Năm 2022: 14 trên 19 tiêu chí, nhiều hơn năm trước."])
    assert (c.met_count_claimed, sorted(c.met)) == (None, [])


def test_a_years_share_with_a_plan_word_counts_nothing() -> None:
    c = read(["Năm 2023: 19 trên 19 tiêu chí theo kế hoạch."])
    assert (c.met_count_claimed, sorted(c.met)) == (None, [])


def test_a_pair_of_boxes_read_from_a_pdf_after_their_words() -> None:
    items = ["Điện, số 4:", "Ý kiến: Đạt Chưa đạt ☒ ☐", "Y tế, số 15:", "Ý kiến: Đạt Chưa đạt ☐ ☒"]
    assert answer(items) == ([4], [15], [])


def test_a_pair_of_boxes_read_from_a_pdf_before_their_words() -> None:
    head = ("Tiêu chí số", "Tên tiêu chí", "Kết quả")
    rows = [("4", "Điện", "☒ ☐ Đạt Chưa đạt"), ("15", "Y tế", "☐ ☒ Đạt Chưa đạt")]
    assert answer(["Kết quả kiểm tra tại hiện trường:", [head, *rows]]) == ([4], [15], [])


def test_boxes_of_a_pdf_none_ticked_give_nothing() -> None:
    assert answer(["Điện, số 4:", "Ý kiến: Đạt Chưa đạt ☐ ☐"]) == NOTHING


# ------------------------------------------------------------------ counts said "số lượng"


def test_a_count_said_so_luong_after_its_status() -> None:
    c = read(["+ Hàng đầu của mẫu: ĐÃ ĐẠT, số lượng 3 tiêu chí, gồm (02) Giao thông; (04) Điện; (15) Y tế."])
    assert (sorted(c.met), c.met_count_claimed) == ([2, 4, 15], 3)


def test_a_count_said_so_luong_of_the_unmet() -> None:
    c = read(["+ Hàng sau của mẫu: CHƯA ĐẠT, số lượng 2 tiêu chí, gồm (10) Thu nhập; (17) Môi trường."])
    assert (sorted(c.unmet), c.unmet_count_claimed, c.met_count_claimed) == ([10, 17], 2, None)


def test_a_row_label_saying_its_cell_is_the_count() -> None:
    rows = [("Nội dung", "Kết quả"), ("Tiêu chí đã đạt (số lượng)", "17 tiêu chí"),
            ("Tiêu chí chưa đạt (số lượng)", "2 tiêu chí")]
    c = read(["Bảng tổng hợp:", rows])
    assert (c.met_count_claimed, c.unmet_count_claimed) == (17, 2)


def test_a_row_label_of_a_plan_counts_nothing() -> None:
    rows = [("Nội dung", "Kết quả"), ("Tiêu chí phấn đấu đạt năm 2024 (số lượng)", "19 tiêu chí")]
    c = read(["Bảng tổng hợp:", rows])
    assert c.met_count_claimed is None
