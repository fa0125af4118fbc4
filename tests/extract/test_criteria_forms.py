"""Criteria forms added with the wider main bank (issue 12): "N tiêu chí còn lại" as the unmet
side, "đã đạt tất cả N tiêu chí", "gồm số 1 - Quy hoạch; số 2 - ...", "Kết luận: Đạt", and a
criteria-table row whose name cell runs over the status column."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, CellPosition, CriteriaStatus, Document
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.structure.outline import document_to_outline

DATE = "Tân Lập, ngày 20 tháng 11 năm 2024"


def criteria_of(*items: str | Block) -> CriteriaStatus:
    blocks = []
    for item in (DATE, *items):
        if isinstance(item, Block):
            blocks.append(Block(len(blocks), item.kind, item.text, cell=item.cell))
        else:
            blocks.append(Block(len(blocks), BlockKind.PARAGRAPH, item))
    return outline_to_criteria(document_to_outline(Document("mem.txt", "txt", "0", blocks)))


def test_the_remaining_criteria_are_the_unmet_ones() -> None:
    got = criteria_of("Đến nay xã đã đạt 17/19 tiêu chí; 2 tiêu chí còn lại là tiêu chí 9 và tiêu chí 16 "
                      "đang được tập trung thực hiện.")
    assert got.unmet == [9, 16]
    assert got.met == [n for n in range(1, 20) if n not in (9, 16)]


def test_the_remaining_criteria_with_their_own_status_keep_it() -> None:
    got = criteria_of("Xã đạt tiêu chí 1, 2 và 3; các tiêu chí còn lại đều đạt theo kết quả rà soát.")
    assert got.unmet == []


def test_a_plan_for_the_remaining_criteria_sets_no_status() -> None:
    got = criteria_of("Năm tới xã phấn đấu hoàn thành 2 tiêu chí còn lại là tiêu chí 9 và tiêu chí 16.")
    assert got.met == [] and got.unmet == []


def test_all_n_criteria_met() -> None:
    assert criteria_of("Xã đã đạt tất cả 19 tiêu chí theo Bộ tiêu chí quốc gia.").met == list(range(1, 20))


def test_numbers_written_with_so_and_a_name() -> None:
    got = criteria_of("Xã có 3 tiêu chí được đánh giá đạt chuẩn, gồm số 1 - Quy hoạch; số 2 - Giao thông; "
                      "số 4 - Điện.")
    assert got.met == [1, 2, 4]


def test_a_conclusion_is_a_section_verdict() -> None:
    got = criteria_of("2.5. Tiêu chí số 5 về Trường học", "- Kết luận: Chưa đạt")
    assert got.unmet == [5]


def _cell(text: str, row: int, col: int) -> Block:
    return Block(0, BlockKind.TABLE_CELL, text, cell=CellPosition(0, row, col))


def test_a_name_cell_run_over_the_status_column_gives_its_status() -> None:
    header = [_cell("STT", 0, 0), _cell("Tên tiêu chí", 0, 1), _cell("Kết quả", 0, 2)]
    rows = [_cell("1", 1, 0), _cell("Quy hoạch", 1, 1), _cell("Đạt", 1, 2),
            _cell("13", 2, 0), _cell("Tổ chức sản xuất và phát Chưa đạt triển kinh tế", 2, 1),
            _cell("14", 3, 0), _cell("Giáo dục và Đào tạo", 3, 1), _cell("Đạt", 3, 2)]
    got = criteria_of(*header, *rows)
    assert got.met == [1, 14] and got.unmet == [13]
