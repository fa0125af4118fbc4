"""The twelfth held-out audit's figures (lines written for these tests). A criterion's number
may be called its code or said to be had by it ("tiêu chí mã số 4", "tiêu chí có số 07",
"tiêu chí mã 9"): a list of them repeated item by item ("tiêu chí mã số 2, tiêu chí mã số 3")
names criteria and counts none, though each number stands before the next item's "tiêu chí";
a count beside the list is still read. A line or a page of a notebook ("từ dòng 2 sang dòng
5", "trang 14") is a place in it, no count. A spelled number after "so sánh" counts the
things compared ("so sánh hai xã"), no quantity measured."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, Document
from extractor.core.settings import DEFAULT_SETTINGS
from extractor.extract.figures import outline_to_figures
from extractor.pipeline import document_to_record
from extractor.structure.outline import document_to_outline


def figures(*texts: str) -> list[tuple[float, str]]:
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)]
    record = document_to_record(Document(path="mem.txt", format="txt", sha256="0", blocks=blocks),
                                DEFAULT_SETTINGS)
    return [(f.value, f.unit) for f in record.figures]


@pytest.mark.parametrize("line", [
    "Các tiêu chí đã đạt gồm tiêu chí mã số 3, tiêu chí mã số 6, tiêu chí mã số 10 và tiêu chí mã số 14.",
    "Còn thiếu: tiêu chí có số 02, tiêu chí có số 08; tiêu chí có số 11.",
    "Xã chấm đạt từ tiêu chí có số 01 cho tới tiêu chí có số 04, tiêu chí có số 09.",
    "Tổ thẩm định ghi tiêu chí mã 5, tiêu chí mã 12 còn thiếu hồ sơ.",
])
def test_a_criterion_named_by_its_code_is_no_count_of_criteria(line: str) -> None:
    assert figures(line) == []


def test_the_count_beside_a_criterion_code_list_is_still_read() -> None:
    line = "Xã đạt 12 tiêu chí, gồm tiêu chí mã số 1, tiêu chí mã số 4 và tiêu chí mã số 9."
    assert figures(line) == [(12.0, "criterion")]


def test_a_figure_after_a_criterion_code_is_still_read() -> None:
    assert figures("Tiêu chí mã số 2: đã cứng hóa 14,5 km đường trục xã.") == [(14.5, "km")]


@pytest.mark.parametrize("line", [
    "(Bản chép tay bỏ trống từ dòng 3 sang dòng 6; xem thêm trang 12 của sổ.)",
    "Ghi chú ở dòng 7, trang 2: số liệu cũ đã gạch.",
])
def test_a_line_or_page_of_a_notebook_is_no_count(line: str) -> None:
    assert figures(line) == []


def test_a_count_on_a_numbered_line_is_still_read() -> None:
    assert figures("Dòng 4 của sổ ghi: hỗ trợ 25 hộ nghèo làm chuồng trại.") == [(25.0, "household")]


@pytest.mark.parametrize("line,expected", [
    ("So sánh hai xã trong huyện: xã Đông Hòa đạt 16/19 tiêu chí.", [(16.0, "criterion")]),
    ("Luận văn so sánh ba địa bàn có điều kiện tương đồng.", []),
])
def test_things_compared_are_no_count(line: str, expected: list[tuple[float, str]]) -> None:
    assert figures(line) == expected


def test_a_spelled_count_not_after_so_sanh_stays() -> None:
    assert figures("Năm nay có hai xã về đích nông thôn mới.") == [(2.0, "count")]


@pytest.mark.parametrize("phrase,expected", [
    ("Huy dong 450 ngay cong lam duong", [(450.0, "labour_day")]),
    ("Hoat dong 12 lop tap huan, trang 3 xe cho hang", [(12.0, "count"), (3.0, "count")]),
])
def test_a_line_or_page_is_no_mask_in_a_report_typed_without_marks(phrase: str, expected: list) -> None:
    """Folded, "dòng" is "động" and "trang" "tráng": the line and page rule reads marked text only."""
    lines = ["Xa dat 17/19 tieu chi nong thon moi.", phrase]
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)]
    found, _ = outline_to_figures(document_to_outline(Document("mem.txt", "txt", "0", blocks)), DEFAULT_SETTINGS)
    assert [(f.value, f.unit) for f in found if f.location.block == 1] == expected
