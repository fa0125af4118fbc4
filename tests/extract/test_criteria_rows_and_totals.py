"""Counts and lists as summary tables and closing totals set them:

- a label cell merged over the rows below it (Word's vertical merge) heads each row it spans:
  "Đạt" over the row listing the criteria and the row counting them;
- a total closing a list after a word that says so (", tổng cộng 16 tiêu chí"), as in brackets;
- work left unfinished before the verdict ("3 tiêu chí còn dang dở, chưa đạt: ...");
- a count cell, then a cell of bare criterion numbers;
- counts by year across columns ("Chỉ tiêu | Năm 2022 | Năm 2023"): the report's year's column.

Each is checked against an equivalent form and a change that must change the answer. Every
statement is written for these tests; the report is of 2023, its set has 19 criteria.
"""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, CellPosition, CriteriaStatus, Document
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.extract.period import outline_to_period
from extractor.structure.outline import document_to_outline
from tests.extract.test_criteria_unseen_forms import HEADER, NOTHING, answer, but, read

# (text, row, col, row_span) of one table's cells; a merged cell's continuations have none
Cell = tuple[str, int, int, int]

MERGED: list[Cell] = [
    ("Kết luận", 0, 0, 1), ("Các tiêu chí", 0, 1, 1),
    ("Đạt", 1, 0, 2), ("Tiêu chí 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16", 1, 1, 1),
    ("tổng 16 tiêu chí", 2, 1, 1),
    ("Chưa đạt", 3, 0, 2), ("Tiêu chí 17, 18, 19", 3, 1, 1),
    ("tổng 3 tiêu chí", 4, 1, 1),
]


def _read(cells: list[Cell]) -> CriteriaStatus:
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(HEADER)]
    for text, row, col, span in cells:
        blocks.append(Block(len(blocks), BlockKind.TABLE_CELL, text,
                            cell=CellPosition(0, row, col, row_span=span)))
    outline = document_to_outline(Document("mem.docx", "docx", "0", blocks))
    return outline_to_criteria(outline, outline_to_period(outline), None)


def _summary(c: CriteriaStatus) -> tuple[list[int], list[int], int | None, int | None]:
    return sorted(c.met), sorted(c.unmet), c.met_count_claimed, c.unmet_count_claimed


def test_a_count_in_a_row_under_a_merged_verdict_takes_that_verdict() -> None:
    assert _summary(_read(MERGED)) == (list(range(1, 17)), [17, 18, 19], 16, 3)


def test_the_label_written_in_every_row_reads_as_the_merged_one() -> None:
    repeated = [(t, r, c, 1) for t, r, c, _ in MERGED]
    repeated += [("Đạt", 2, 0, 1), ("Chưa đạt", 4, 0, 1)]
    assert _summary(_read(repeated)) == _summary(_read(MERGED))


def test_a_count_that_disagrees_with_its_list_is_kept_as_claimed() -> None:
    # the count is the commune's claim: the check compares it with the list
    cells = [("tổng 15 tiêu chí", r, c, s) if t == "tổng 16 tiêu chí" else (t, r, c, s)
             for t, r, c, s in MERGED]
    assert _read(cells).met_count_claimed == 15


def test_a_merged_cell_that_is_no_verdict_gives_the_count_none() -> None:
    # "Năm 2023" merged over two rows: the count's row says nothing of met or unmet
    cells: list[Cell] = [("Mốc", 0, 0, 1), ("Nội dung", 0, 1, 1),
                         ("Năm 2023", 1, 0, 2), ("Rà soát hồ sơ các tiêu chí", 1, 1, 1),
                         ("tổng 16 tiêu chí", 2, 1, 1)]
    assert _summary(_read(cells)) == ([], [], None, None)


def test_a_row_below_a_merged_cells_span_is_not_headed_by_it() -> None:
    # the merged "Đạt" spans rows 1-2 only; row 3's count has no verdict of its own
    cells: list[Cell] = [("Kết luận", 0, 0, 1), ("Các tiêu chí", 0, 1, 1),
                         ("Đạt", 1, 0, 2), ("Tiêu chí 1, 2, 3", 1, 1, 1), ("tổng 3 tiêu chí", 2, 1, 1),
                         ("", 3, 0, 1), ("tổng 9 tiêu chí", 3, 1, 1)]
    assert _read(cells).met_count_claimed == 3


# ------------------------------------------------------------------ a total closing a list
# The same total in brackets and after a word that says it is the total, at the clause's end.

def _claims(line: str) -> tuple[list[int], list[int], int | None, int | None]:
    return _summary(read([line]))


LIST_16 = "tiêu chí 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16"
CLOSED = _claims(f"Xã đạt {LIST_16} (tổng cộng 16 tiêu chí).")


@pytest.mark.parametrize("line", [
    f"Xã đạt {LIST_16}, tổng cộng 16 tiêu chí.",
    f"Xã đạt {LIST_16}; tổng số: 16 tiêu chí.",
    f"Xã đạt {LIST_16} – tổng 16 tiêu chí; năm tới giữ vững các tiêu chí đã đạt.",
    f"Các tiêu chí xã đã đạt: {LIST_16}, cộng 16 tiêu chí",
])
def test_a_total_after_a_word_for_it_closes_the_list_as_in_brackets(line: str) -> None:
    assert CLOSED == (list(range(1, 17)), [], 16, None)
    assert _claims(line) == CLOSED


def test_a_total_in_a_table_cell_after_the_list_takes_the_rows_verdict() -> None:
    c = read([[("Kết luận", "Các tiêu chí"), ("Chưa đạt", "tiêu chí 17, 18, 19, tổng cộng 3 tiêu chí")]])
    assert (sorted(c.unmet), c.unmet_count_claimed) == ([17, 18, 19], 3)


def test_a_count_with_a_status_of_its_own_after_a_list_is_no_total_of_the_list() -> None:
    # the unmet count, and the rest of the set unmet by it; the met count is not claimed
    assert _claims(f"Xã đạt {LIST_16}, tổng cộng 3 tiêu chí chưa đạt.") == (list(range(1, 17)), [17, 18, 19], None, 3)


# ------------------------------------------------------------------ work left unfinished, then the verdict

NAMES_3 = "Môi trường, Y tế, Thu nhập"  # criteria 17, 15 and 10


@pytest.mark.parametrize("line", [
    f"Xã đã đạt 16/19 tiêu chí; 3 tiêu chí chưa đạt gồm: {NAMES_3}.",
    f"Xã đã đạt 16/19 tiêu chí; 3 tiêu chí còn dang dở, chưa đạt gồm: {NAMES_3}.",
    f"Xã đã đạt 16/19 tiêu chí; 3 tiêu chí đang thực hiện dở dang, chưa đạt: {NAMES_3}.",
])
def test_work_left_unfinished_before_the_verdict_keeps_the_count_and_its_list(line: str) -> None:
    assert _claims(line) == (but(10, 15, 17), [10, 15, 17], 16, 3)


def test_an_unfinished_state_with_no_verdict_after_it_claims_nothing_unmet() -> None:
    c = read([f"Xã đã đạt 16/19 tiêu chí; 3 tiêu chí còn dang dở, xã tiếp tục thực hiện: {NAMES_3}."])
    assert (c.unmet_count_claimed, sorted(c.unmet)) == (None, [])


# ------------------------------------------------------------------ a count cell, then the list's cell

def test_a_list_cell_of_bare_numbers_after_a_count_cell_lists_that_counts_criteria() -> None:
    rows = [("Nội dung", "Số lượng", "Các tiêu chí"),
            ("Tiêu chí đạt", "16 tiêu chí", "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16"),
            ("Tiêu chí chưa đạt", "3 tiêu chí", "17, 18, 19")]
    assert _summary(read([rows])) == (list(range(1, 17)), [17, 18, 19], 16, 3)


def test_bare_numbers_after_a_count_cell_without_the_word_are_values_not_criteria() -> None:
    # "Số tiêu chí đạt | 16 | 17": two years' counts, not criterion 17
    rows = [("Chỉ tiêu", "Năm 2022", "Năm 2023"), ("Số tiêu chí đạt", "16", "17")]
    assert _summary(read([rows]))[:2] == ([], [])


# ------------------------------------------------------------------ a count under the report's year's column

@pytest.mark.parametrize("head, cells, claimed", [
    (("Chỉ tiêu", "Năm 2022", "Năm 2023"), ("16", "17"), 17),
    (("Chỉ tiêu", "Năm 2022", "Năm 2023"), ("16 tiêu chí", "17 tiêu chí"), 17),
    (("Chỉ tiêu", "Năm 2023", "Năm 2022"), ("17", "16"), 17),
    (("Chỉ tiêu", "Khi bắt đầu xây dựng", "Năm 2023"), ("6", "17"), 17),
    (("Chỉ tiêu", "Năm 2023", "Kế hoạch năm 2024"), ("17", "19"), 17),
])
def test_a_row_of_counts_by_year_column_claims_the_reports_years(head: tuple[str, ...], cells: tuple[str, ...],
                                                                 claimed: int) -> None:
    assert read([[head, ("Số tiêu chí đạt", *cells)]]).met_count_claimed == claimed


# ------------------------------------------------------------------ a verdict after the standard it is measured by

BODY = "Tiêu chí số 10 về Thu nhập: bình quân 51,5 triệu đồng/người/năm"


@pytest.mark.parametrize("close", [", chưa đạt.", ", thì chưa đạt.", ", như vậy là chưa đạt.",
                                   ", so với yêu cầu chưa đạt.", ", so với yêu cầu thì chưa đạt.",
                                   ", so với quy định của Bộ tiêu chí (từ 55 triệu đồng) thì chưa đạt.",
                                   "; đối chiếu tiêu chí, chưa đạt."])
def test_a_verdict_closing_a_criterions_line_after_a_comparison_with_the_standard(close: str) -> None:
    assert answer([BODY + close]) == ([], [10], [])


@pytest.mark.parametrize("close", [", so với xã Tân Lập thì chưa đạt.",  # another commune's measure
                                   ", so với năm 2022 thì tăng 4 triệu đồng.",
                                   ", nếu tăng thêm 3 triệu đồng thì đạt.",  # a condition
                                   ", phấn đấu năm 2024 thì đạt."])  # a plan
def test_a_comparison_with_something_else_or_a_condition_gives_no_verdict(close: str) -> None:
    assert answer([BODY + close]) == NOTHING


# ------------------------------------------------------------------ a count, an appraisal's verbs, its verdict

@pytest.mark.parametrize("line", [
    "Tất cả 19 tiêu chí đã được huyện thẩm định đạt chuẩn.",
    "Tất cả 19 tiêu chí đã được Đoàn thẩm định của huyện kiểm tra, đánh giá đạt chuẩn.",
    "19 tiêu chí của xã được tỉnh thẩm tra, công nhận đạt chuẩn.",
])
def test_a_count_appraised_by_the_district_or_province_is_met(line: str) -> None:
    assert _claims(line) == (list(range(1, 20)), [], 19, None)


def test_a_count_whose_appraisal_is_not_its_verdict_claims_nothing() -> None:
    # a comma then another clause: the verdict after it is the appraisal team's remark
    assert _claims("19 tiêu chí đã được huyện kiểm tra, xã đạt giải nhất hội thi.")[2] is None


# ------------------------------------------------------------- every criterion, then a contrast naming the exception

@pytest.mark.parametrize("line", [
    "Tất cả các tiêu chí đều đạt, riêng tiêu chí Môi trường chưa đạt.",
    "Toàn bộ các tiêu chí đã đạt; riêng tiêu chí số 17 chưa đạt.",
    "Tất cả các tiêu chí đều đạt, trừ tiêu chí Môi trường.",  # the same, as an exception
    "Các tiêu chí còn lại đều đạt, riêng tiêu chí Môi trường chưa đạt.",
])
def test_every_criterion_met_but_the_one_a_contrast_names(line: str) -> None:
    assert answer([line]) == (but(17), [17], [])


def test_every_criterion_met_without_a_contrast_is_a_count_of_the_set() -> None:
    assert _claims("Tất cả các tiêu chí đều đạt.") == (list(range(1, 20)), [], 19, None)


def test_a_planned_every_criterion_with_a_contrast_sets_no_rest() -> None:
    assert answer(["Năm 2025 phấn đấu tất cả các tiêu chí đều đạt, riêng tiêu chí Môi trường chưa đạt."])[0] == []
