"""Criteria named by their ordinal ("tiêu chí thứ 6, tiêu chí thứ 7") are references, not
figures (the bug: each "6, tiêu chí" was taken for a malformed number and flagged)."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, Document
from extractor.pipeline import document_to_record


def test_ordinal_list_raises_no_number_flag():
    lines = ["BÁO CÁO tình hình xây dựng nông thôn mới năm 2023",
             "- Những tiêu chí xã chưa đạt chuẩn: tiêu chí thứ 6, tiêu chí thứ 7, tiêu chí thứ 13, tiêu chí thứ 18."]
    doc = Document(path="mem.txt", format="txt", sha256="0",
                   blocks=[Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)])
    record = document_to_record(doc)
    assert [f.rule for f in record.flags] == []
    assert record.criteria is not None and record.criteria.unmet == [6, 7, 13, 18]
