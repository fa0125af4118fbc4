"""The seventh held-out audit's figures (lines written for these tests): a number after "thứ" is
an ordinal ("tiêu chí NTM thứ 8, tiêu chí NTM thứ 11"), not a count of criteria read across the
comma, and gives no malformed-number warning; a reference word may carry "NTM" before its number;
a count in "TC" after a word ending in "điểm" ("Thời điểm: 06 TC") is still a count."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, Document
from extractor.core.settings import DEFAULT_SETTINGS
from extractor.pipeline import document_to_record


def _record(*texts: str):
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)]
    return document_to_record(Document(path="mem.txt", format="txt", sha256="0", blocks=blocks), DEFAULT_SETTINGS)


def figures(*texts: str) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in _record(*texts).figures]


@pytest.mark.parametrize("line", [
    "Còn lại tiêu chí NTM thứ 4, tiêu chí NTM thứ 9 chưa hoàn thành.",
    "Chưa đạt: tiêu chí thứ 6, tiêu chí thứ 14 tới tiêu chí thứ 16.",
    "Xã đứng thứ 2, sau xã bạn về tiến độ.",
    "Chưa đạt tiêu chí NTM 7, tiêu chí NTM 10.",
    "Riêng tiêu chí nông thôn mới số 13 còn chậm.",
    "Chưa đạt tiêu chí NTMNC 3, tiêu chí NTMNC 8.",
])
def test_an_ordinal_or_a_reference_with_ntm_is_no_figure(line: str) -> None:
    record = _record(line)
    assert [(f.value, f.unit) for f in record.figures] == []
    assert "malformed_number" not in [f.rule for f in record.flags]


def test_a_count_after_an_ordinal_is_still_read() -> None:
    assert figures("Năm thứ 3 của giai đoạn, thôn thứ 2 có 48 hộ.") == [(48, "household")]


@pytest.mark.parametrize(("line", "value"), [("+ Thời điểm: 06 TC;", 6), ("+ Khởi điểm: 09 TC.", 9)])
def test_a_count_in_tc_after_a_word_ending_in_diem_is_read(line: str, value: int) -> None:
    assert figures(line) == [(value, "criterion")]
