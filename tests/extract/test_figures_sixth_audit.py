"""The sixth held-out audit's extra figures: a criterion named by the abbreviation "TC." and its
number ("TC.9 Nhà ở dân cư") is a reference, not a count of what its name says; a number after
it that counts something is still read."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, Document
from extractor.core.settings import DEFAULT_SETTINGS
from extractor.pipeline import document_to_record


def figures(*texts: str) -> list[tuple[float, str]]:
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)]
    record = document_to_record(Document(path="mem.txt", format="txt", sha256="0", blocks=blocks), DEFAULT_SETTINGS)
    return [(f.value, f.unit) for f in record.figures]


@pytest.mark.parametrize("line", [
    "Các tiêu chí còn phải phấn đấu: TC.4 chợ nông thôn; TC.13 Lao động.",
    "Xã chưa hoàn thành TC. 5 Thông tin; TC.2 Thu nhập và TC.15 Văn hóa.",
    "Riêng tc.19 Lao động có việc làm chưa đạt.",
])
def test_a_criterion_abbreviated_tc_dot_is_no_figure(line: str) -> None:
    assert figures(line) == []


def test_a_count_after_the_abbreviated_criterion_is_still_read() -> None:
    assert figures("Về TC.7, xã hiện có 3 chợ nông thôn.") == [(3, "count")]


def test_a_count_glued_to_a_period_after_another_word_is_read() -> None:
    # only the abbreviation "TC" takes the dot; a sentence ending before a count does not
    assert figures("Thôn Đông đã xong. 4 chợ nông thôn được nâng cấp.") == [(4, "count")]
