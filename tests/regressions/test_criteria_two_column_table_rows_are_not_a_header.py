"""A criteria table of two columns without row numbers ("Tên tiêu chí | Kết quả") lost every
row: the rows under the header were taken for a second header row ("Kết quả" over "Đạt |
Chưa đạt") since they hold short status words. A row that names a criterion is never a header."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, Document
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.structure.outline import document_to_outline


def test_rows_naming_criteria_are_rows() -> None:
    lines = ["BÁO CÁO kết quả năm 2023", "Tên tiêu chí | Kết quả", "Quy hoạch | Đạt",
             "Giao thông | Không đạt", "Thủy lợi | Đạt"]
    doc = Document("mem.txt", "txt", "0", [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)])
    got = outline_to_criteria(document_to_outline(doc))
    assert (got.met, got.unmet) == ([1, 3], [2])
