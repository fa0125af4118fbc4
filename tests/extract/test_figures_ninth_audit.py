"""The ninth held-out audit's figures (lines written for these tests): a table pasted as
tab-separated text ("4<tab>điện<tab>Đạt") opens each row with its ordinal, which counts nothing
whatever word the next column holds ("lao động" is a unit, "nhà ở" a counted noun elsewhere); a
figure in a later column is still read, and so is a count that opens a line with a space after
it. A list of criteria numbers runs on with ";", takes a range with "tới" as with "đến", and
may end with "với" ("các tiêu chí 3; 6; 9 với 12 xã tự chấm đạt"); after a single number "với"
is "with" and what follows is a figure."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, Document
from extractor.core.settings import DEFAULT_SETTINGS
from extractor.pipeline import document_to_record


def figures(*texts: str) -> list[tuple[float, str]]:
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)]
    record = document_to_record(Document(path="mem.txt", format="txt", sha256="0", blocks=blocks),
                                DEFAULT_SETTINGS)
    return [(f.value, f.unit) for f in record.figures]


@pytest.mark.parametrize("row", [
    "4\tnhà ở dân cư\tĐạt",
    "7\tLao động\tChưa đạt",
    "12\tthu nhập\t\tGiữ vững",
    "15.\ty tế\tĐ",
    " 3 \tvăn hóa\tCĐ",
])
def test_a_tab_separated_rows_ordinal_is_no_figure(row: str) -> None:
    assert figures("Bảng tổng hợp kết quả tự đánh giá:", row) == []


def test_a_figure_in_a_later_column_is_still_read() -> None:
    assert figures("2\tSố hộ nghèo\t35 hộ") == [(35.0, "household")]


def test_a_count_opening_a_line_without_a_tab_is_still_read() -> None:
    assert figures("12 lao động được đào tạo nghề trong năm.") == [(12.0, "person")]


@pytest.mark.parametrize("line", [
    "- Các tiêu chí 3; 6; 9 với 12 xã tự chấm đạt nhưng chưa đủ hồ sơ.",
    "- Tiêu chí 5; 8 với 17 đoàn kiểm tra kết luận chưa đạt.",
])
def test_a_criteria_list_closed_by_voi_is_no_figure(line: str) -> None:
    assert figures(line) == []


def test_a_single_number_with_voi_leaves_the_figure() -> None:
    assert figures("Dự án 2 với 45 hộ tham gia.") == [(45.0, "household")]


@pytest.mark.parametrize("line", [
    "- Các tiêu chí 2 tới 5; 10; 16 xã chưa hoàn thành trong năm nay.",
    "- Tiêu chí 4 tới 6 và 13 xã còn thiếu hồ sơ minh chứng.",
])
def test_a_criteria_range_with_toi_is_no_figure(line: str) -> None:
    assert figures(line) == []


def test_a_single_number_before_toi_leaves_the_figure() -> None:
    assert figures("Dự án 3 tới 60 hộ được hỗ trợ.") == [(60.0, "household")]
