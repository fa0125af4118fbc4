"""Criteria forms the reader missed (audit of the ninth held-out bank):

- a quoted remark naming what is left ("“Chỉ còn <names> là chúng tôi chưa làm được, ...”, ông
  ... chia sẻ."): those unmet, every other criterion met;
- a press comparison with a neighbour ("Nếu như xã bạn ... thì <commune> đến thời điểm này mới
  dừng ở con số 16 tiêu chí; <names> vẫn là “điểm nghẽn” chưa tháo gỡ được"): the count is the
  commune's, met; the names are unmet;
- "Chua đạt" (the marks of "chưa" lost in a marked scan): unmet.

Every statement is written for these tests (none is copied from a report). The report is of
2023, its commune "Thử Nghiệm"; the set has 19 criteria.
"""
from __future__ import annotations

from tests.extract.test_criteria_unseen_forms import NOTHING, answer, but, read

# ------------------------------------------------------------------ a quoted remark


def _remark(lead: str, said_by: str = "ông Bí thư Đảng ủy xã nói") -> list[str]:
    return [f"“{lead} Thu nhập / Y tế là chúng tôi chưa làm được, khó nhất là vốn đối ứng”, {said_by}."]


def test_what_is_left_in_a_quoted_remark() -> None:
    assert answer(_remark("Chỉ còn")) == (but(10, 15), [10, 15], [])


def test_what_is_left_in_an_earlier_year_is_no_status() -> None:
    assert answer(_remark("Năm 2020 chỉ còn")) == NOTHING


def test_what_is_left_as_a_goal_is_no_status() -> None:
    assert answer(_remark("Phấn đấu cuối năm chỉ còn")) == NOTHING


def test_a_remark_without_what_is_left_names_no_others() -> None:
    # "còn" alone (still) says nothing of the others
    assert answer(["“Thu nhập / Y tế là chúng tôi chưa làm được”, ông Bí thư nói."]) == NOTHING


def test_a_count_of_what_is_left_not_managed_is_still_read() -> None:
    c = read(["Thưa hội nghị, còn 1 tiêu chí chúng tôi chưa làm được, đó là Y tế; đây là tiêu chí khó."])
    assert (sorted(c.met), sorted(c.unmet)) == (but(15), [15])


# ------------------------------------------------------------------ a neighbour's comparison

_NEIGHBOUR = ("Nếu như xã bạn Hòa An đã cán mốc 17/19 tiêu chí thì Thử Nghiệm {when} mới dừng ở con số "
              "16 tiêu chí; Thu nhập / Y tế / Văn hóa vẫn là “điểm nghẽn” chưa tháo gỡ được.")


def test_a_count_got_to_beside_a_neighbour_and_the_bottleneck() -> None:
    c = read([_NEIGHBOUR.format(when="đến thời điểm này")])
    assert (sorted(c.met), sorted(c.unmet)) == (but(10, 15, 16), [10, 15, 16])
    assert c.met_count_claimed == 16


def test_a_condition_without_the_present_is_a_plan() -> None:
    # "nếu ... thì ... mới" without a present time: what would follow, no status
    c = read(["Nếu hoàn thành Thu nhập thì xã mới dừng ở con số 18 tiêu chí."])
    assert c.met_count_claimed is None


def test_a_count_got_to_in_an_earlier_year_is_no_claim() -> None:
    c = read(["Năm 2020 xã mới dừng ở con số 12 tiêu chí."])
    assert c.met_count_claimed is None


def test_a_count_got_to_of_households_is_no_claim() -> None:
    assert read(["Xã mới dừng ở con số 16 hộ đạt chuẩn."]).met_count_claimed is None


# ------------------------------------------------------------------ scan slips


def test_chua_without_marks_before_dat_is_unmet() -> None:
    c = read(["- Xã đã đạt 2 tiêu chí, gồm:", "+ Quy hoạch - tiêu chí 1", "+ Giao thông - tiêu chí 2",
              "- Chua đạt 2 tiêu chí, gồm:", "- TC 07 (Chợ nông thôn)", "- TC 10 (Thu nhập)"])
    assert (sorted(c.met), sorted(c.unmet)) == ([1, 2], [7, 10])
    assert (c.met_count_claimed, c.unmet_count_claimed) == (2, 2)


def test_chua_before_a_measure_is_no_status() -> None:
    assert answer(["Tiêu chí 10 Thu nhập chua đạt 50% kế hoạch."]) == NOTHING


# ------------------------------------------------------------------ "TC" for "tiêu chí"


def test_a_count_of_tc_with_its_names_in_brackets() -> None:
    met = ["Quy hoạch", "Giao thông", "Thủy lợi", "Điện", "Trường học", "Cơ sở vật chất văn hóa", "Chợ nông thôn",
           "Thông tin và Truyền thông", "Nhà ở dân cư", "Nghèo đa chiều", "Lao động", "Tổ chức sản xuất",
           "Giáo dục và Đào tạo", "Văn hóa", "Môi trường", "Hệ thống chính trị", "Quốc phòng và An ninh"]
    c = read(["- Số TC đạt: 17 TC (" + " / ".join(met) + ").",
              "- Số TC chưa đạt: 02 TC (Thu nhập / Y tế)."])
    assert (sorted(c.met), sorted(c.unmet)) == (but(10, 15), [10, 15])
    assert (c.met_count_claimed, c.unmet_count_claimed) == (17, 2)


def test_a_count_of_tc_of_an_earlier_year_is_no_status() -> None:
    assert answer(["- Số TC đạt năm 2020: 12 TC (Quy hoạch / Giao thông)."]) == NOTHING


def test_a_count_of_tc_planned_is_no_status() -> None:
    assert answer(["- Số TC phấn đấu đạt: 2 TC (Thu nhập / Y tế)."]) == NOTHING


# ------------------------------------------------------------------ pasted spreadsheet rows

_ROWS = [(1, "Quy hoạch", "Đ"), (2, "Giao thông", "Giữ vững"), (10, "Thu nhập", "CĐ"),
         (13, "Tổ chức sản xuất", "Còn thiếu chỉ tiêu"), (15, "Y tế", "CBĐ"),
         (16, "Văn hóa", "Đạt - đã được huyện thẩm định")]


def test_spreadsheet_rows_pasted_as_lines() -> None:
    lines = ["Bảng tổng hợp (dán từ bảng tính):"] + [f"{n}\t{name}\t{verdict}" for n, name, verdict in _ROWS]
    assert answer(lines) == ([1, 2, 16], [10, 13], [15])


def test_rows_written_with_a_dash_and_a_colon() -> None:
    lines = [f"Tiêu chi {n} - {name} : {verdict}" for n, name, verdict in _ROWS]
    assert answer(lines) == ([1, 2, 16], [10, 13], [15])


def test_a_row_whose_number_is_not_its_names_is_no_row() -> None:
    # "5 Thu nhập ..." is a count of something, not the row of criterion 10
    lines = [f"{n + 1}\t{name}\t{verdict}" for n, name, verdict in _ROWS]
    assert answer(lines) == NOTHING


def test_two_such_lines_are_no_table() -> None:
    assert answer([f"{n}\t{name}\t{verdict}" for n, name, verdict in _ROWS[:2]]) == NOTHING


def test_a_status_code_in_prose_is_no_status() -> None:
    assert answer(["Xã có 3 thôn Đ và 2 thôn CĐ về tiêu chí 10."]) == NOTHING


# ------------------------------------------------------------------ an inspection overruling a self-assessment


def test_an_inspection_verdict_overrules_the_self_assessment() -> None:
    assert answer(["Các tiêu chí 9; 12 với 14 xã tự đánh giá đạt nhưng chưa đủ hồ sơ, "
                   "Đoàn kiểm tra kết luận chưa đạt."]) == ([], [9, 12, 14], [])


def test_the_self_assessment_alone_stands() -> None:
    assert answer(["Các tiêu chí 9; 12 với 14 xã tự đánh giá đạt."]) == ([9, 12, 14], [], [])


def test_a_verdict_without_a_contrast_overrules_nothing() -> None:
    # the second verdict is of something else said after a comma, not a contrast
    assert answer(["Các tiêu chí 9; 12 xã tự đánh giá đạt, Đoàn kiểm tra kết luận chưa đạt hồ sơ 5 thôn."]) \
        == ([9, 12], [], [])


def test_a_verdict_planned_overrules_nothing() -> None:
    assert answer(["Các tiêu chí 9; 12 xã tự đánh giá đạt nhưng Đoàn sẽ kết luận sau khi phấn đấu đạt."]) \
        == ([9, 12], [], [])


# ------------------------------------------------------------------ a concession before the status; "TC mã"


def test_a_concession_before_the_status_of_a_list() -> None:
    assert answer(["- Các tiêu chí 10; 15 tuy đã có chuyển biến nhưng chưa thể đánh giá đạt; "
                   "những tiêu chí còn lại xã đều đã đạt."]) == (but(10, 15), [10, 15], [])


def test_a_concession_of_an_earlier_year_is_no_status() -> None:
    assert answer(["- Năm 2020, các tiêu chí 10; 15 tuy đã có chuyển biến nhưng chưa thể đánh giá đạt."]) == NOTHING


def test_criteria_by_their_code() -> None:
    assert answer(["- Hiện trạng: các tiêu chí xã chưa đạt: TC mã 06, TC mã 10, từ TC mã 17 tới TC mã 19."]) \
        == ([], [6, 10, 17, 18, 19], [])


def test_criteria_by_their_code_as_a_goal() -> None:
    assert answer(["- Mục tiêu: phấn đấu hoàn thành TC mã 06, TC mã 10."]) == NOTHING


# ------------------------------------------------------------------ a plan's object with a status of its own


def test_a_plans_object_named_with_its_status_is_counted() -> None:
    c = read(["- Cử tri đề nghị chính quyền sớm hoàn thành 3 tiêu chí còn chưa đạt là tiêu chí số 10; "
              "tiêu chí số 15 và tiêu chí số 17."])
    assert (sorted(c.unmet), c.unmet_count_claimed) == ([10, 15, 17], 3)


def test_a_plans_object_not_named_claims_no_count() -> None:
    assert read(["- Phấn đấu hoàn thành 3 tiêu chí chưa đạt."]).unmet_count_claimed is None


def test_a_plans_object_of_an_earlier_year_claims_no_count() -> None:
    c = read(["- Năm 2021, phấn đấu hoàn thành 3 tiêu chí còn chưa đạt là tiêu chí số 10; 15 và 17."])
    assert c.unmet_count_claimed is None


def test_a_level_in_quotes_is_basically_met() -> None:
    assert answer(["- 02 tiêu chí ở mức “cơ bản”: Thông tin và Truyền thông / Văn hóa; 02 tiêu chí chưa đạt: "
                   "tiêu chí Lao động, tiêu chí Y tế; các tiêu chí khác: đạt."]) \
        == (but(8, 12, 15, 16), [12, 15], [8, 16])


def test_a_level_in_quotes_of_an_earlier_year_is_no_status() -> None:
    assert answer(["- Năm 2021, 02 tiêu chí ở mức “cơ bản”: Thông tin và Truyền thông / Văn hóa."]) == NOTHING


# ------------------------------------------------------------------ abbreviations; a count in words


def test_abbreviated_names_after_a_count_in_words() -> None:
    c = read(["- Khi dự án bắt đầu, xã có 7 tiêu chí; nay đạt 15 trên 19 tiêu chí, còn thiếu bốn tiêu chí: "
              "Thu nhập, TCSX, MT&ATTP, HTCT&TCPL."])
    assert (sorted(c.met), sorted(c.unmet)) == (but(10, 13, 17, 18), [10, 13, 17, 18])
    assert (c.met_count_claimed, c.unmet_count_claimed) == (15, 4)


def test_abbreviated_names_of_an_earlier_year_are_no_status() -> None:
    assert answer(["- Năm 2021 xã đạt 15 trên 19 tiêu chí, còn thiếu bốn tiêu chí: Thu nhập, TCSX, MT&ATTP, "
                   "HTCT&TCPL."]) == NOTHING


def test_lacking_four_households_is_no_status() -> None:
    assert answer(["- Tiêu chí Nhà ở: còn thiếu bốn hộ chưa có nhà kiên cố."]) == NOTHING


def test_abbreviations_in_a_quoted_remark() -> None:
    assert answer(["“Chỉ còn HTCT&TCPL; QP&AN là chúng tôi chưa làm được”, ông Chủ tịch nói."]) \
        == (but(18, 19), [18, 19], [])
