"""A short verdict left in the gap after a short name took the name's column.

A cell that overlaps no column of a PDF table goes to the column whose middle is nearest: a
one-letter verdict ("Đ") printed just right of a short name ("Y tế"), in the gap between the
name column and the result column, was nearer the wide name column's middle, so the row had
two cells in the name column and none under "Kết quả" (the grid kept one of them). A row's
cells come left to right: the verdict is the column after the name's.
"""
from __future__ import annotations

from extractor.readers.pdf.lines import PdfLine
from extractor.readers.pdf.tables import paragraphs_to_cells


def cell(text: str, y: float, x0: float, x1: float) -> tuple[int, list[PdfLine]]:
    return 0, [PdfLine(text, x0, x1, y, 13.0)]


def columns(paragraphs: list[tuple[int, list[PdfLine]]]) -> list[tuple[str, int, int, int]]:
    return [(lines[0].text, c.row, c.col, c.col_span)
            for _, lines, c in paragraphs_to_cells(paragraphs) if c is not None]


HEADER = [cell("STT", 100, 60, 85), cell("Tên tiêu chí", 100, 100, 250), cell("Kết quả", 100, 400, 600)]


def test_a_verdict_in_the_gap_after_a_short_name_is_the_next_column() -> None:
    rows = HEADER + [cell("15", 118, 64, 78), cell("Y tế", 118, 100, 126), cell("Đ", 118, 262, 271)]
    assert columns(rows)[3:] == [("15", 1, 0, 1), ("Y tế", 1, 1, 1), ("Đ", 1, 2, 1)]


def test_a_verdict_under_its_column_and_a_long_name_keep_their_columns() -> None:
    rows = HEADER + [cell("16", 118, 64, 78), cell("Văn hóa", 118, 100, 150),
                     cell("Chưa đạt", 118, 400, 452)]
    assert columns(rows)[3:] == [("16", 1, 0, 1), ("Văn hóa", 1, 1, 1), ("Chưa đạt", 1, 2, 1)]


def test_a_cell_spanning_the_last_two_columns_still_spans_them() -> None:
    rows = HEADER + [cell("17", 118, 64, 78), cell("Môi trường và an toàn thực phẩm Đạt", 118, 100, 430)]
    assert columns(rows)[3:] == [("17", 1, 0, 1), ("Môi trường và an toàn thực phẩm Đạt", 1, 1, 2)]
