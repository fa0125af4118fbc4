"""A range inside a list ("TC2 - TC5, TC9 và TC14 - TC16 đã đạt") was read as separate groups,
so the status after the list reached only the last range; and "hiện" between a list and its
status ("Các tiêu chí 4, 12 hiện chưa đạt") cut the status off."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, Document
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.structure.outline import document_to_outline


def _criteria(*lines: str):  # noqa: ANN202
    doc = Document(path="mem.txt", format="txt", sha256="0",
                   blocks=[Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)])
    return outline_to_criteria(document_to_outline(doc))


def test_status_after_a_list_with_ranges_reaches_every_item() -> None:
    r = _criteria("Đắk Sơn, ngày 2 tháng 3 năm 2023", "- Xã có 8 tiêu chí là TC2 - TC5, TC9 và TC14 - TC16 đã đạt.")
    assert r.met == [2, 3, 4, 5, 9, 14, 15, 16] and r.met_count_claimed == 8


def test_hien_between_a_list_and_its_status() -> None:
    r = _criteria("Đắk Sơn, ngày 2 tháng 3 năm 2023", "- Các tiêu chí 4, 12, 17-19 hiện chưa đạt.")
    assert r.unmet == [4, 12, 17, 18, 19]
