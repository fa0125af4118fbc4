"""Criteria forms the reader missed, second part of the audit of the ninth held-out bank:

- a scan's slips in a typed report ("Tiê u chí", "chư a đạt", "đat", "tiêu chi:"): read as
  their words, in a text read with its marks only;
- "các tiêu chí chưa đạt còn lại là <names>": "còn lại" after the status;
- "phải đạt" (must reach): a target, no status;
- criteria tables: a numbered row naming its criterion is a body row though its verdict holds
  a header's words ("... huyện thẩm định"); the verdict of another result column (the
  commune's own) when the appraiser's column says none; a PDF name cell run into the verdict
  beside it ("Điện Giữ vững", the space lost: "Thu nhậpđạt"), or a verdict the layout gave the
  name's own position; a group's single row read when a table of the same columns was.

Every statement is written for these tests (none is copied from a report). The report is of
2023, its commune "Thử Nghiệm"; the set has 19 criteria.
"""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, CellPosition, Document
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.extract.criteria.view import text_to_reading
from extractor.structure.outline import document_to_outline
from tests.extract.test_criteria_unseen_forms import HEADER, NOTHING, answer, but, read

# ------------------------------------------------------------------ scan slips


def test_slips_of_a_scan_are_read_as_their_words() -> None:
    c = read(["Tính tới tháng 11, xã đat 3 tiêu chí gồm các tiêu chi: Quy hoạch; Điện; Y tế.",
              "Tiê u chí chư a đạt (2 tiêu chí): Thu nhập - TC10; Văn hóa - TC16."])
    assert (sorted(c.met), sorted(c.unmet)) == ([1, 4, 15], [10, 16])
    assert (c.met_count_claimed, c.unmet_count_claimed) == (3, 2)


def test_a_slip_is_read_in_its_own_room() -> None:
    for text in ("Tiê u chí chư a đạt: Điện", "CHƯ A HOÀN THÀNH tiêu chí 5", "xã đạ t 12 tiêu chí"):
        read_as = text_to_reading(text)
        assert len(read_as) == len(text)
    assert text_to_reading("Tiê u chí chư a đạt: Điện").split() == ["Tiêu", "chí", "chưa", "đạt:", "Điện"]
    assert text_to_reading("CHƯ A HOÀN THÀNH tiêu chí 5").split()[0] == "CHƯA"


def test_words_that_only_look_like_slips_are_left_alone() -> None:
    for text in ("Chi tiêu chi phí lớn cho hạ tầng.", "Kính thưa chư vị đại biểu.", "Tiêu chí chưa đạt: Điện"):
        assert text_to_reading(text) == text


def test_a_slip_in_a_plan_is_still_a_plan() -> None:
    assert answer(["Năm tới phấn đấu đat thêm 2 tiêu chí gồm các tiêu chi: Thu nhập; Y tế."]) == NOTHING


# ------------------------------------------------------------------ "còn lại" after the status


def test_the_unmet_ones_left_named_after_the_status() -> None:
    c = read(["Đến nay xã đạt 18/19 tiêu chí; tiêu chí chưa đạt còn lại là Thu nhập (10)."])
    assert (sorted(c.met), sorted(c.unmet)) == (but(10), [10])


def test_the_unmet_ones_left_to_work_on_name_nothing() -> None:
    assert answer(["Các tiêu chí chưa đạt còn lại phải tiếp tục phấn đấu là Thu nhập."]) == NOTHING


# ------------------------------------------------------------------ "phải đạt": a target


def test_what_the_commune_must_reach_is_a_target() -> None:
    assert answer(["Nghị quyết của Đảng ủy giao xã phải đạt thêm tiêu chí Y tế trước khi hết nhiệm kỳ."]) == NOTHING


def test_what_must_be_reached_leaves_the_result_before_it() -> None:
    c = read(["Xã đạt 17/19 tiêu chí; chưa đạt Thu nhập (10), Y tế (15); cấp trên giao phải hoàn thành 10-Thu nhập."])
    assert (sorted(c.met), sorted(c.unmet)) == (but(10, 15), [10, 15])


def test_a_result_without_must_is_still_read() -> None:
    assert answer(["Xã đã đạt tiêu chí Y tế."]) == ([15], [], [])


# ------------------------------------------------------------------ tables

_APPRAISED = [("TT", "Tên tiêu chí", "Xã tự đánh giá", "Huyện thẩm tra"),
              ("1", "Quy hoạch", "Đạt - đã được huyện thẩm tra", "Đã thẩm tra"),
              ("2", "Giao thông", "Giữ vững", "Đã thẩm tra"),
              ("4", "Điện", "Đ", "Đã thẩm tra"),
              ("10", "Thu nhập", "CĐ", "Đã thẩm tra")]


def test_a_numbered_row_with_an_appraisers_words_is_no_header() -> None:
    assert answer([_APPRAISED]) == ([1, 2, 4], [10], [])


def test_the_appraisers_verdict_wins_where_it_gives_one() -> None:
    rows = [*_APPRAISED[:4], ("10", "Thu nhập", "Đ", "Chưa đạt")]
    assert answer([rows]) == ([1, 2, 4], [10], [])


def test_a_note_column_still_needs_a_verdict_alone() -> None:
    rows = [("TT", "Tên tiêu chí", "Kết quả", "Ghi chú"),
            ("1", "Quy hoạch", "Đang rà soát", "Đạt, còn chậm"),
            ("2", "Giao thông", "Đang rà soát", "Đạt, còn chậm")]
    assert answer([rows]) == NOTHING


_MERGED = [("1", "Quy hoạch", "Đạt"), ("4", "Điện Giữ vững"), ("10", "Thu nhậpđạt yêu cầu"),
           ("15", "Y tế CĐ"), ("16", "Văn hóa", "Đ")]


def test_a_name_cell_run_into_its_verdict() -> None:
    assert answer([_MERGED]) == ([1, 4, 10, 16], [15], [])


def test_a_name_cell_with_other_words_gives_no_status() -> None:
    rows = [("1", "Quy hoạch", "Đạt"), ("4", "Điện sinh hoạt 98%"), ("5", "Trường học Mầm non"),
            ("16", "Văn hóa", "Đ")]
    assert answer([rows]) == ([1, 16], [], [])


def _cells(rows: list[tuple[int, tuple[str, ...]]], table: int = 0) -> list[Block]:
    """Table cells at (row, column) positions as a PDF layout gives them: a column may be
    given twice in one row."""
    out = []
    for r, (col0, texts) in enumerate(rows):
        for k, text in enumerate(texts):
            col = min(col0 + k, 2) if col0 >= 0 else k
            out.append(Block(0, BlockKind.TABLE_CELL, text, cell=CellPosition(table, r, col)))
    return out


def _criteria_of(blocks: list[Block]) -> tuple[list[int], list[int]]:
    head = [Block(0, BlockKind.PARAGRAPH, t) for t in HEADER]
    numbered = [Block(i, b.kind, b.text, cell=b.cell) for i, b in enumerate(head + blocks)]
    c = outline_to_criteria(document_to_outline(Document("mem.pdf", "pdf", "0", numbered)))
    return sorted(c.met), sorted(c.unmet)


def test_a_verdict_given_the_names_position_is_the_rows() -> None:
    rows = [(0, ("1", "Quy hoạch", "Đạt")), (0, ("15", "Y tế")), (0, ("16", "Văn hóa", "Đ"))]
    blocks = _cells(rows)
    # "CĐ" after "Y tế", at the same position (row 1, column 1)
    blocks.insert(5, Block(0, BlockKind.TABLE_CELL, "CĐ", cell=CellPosition(0, 1, 1, col_span=2)))
    assert _criteria_of(blocks) == ([1, 16], [15])


def test_a_cell_of_another_position_lends_no_verdict() -> None:
    rows = [(0, ("1", "Quy hoạch", "Đạt")), (0, ("15", "Y tế")), (0, ("16", "Văn hóa", "Đ"))]
    assert _criteria_of(_cells(rows)) == ([1, 16], [])


def test_a_groups_single_row_beside_a_table_of_the_same_columns() -> None:
    group_one = [("01", "Quy hoạch", "Đạt")]
    group_two = [("02", "Giao thông", "Giữ vững"), ("04", "Điện", "CĐ")]
    assert answer(["Nhóm 1 - Quy hoạch:", group_one, "Nhóm 2 - Hạ tầng:", group_two]) == ([1, 2], [4], [])


def test_a_single_row_alone_is_no_table() -> None:
    assert answer(["Bảng phụ:", [("01", "Quy hoạch", "Đạt")]]) == NOTHING


# ------------------------------------------------------------------ a count of what is left to work on


def test_a_count_left_to_work_on_for_a_later_completion_is_unmet_now() -> None:
    c = read(["Tóm lại, xã còn 2 tiêu chí cần dồn sức để hoàn thành trong thời gian tới."])
    assert c.unmet_count_claimed == 2


def test_a_count_left_in_a_time_to_come_is_no_claim() -> None:
    assert read(["Năm tới xã còn 2 tiêu chí cần dồn sức để hoàn thành."]).unmet_count_claimed is None


def test_a_completion_for_a_later_purpose_stays_a_target() -> None:
    assert answer(["Xã cần hoàn thành tiêu chí 10 để đạt chuẩn nông thôn mới trong năm tới."]) == NOTHING


def test_households_left_are_no_count() -> None:
    assert read(["Xã còn 12 hộ cần hỗ trợ để hoàn thành nhà ở trong thời gian tới."]).unmet_count_claimed is None
