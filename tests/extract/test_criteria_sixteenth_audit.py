"""Criteria forms the reader missed (audit of the sixteenth held-out bank):

- a list whose verdict follows an apposition saying it is the work left ("tiêu chí 8, 9 vẫn là
  phần việc còn lại, chưa đạt"): the verdict after the comma governs the list;
- references written "tiêu chí số hiệu 8" (the criterion's code number);
- references written "TC/08".

Every statement is written for these tests (none is copied from a report). The report is of
2023, its commune "Thử Nghiệm"; the set has 19 criteria.
"""
from __future__ import annotations

from tests.extract.test_criteria_unseen_forms import NOTHING, answer, but, read

# ------------------------------------------------------------------ the work left, then a verdict


def test_the_work_left_then_a_verdict_after_a_comma() -> None:
    items = ["Hết năm, xã có 16/19 tiêu chí đạt; tiêu chí 4, tiêu chí 10 và tiêu chí 15 "
             "vẫn là phần việc còn lại, chưa đạt."]
    assert answer(items) == (but(4, 10, 15), [4, 10, 15], [])


def test_the_work_left_unfinished_gives_the_same() -> None:
    items = ["Hết năm, xã có 16/19 tiêu chí đạt; các tiêu chí 4, 10, 15 "
             "là việc còn dang dở, chưa đạt."]
    assert answer(items) == (but(4, 10, 15), [4, 10, 15], [])


def test_the_work_left_with_a_plan_instead_of_a_verdict_states_nothing() -> None:
    items = ["Tiêu chí 4, tiêu chí 10 và tiêu chí 15 vẫn là phần việc còn lại, sẽ làm xong năm 2024."]
    assert answer(items) == NOTHING


def test_the_work_left_met_when_the_verdict_says_so() -> None:
    items = ["Tiêu chí 4, tiêu chí 10 và tiêu chí 15 là phần việc còn lại, đã đạt."]
    assert answer(items) == ([4, 10, 15], [], [])


# ------------------------------------------------------------------ "số hiệu", "TC/08"


def test_references_by_code_number() -> None:
    items = ["Hết năm, xã có 17/19 tiêu chí đạt; tiêu chí số hiệu 7 và tiêu chí số hiệu 12 chưa đạt."]
    assert answer(items) == (but(7, 12), [7, 12], [])


def test_references_by_code_number_in_a_list_and_a_range() -> None:
    items = ["Các tiêu chí số hiệu 7, số hiệu 12 chưa đạt; từ tiêu chí số hiệu 1 đến số hiệu 3 đã đạt."]
    assert answer(items) == ([1, 2, 3], [7, 12], [])


def test_references_by_code_number_met() -> None:
    items = ["Tiêu chí số hiệu 7 và tiêu chí số hiệu 12 đã đạt."]
    assert answer(items) == ([7, 12], [], [])


def test_references_with_a_slash() -> None:
    items = ["Hết năm, xã có 17/19 tiêu chí đạt; TC/07 và TC/12 chưa đạt."]
    assert answer(items) == (but(7, 12), [7, 12], [])


def test_references_with_a_slash_met() -> None:
    items = ["TC/07, TC/12 đã đạt trong năm 2023."]
    assert answer(items) == ([7, 12], [], [])


def test_a_slash_before_a_year_is_no_reference() -> None:
    items = ["Kế hoạch TC/2023 của xã chưa đạt."]
    assert answer(items) == NOTHING


def test_references_of_another_commune_are_not_ours() -> None:
    c = read(["Xã Bình An còn tiêu chí số hiệu 7 và tiêu chí số hiệu 12 chưa đạt."])
    assert sorted(c.unmet) == []


# ------------------------------------------------------------------ a board: status, dash, list


def test_a_board_of_statuses_each_before_a_dash() -> None:
    items = ["Tóm tắt trên bảng:", "ĐÃ ĐẠT — 16 tiêu chí", "CƠ BẢN ĐẠT — Thu nhập", "CHƯA ĐẠT — Điện; Văn hóa"]
    assert answer(items) == (but(4, 10, 16), [4, 16], [10])


def test_a_board_with_colons_gives_the_same() -> None:
    items = ["Tóm tắt trên bảng:", "Đã đạt: 16 tiêu chí", "Cơ bản đạt: Thu nhập", "Chưa đạt: Điện; Văn hóa"]
    assert answer(items) == (but(4, 10, 16), [4, 16], [10])


def test_a_board_with_en_dashes_and_a_hedged_status() -> None:
    items = ["ĐÃ ĐẠT – 16 tiêu chí", "MỚI CƠ BẢN ĐẠT – Thu nhập", "CHƯA ĐẠT – Điện, Văn hóa"]
    assert answer(items) == (but(4, 10, 16), [4, 16], [10])


def test_a_board_of_a_plan_states_nothing() -> None:
    items = ["SẼ ĐẠT — Điện; Văn hóa"]
    assert answer(items) == NOTHING


def test_a_board_line_met_when_it_says_so() -> None:
    items = ["ĐÃ ĐẠT — Điện; Văn hóa"]
    assert answer(items) == ([4, 16], [], [])


def test_a_count_before_a_dash_is_no_count_of_households() -> None:
    items = ["ĐÃ ĐẠT — 16 hộ", "CHƯA ĐẠT — Điện; Văn hóa"]
    assert answer(items) == ([], [4, 16], [])


# ------------------------------------------------------------------ "tiêu chí mang tên"


def test_names_each_after_tieu_chi_mang_ten() -> None:
    items = ["Xã đạt 17/19 tiêu chí; chưa đạt: tiêu chí mang tên “Điện”; tiêu chí mang tên “Văn hóa”."]
    assert answer(items) == (but(4, 16), [4, 16], [])


def test_names_after_tieu_chi_co_ten_give_the_same() -> None:
    items = ["Xã đạt 17/19 tiêu chí; chưa đạt: tiêu chí có tên “Điện”; tiêu chí có tên “Văn hóa”."]
    assert answer(items) == (but(4, 16), [4, 16], [])


def test_names_after_tieu_chi_mang_ten_newly_met() -> None:
    items = ["Năm 2023 xã đạt thêm tiêu chí mang tên “Điện” và tiêu chí mang tên “Văn hóa”."]
    assert answer(items) == ([4, 16], [], [])


# ------------------------------------------------------------------ "[13] Tổ chức sản xuất"


def test_bracketed_numbers_each_before_its_name() -> None:
    items = ["Xã đạt 17/19 tiêu chí; [04] Điện; [16] Văn hóa vẫn chưa đạt."]
    assert answer(items) == (but(4, 16), [4, 16], [])


def test_references_before_the_names_give_the_same() -> None:
    items = ["Xã đạt 17/19 tiêu chí; TC04 Điện; TC16 Văn hóa vẫn chưa đạt."]
    assert answer(items) == (but(4, 16), [4, 16], [])


def test_bracketed_numbers_before_names_met() -> None:
    items = ["Công nhận các tiêu chí đạt chuẩn gồm: [04] Điện; [16] Văn hóa."]
    assert answer(items) == ([4, 16], [], [])


def test_a_bracketed_number_of_a_source_is_no_reference() -> None:
    items = ["Căn cứ [2] Quyết định số 318, xã chưa đạt chuẩn nông thôn mới."]
    assert answer(items) == NOTHING


def test_a_bracketed_number_before_another_criterion_name_is_no_reference() -> None:
    items = ["Xã đạt 17/19 tiêu chí; [09] Điện vẫn chưa đạt."]
    assert 9 not in read(items).unmet


# ------------------------------------------------------------------ "N tiêu chí của xã <tên> đạt"


def test_a_count_of_the_commune_named_before_its_status() -> None:
    items = ["Quyết định công nhận 17 tiêu chí của xã Thử Nghiệm đạt chuẩn.", "Tiêu chí 4 và 16 chưa đạt."]
    assert answer(items) == (but(4, 16), [4, 16], [])


def test_a_count_of_the_commune_unnamed_gives_the_same() -> None:
    items = ["Quyết định công nhận 17 tiêu chí của xã đạt chuẩn.", "Tiêu chí 4 và 16 chưa đạt."]
    assert answer(items) == (but(4, 16), [4, 16], [])


def test_a_count_of_another_commune_is_not_ours() -> None:
    items = ["Quyết định công nhận 17 tiêu chí của xã Bình An đạt chuẩn.", "Tiêu chí 4 và 16 chưa đạt."]
    assert answer(items) == ([], [4, 16], [])
