"""Criteria forms the reader missed (audit of the eighth held-out bank):

- tables: a tick "■" in a mark column, a verdict cell closed by a remark in brackets, a count
  table whose list cell holds names alone ("Gồm Quy hoạch; Điện"), a row going on with the list
  above, a header row a PDF text layer left as a table of its own;
- verdict lines closed by a mark or a short remark ("Đạt √", "Chưa đạt - đang hoàn thiện");
- plans: "Nghị quyết ... đề ra: ...", "chỉ tiêu giao", "nhiệm kỳ tới"; a keep verb after a
  result label's colon is a result ("Kết quả quý III: giữ vững 16/19 tiêu chí");
- what is left: "chỉ còn <list> là chưa đạt", "N tiêu chí còn lại đều đã đạt", a bare "còn lại"
  after a comma, the others "không có vướng mắc, đều đạt";
- lists: a range after "từ", "còn thiếu TC <name>", names of the criteria members are in charge
  of, a status through "các tiêu chí này" later in the sentence (overruling a self-assessment
  after a contrast), a status an earlier list took ends the reach of those before it;
- counts after a label in brackets ("(tiêu chí chưa đạt): 3 TC"), "chưa được thẩm tra đạt";
- a correction (đính chính): the corrected count or status is the report's;
- a comparison with last year ("như năm trước") sets no earlier time;
- an officer's message typed without marks, quoted in a marked report, is read folded.

Every statement is written for these tests (none is copied from a report). The report is of
2023, its commune "Thử Nghiệm"; the set has 19 criteria.
"""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, CellPosition, CriteriaStatus, Document
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.extract.period import outline_to_period
from extractor.structure.outline import document_to_outline
from tests.extract.test_criteria_unseen_forms import HEADER, NOTHING, Answer, Row, answer, but, read

# ------------------------------------------------------------------ tables


def _ticks(mark: str) -> list[str | list[Row]]:
    rows: list[Row] = [("STT", "Tên tiêu chí", "Đạt", "Chưa đạt")]
    rows += [(str(n), name, mark, "") if n != 10 else (str(n), name, "", mark)
             for n, name in ((4, "Điện"), (5, "Trường học"), (10, "Thu nhập"))]
    return ["Bảng tự chấm:", rows]


def test_a_filled_square_is_a_tick() -> None:
    assert answer(_ticks("■")) == ([4, 5], [10], [])


def test_an_empty_square_is_no_tick() -> None:
    assert answer(_ticks("□")) == NOTHING


def test_a_verdict_cell_with_a_long_remark_in_brackets() -> None:
    rows: list[Row] = [("TT", "Tiêu chí", "Kết quả rà soát"), ("4", "Điện", "Đạt"),
                       ("15", "Y tế", "Cơ bản đạt (còn một chỉ tiêu đang bổ sung hồ sơ)")]
    assert answer([rows]) == ([4], [], [15])


def test_a_long_cell_without_brackets_is_no_verdict() -> None:
    rows: list[Row] = [("TT", "Tiêu chí", "Kết quả rà soát"), ("4", "Điện", "Đạt"), ("5", "Trường học", "Đạt"),
                       ("15", "Y tế", "Cơ bản đạt nhưng còn nhiều chỉ tiêu phải bổ sung hồ sơ")]
    assert answer([rows]) == ([4, 5], [], [])


def _count_table(label: str) -> list[str | list[Row]]:
    return [[("Thời điểm", "Số tiêu chí đạt", "Ghi chú"), ("Khi bắt đầu", "5 tiêu chí", "Xuất phát thấp"),
             (label, "3 tiêu chí", "Gồm Điện; Trường học; Y tế")]]


def test_a_count_tables_list_cell_of_names_alone() -> None:
    c = read(_count_table("Năm 2023"))
    assert (c.met, c.met_count_claimed) == ([4, 5, 15], 3)


def test_a_list_cell_of_names_on_another_years_row_is_history() -> None:
    c = read(_count_table("Năm 2021"))
    assert (c.met, c.met_count_claimed) == ([], None)


def _document(cells: list[tuple[str, tuple[int, int, int] | None]]) -> CriteriaStatus:
    """HEADER and blocks given with their (table, row, column), None for a paragraph."""
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(HEADER)]
    for text, pos in cells:
        cell = CellPosition(*pos) if pos else None
        blocks.append(Block(len(blocks), BlockKind.TABLE_CELL if cell else BlockKind.PARAGRAPH, text, cell=cell))
    outline = document_to_outline(Document("mem.pdf", "pdf", "0", blocks))
    return outline_to_criteria(outline, outline_to_period(outline), None)


def test_a_table_after_a_header_far_above_keeps_its_own_header() -> None:
    c = _document([("Mốc", (0, 0, 0)), ("Số tiêu chí đạt", (0, 0, 1)), ("Ghi chú", (0, 0, 2))]
                  + [(f"Đoạn văn {k}.", None) for k in range(5)]
                  + [("Năm 2023", (1, 0, 0)), ("4 tiêu chí", (1, 0, 1)), ("Gồm Điện; Trường học", (1, 0, 2))])
    assert (c.met, c.met_count_claimed) == ([], None)


# ------------------------------------------------------------------ verdict lines


def _section(verdict: str) -> list[str | list[Row]]:
    return ["1. Tiêu chí số 4 về Điện", "- Hiện trạng: lưới điện bảo đảm an toàn.", verdict]


@pytest.mark.parametrize(("verdict", "expected"), [
    ("- Kết luận của tổ rà soát: Đạt ✓", ([4], [], [])),
    ("+ So với yêu cầu: Đạt - tiếp tục giữ vững", ([4], [], [])),
    ("- Ý kiến của Ban: Đạt, đã được kiểm tra", ([4], [], [])),
    ("- Kết luận của tổ rà soát: Chưa đạt ✗", ([], [4], [])),
    ("+ So với yêu cầu: Chưa đạt - đang hoàn thiện hồ sơ", ([], [4], [])),
    ("+ So với yêu cầu: Cơ bản đạt - chờ huyện kiểm tra", ([], [], [4])),
    # a measure after the verdict word is no verdict
    ("- Kết luận của tổ rà soát: Đạt 95% kế hoạch", NOTHING),
])
def test_verdicts_closed_by_a_mark_or_a_remark(verdict: str, expected: Answer) -> None:
    assert answer(_section(verdict)) == expected


# ------------------------------------------------------------------ plans and results


@pytest.mark.parametrize("plan", [
    "Nghị quyết của Đảng ủy xã đề ra: trong năm 2023 hoàn thành tiêu chí số 10.",
    "Chỉ tiêu được giao năm 2023: đạt thêm tiêu chí số 10.",
    "Trong nhiệm kỳ tới, xã đạt thêm tiêu chí số 10.",
])
def test_a_resolution_or_a_term_to_come_sets_a_plan(plan: str) -> None:
    assert answer([plan]) == NOTHING


def test_a_result_beside_a_resolution_is_a_status() -> None:
    assert answer(["Nghị quyết đề ra đã được thực hiện: xã hoàn thành tiêu chí số 10."]) == ([10], [], [])
    assert answer(["Kết quả năm 2023: đạt thêm tiêu chí số 10."]) == ([10], [], [])
    assert answer(["Trong nhiệm kỳ qua, xã đạt thêm tiêu chí số 10."]) == ([10], [], [])


def test_a_keep_verb_after_a_result_labels_colon() -> None:
    c = read(["Kết quả quý III: giữ vững 16/19 tiêu chí; các tiêu chí 7, 10, 15 chưa đạt."])
    assert (sorted(c.met), c.unmet, c.met_count_claimed) == (but(7, 10, 15), [7, 10, 15], 16)


def test_a_keep_verb_after_a_goal_labels_colon_is_a_plan() -> None:
    assert read(["Mục tiêu năm 2023: giữ vững 16/19 tiêu chí."]).met_count_claimed is None


def test_a_status_an_earlier_list_took_ends_the_reach_of_those_before_it() -> None:
    c = read(["Xã giữ vững 16 tiêu chí; các tiêu chí 7, 10, 15 vẫn chưa đạt, trong đó tiêu chí 15 "
              "phấn đấu về đích vào quý IV."])
    assert (sorted(c.met), c.unmet) == (but(7, 10, 15), [7, 10, 15])


def test_a_status_before_lists_cut_by_semicolons_still_reaches_them() -> None:
    assert answer(["Các tiêu chí đã đạt: tiêu chí số 1; tiêu chí số 2; tiêu chí số 3."]) == ([1, 2, 3], [], [])


# ------------------------------------------------------------------ what is left


def test_only_what_is_left_is_unmet() -> None:
    c = read(["Đến cuối quý, xã chỉ còn tiêu chí Y tế, tiêu chí số 10 là chưa đạt."])
    assert (sorted(c.met), sorted(c.unmet)) == (but(10, 15), [10, 15])
    # the others' evidence is the statement, from "chỉ còn" to its status
    assert {e.text for e in c.evidence if e.status == "met"} == {"chỉ còn tiêu chí Y tế, tiêu chí số 10 là chưa đạt"}


@pytest.mark.parametrize("sentence", [
    "Đến cuối quý, xã vẫn còn tiêu chí Y tế, tiêu chí số 10 là chưa đạt.",
    "Phấn đấu đến cuối năm, xã chỉ còn tiêu chí Y tế, tiêu chí số 10 chưa đạt.",
])
def test_what_is_still_unmet_or_planned_leaves_the_rest_unsaid(sentence: str) -> None:
    assert answer([sentence]) == ([], [10, 15], [])


def test_what_is_left_in_another_year_is_history() -> None:
    assert answer(["Năm 2021, xã chỉ còn tiêu chí Y tế, tiêu chí số 10 là chưa đạt."]) == NOTHING


def test_the_count_of_the_rest() -> None:
    c = read(["Xã còn 2 tiêu chí chưa đạt là tiêu chí 10, tiêu chí 15; 17 tiêu chí còn lại đều đã đạt."])
    assert (sorted(c.met), c.unmet, c.met_count_claimed, c.unmet_count_claimed) == (but(10, 15), [10, 15], 17, 2)


def test_the_rest_after_a_remark() -> None:
    assert answer(["Tiêu chí 10 và 15 không đạt do thiếu vốn; các tiêu chí khác không có vướng mắc, đều đạt."]) \
        == (but(10, 15), [10, 15], [])


def test_the_rest_alone_after_a_comma_and_a_comparison_with_last_year() -> None:
    assert answer(["So với năm 2022 không có tiêu chí nào giảm; các tiêu chí 10, 15 vẫn chưa đạt như năm trước, "
                   "còn lại đều đạt."]) == (but(10, 15), [10, 15], [])


def test_the_rest_of_last_year_is_history() -> None:
    assert answer(["Năm trước, các tiêu chí 10, 15 chưa đạt, còn lại đều đạt."]) == NOTHING


# ------------------------------------------------------------------ lists


def test_ranges_after_from() -> None:
    assert answer(["Tiêu chí từ 5 tới 7, từ 10 tới 12 và 15 chưa đạt."]) == ([], [5, 6, 7, 10, 11, 12, 15], [])


def test_from_before_a_number_alone_continues_no_list() -> None:
    assert answer(["Tiêu chí 5, 6 chưa đạt, từ 2 năm nay."]) == ([], [5, 6], [])


def test_lacking_a_criterion_named_after_its_abbreviation() -> None:
    assert answer(['Xã đã đạt 17/19 tiêu chí nhưng chưa thể đề nghị xét công nhận vì còn thiếu TC "Y tế", '
                   'TC "Thu nhập".']) == (but(10, 15), [10, 15], [])
    assert answer(["Xã còn thiếu TC nguồn vốn đối ứng."]) == NOTHING


def test_a_status_through_these_criteria() -> None:
    assert answer(["Ban chỉ đạo giao các thành viên phụ trách Thu nhập, Y tế khẩn trương bổ sung hồ sơ, "
                   "vì các tiêu chí này đến nay vẫn chưa đạt."]) == ([], [10, 15], [])


def test_a_status_through_these_criteria_of_another_year_is_history() -> None:
    assert answer(["Ban chỉ đạo giao các thành viên phụ trách Thu nhập, Y tế bổ sung hồ sơ, "
                   "vì các tiêu chí này năm 2021 chưa đạt."]) == NOTHING


def test_the_criteria_in_someones_charge_need_a_status() -> None:
    assert answer(["Xã đạt 17 tiêu chí; giao các đồng chí phụ trách Y tế, Thu nhập theo dõi."]) == NOTHING
    assert answer(["Công chức phụ trách Văn hóa đạt chuẩn về trình độ."]) == NOTHING


def test_a_later_verdict_overrules_a_self_assessment() -> None:
    assert answer(["Xã tự chấm đã đạt cả tiêu chí số 7, tiêu chí số 10, tuy nhiên qua kiểm tra, Đoàn thấy "
                   "các tiêu chí này còn thiếu minh chứng nên chưa đạt."]) == ([], [7, 10], [])


def test_a_later_verdict_that_agrees_keeps_the_status() -> None:
    assert answer(["Xã tự chấm đã đạt cả tiêu chí số 7, tiêu chí số 10, qua kiểm tra, Đoàn thấy "
                   "các tiêu chí này đều đạt."]) == ([7, 10], [], [])


# ------------------------------------------------------------------ counts and verification


def test_a_count_after_a_label_in_brackets() -> None:
    c = read(["Về ý thứ hai (tiêu chí chưa đạt): 3 TC, là TC 7, TC 10, TC 15."])
    assert (c.unmet, c.unmet_count_claimed) == ([7, 10, 15], 3)


def test_not_verified_as_met_is_unmet() -> None:
    c = read(["Theo kết quả thẩm tra, xã được xác định đạt 17 tiêu chí.",
              "Chưa được thẩm tra đạt: 2 tiêu chí (tiêu chí số 10; tiêu chí số 15)."])
    assert (sorted(c.met), c.unmet, c.met_count_claimed, c.unmet_count_claimed) == (but(10, 15), [10, 15], 17, 2)
    assert answer(["Đã được thẩm tra đạt: tiêu chí số 10."]) == ([10], [], [])


# ------------------------------------------------------------------ corrections


def test_a_corrected_count_is_the_reports() -> None:
    assert read(["Báo cáo trước ghi xã đạt 14 tiêu chí, nay sửa lại thành 16 tiêu chí."]).met_count_claimed == 16
    c = read(["Do lỗi in ấn, số tiêu chí đạt ghi là 14 tiêu chí, nay đính chính lại là 16 tiêu chí; "
              "các tiêu chí chưa đạt giữ nguyên: tiêu chí 7, tiêu chí 10, tiêu chí 15."])
    assert (sorted(c.met), c.unmet, c.met_count_claimed) == (but(7, 10, 15), [7, 10, 15], 16)


def test_a_count_recorded_without_a_correction_stands() -> None:
    assert read(["Số tiêu chí đạt ghi là 16 tiêu chí."]).met_count_claimed == 16


def test_a_corrected_status_is_the_reports() -> None:
    assert answer(['Đính chính: báo cáo trước có tiêu chí số 10, tiêu chí số 15 ghi nhầm là "đạt", nay sửa lại là '
                   '"chưa đạt"; các tiêu chí còn lại giữ nguyên kết quả đạt.']) == (but(10, 15), [10, 15], [])


def test_a_status_recorded_wrongly_is_no_status() -> None:
    assert answer(['Tiêu chí số 10, tiêu chí số 15 ghi nhầm là "đạt".']) == NOTHING


# ------------------------------------------------------------------ a message typed without marks


def test_a_quoted_message_typed_without_marks() -> None:
    c = read(["Chiều 12/10, cán bộ phụ trách đã nhắn vào nhóm của huyện: "
              "“xa minh dat 16 tieu chi roi, con tc 7, tc10 va tc 15 chua dat”."])
    assert (sorted(c.met), c.unmet, c.met_count_claimed) == (but(7, 10, 15), [7, 10, 15], 16)


def test_a_quoted_slogan_typed_without_marks_states_nothing() -> None:
    assert answer(['Xã có khẩu hiệu "dan biet, dan ban, dan lam" được hưởng ứng.']) == NOTHING


# ------------------------------------------------------------------ provisional and recorded verdicts


@pytest.mark.parametrize("verdict", ["tạm đánh giá cơ bản đạt, còn phải củng cố",
                                     "được ghi nhận cơ bản đạt, chờ hồ sơ"])
def test_a_provisional_or_recorded_verdict_after_its_list(verdict: str) -> None:
    assert answer([f"Xã hoàn thành 16 tiêu chí; tiêu chí 10, tiêu chí 12 {verdict}; tiêu chí 15 chưa đạt."]) \
        == (but(10, 12, 15), [15], [10, 12])


def test_a_provisional_plan_after_a_list_is_no_verdict() -> None:
    assert answer(["Tiêu chí 10, tiêu chí 12 tạm hoãn, phấn đấu đạt trong năm 2024."]) == NOTHING
