"""A criteria count that belongs to other communes, another year or the other status is not a
second claim about this commune (the bug: news items and district summaries giving "N xã đạt M
tiêu chí" line by line, or a report tracing its count year by year, got criteria_count_mismatch
warnings, as did "3 xã chưa hoàn thành 18 tiêu chí" read as 18 unmet criteria)."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, Document
from extractor.pipeline import document_to_record


def _loud(*lines: str) -> list[str]:
    doc = Document(path="mem.txt", format="txt", sha256="0",
                   blocks=[Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)])
    return [f.rule for f in document_to_record(doc).flags if f.severity in ("error", "warning")]


@pytest.mark.parametrize("line", [
    "Cả huyện có 2 xã đạt 5 tiêu chí; 7 xã đạt 9 - 12 tiêu chí; 3 xã (Phú Lộc, An Hòa, Tân Mỹ) đạt 16 tiêu chí.",
    "Năm 2020 xã đạt 11/19 tiêu chí, năm 2021 xã đạt 13 tiêu chí, năm 2022 xã đạt 15 tiêu chí.",
    "Hai trong số 8 xã đăng ký về đích năm 2022 là Phú Lộc và An Hòa chưa hoàn thành 19 tiêu chí; "
    "Phú Lộc còn thiếu tiêu chí số 5 Trường học, An Hòa thiếu tiêu chí số 7 Cơ sở hạ tầng thương mại nông thôn.",
])
def test_counts_of_another_scope_raise_nothing(line):
    assert _loud("BÁO CÁO tình hình xây dựng nông thôn mới năm 2022", line) == []


def test_two_counts_of_one_year_and_place_still_disagree():
    loud = _loud("BÁO CÁO tình hình xây dựng nông thôn mới năm 2022",
                 "Đến nay xã đạt 15 tiêu chí.", "Như vậy, đến nay xã đã đạt 16 tiêu chí.")
    assert loud == ["criteria_count_mismatch"]
