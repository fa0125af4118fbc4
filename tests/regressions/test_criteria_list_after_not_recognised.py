"""A names list after "tiêu chí chưa được công nhận:" is the unmet list (the bug: the names
intro wanted a status word "đạt" or "hoàn thành", so "chưa được công nhận" opened nothing and
the unmet criteria were lost)."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, Document
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.structure.outline import document_to_outline

HEADER = ["UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023",
          "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023"]


def _criteria(*lines: str):
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(HEADER + list(lines))]
    return outline_to_criteria(document_to_outline(Document("mem.txt", "txt", "0", blocks)))


def test_names_after_not_recognised_are_unmet():
    c = _criteria("- Các tiêu chí chưa được công nhận: TT&TT, Nghèo đa chiều, Lao động, Tổ chức sản xuất.")
    assert c.unmet == [8, 11, 12, 13]
