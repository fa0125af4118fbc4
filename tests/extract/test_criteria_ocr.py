"""Criteria in text read by OCR (issue 15): a garbled list item is skipped or repaired, a
criterion name matched with its marks stripped and one slip allowed; the same text typed (no
recognizer confidence) is read strictly, so none of these allowances can misfire on it."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, CriteriaStatus, Document
from extractor.extract.criteria.grammar import text_to_groups
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.extract.criteria_sets import ocr_name_at
from extractor.structure.outline import document_to_outline

DATE = "Hòa An, ngày 10 tháng 6 năm 2024"


def criteria_of(*texts: str, ocr: bool) -> CriteriaStatus:
    confidence = 0.93 if ocr else None
    blocks = [Block(i, BlockKind.PARAGRAPH, t, confidence=confidence) for i, t in enumerate((DATE, *texts))]
    return outline_to_criteria(document_to_outline(Document(path="scan.pdf", format="pdf", sha256="0",
                                                            blocks=blocks)))


def numbers(text: str, ocr: bool) -> list[int]:
    return [r.number for g in text_to_groups(text, 19, ocr=ocr) for r in g.refs]


def test_an_unreadable_item_is_skipped_and_the_list_read_on() -> None:
    text = "Xã đạt các tiêu chí 1, 2, 5, xq, 11 và 12."
    assert numbers(text, ocr=True) == [1, 2, 5, 11, 12]
    assert numbers(text, ocr=False) == [1, 2, 5]


@pytest.mark.parametrize("item, n", [("T9", 19), ("l4", 14), ("1O", 10)])
def test_letters_read_for_digits_are_repaired_inside_a_list(item: str, n: int) -> None:
    assert numbers(f"Gồm các tiêu chí 3, 6, {item}, 7.", ocr=True) == [3, 6, n, 7]
    assert n not in numbers(f"Gồm các tiêu chí 3, 6, {item}, 7.", ocr=False)


def test_a_repair_that_is_no_criterion_number_ends_the_list() -> None:
    assert numbers("Các tiêu chí 3, 6, S9, 7.", ocr=True) == [3, 6]  # 59 is out of range


def test_a_word_after_the_list_is_not_skipped_into_it() -> None:
    # "xã" is followed by no number: the list ends, nothing is skipped
    assert numbers("Đạt tiêu chí 1, 2, xã, huyện đánh giá cao.", ocr=True) == [1, 2]


@pytest.mark.parametrize("text, number", [
    ("Nhà ở dân cữ", 9), ("Nhật ở dân cư", 9), ("Giao thong", 2), ("Mội trường", 17),
    ("Văn hoa", 16),
])
def test_names_read_with_marks_stripped_and_one_slip(text: str, number: int) -> None:
    got = ocr_name_at(text + ", khác", 0)
    assert got is not None and got[0] == number and got[1] == len(text)


@pytest.mark.parametrize("text", ["Điểm", "Nhận xét", "Điện thoại", "Y tá"])
def test_short_names_take_no_slip(text: str) -> None:
    got = ocr_name_at(text, 0)
    assert got is None or got[1] < len(text)


def test_scanned_statement_with_counts_fills_the_garbled_item() -> None:
    lines = ["Đến nay xã đạt 17 tiêu chí, gồm các tiêu chí 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, "
             "15, tế, 18 và 19.", "Còn 2 tiêu chí chưa đạt gồm các tiêu chí: Nhà ở dân cữ, Văn hóa."]
    scan = criteria_of(*lines, ocr=True)
    assert scan.unmet == [9, 16]
    assert scan.met == [n for n in range(1, 20) if n not in (9, 16)]


def test_the_same_statement_typed_is_read_strictly() -> None:
    lines = ["Đến nay xã đạt 17 tiêu chí, gồm các tiêu chí 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, "
             "15, tế, 18 và 19.", "Còn 2 tiêu chí chưa đạt gồm các tiêu chí: Nhà ở dân cữ, Văn hóa."]
    typed = criteria_of(*lines, ocr=False)
    assert 18 not in typed.met and 16 not in typed.unmet
