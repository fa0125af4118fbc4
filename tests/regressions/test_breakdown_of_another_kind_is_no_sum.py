"""A breakdown word whose first figure is of another kind breaks down something else (the bug:
"trường B gồm 12 lớp với 390 học sinh" after "trường A ... 95 học sinh" added 390 pupils as a
part of 95, an error flag on a consistent description of two schools)."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, Document
from extractor.pipeline import document_to_record


def _rules(*lines: str) -> list[str]:
    doc = Document(path="mem.txt", format="txt", sha256="0",
                   blocks=[Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)])
    return [f.rule for f in document_to_record(doc).flags]


def test_two_schools_in_one_sentence_are_not_a_total_and_its_part():
    assert _rules("Trường mầm non có 4 lớp với 95 học sinh Trường tiểu học gồm 12 lớp với 390 học sinh") == []


def test_a_breakdown_into_the_totals_kind_is_still_checked():
    assert _rules("Tổng số 95 học sinh, gồm 40 học sinh nam và 70 học sinh nữ.") == ["sum_mismatch"]
