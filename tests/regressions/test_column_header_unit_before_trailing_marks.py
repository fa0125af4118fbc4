"""A column header "Tỷ lệ(%) :" (a scan's or a typist's trailing colon) lost its percent unit, so
every cell of the column was dropped; a row number left of the row label, in a column split by a
speck, was read as a figure with the row's unit."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, CellPosition, Document
from extractor.pipeline import document_to_record


def table(cells: list[tuple[int, int, str]]) -> Document:
    blocks = [Block(i, BlockKind.TABLE_CELL, t, cell=CellPosition(0, r, c)) for i, (r, c, t) in enumerate(cells)]
    return Document(path="t.docx", format="docx", sha256="0", blocks=blocks)


def test_bracketed_unit_followed_by_a_colon_or_a_period():
    for header in ("Tỷ lệ(%) :", "Tỷ lệ (%).", "Kinh phí (triệu đồng):"):
        record = document_to_record(table([(0, 0, "Chỉ tiêu"), (0, 1, header), (1, 0, "Đường xã"), (1, 1, "73")]))
        assert [f.unit for f in record.figures] == ["VND" if "đồng" in header else "percent"]


def test_number_before_the_row_label_is_not_a_value():
    record = document_to_record(table([
        (0, 0, "STT"), (0, 2, "Chỉ tiêu"), (0, 3, "Đơn vị tính"), (0, 4, "Thực hiện"),
        (1, 0, "x"), (1, 1, "3"), (1, 2, "Đường trục thôn"), (1, 3, "km"), (1, 4, "18,4")]))
    assert [(f.value, f.unit) for f in record.figures] == [(18.4, "km")]
