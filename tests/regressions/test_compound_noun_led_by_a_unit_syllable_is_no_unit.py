"""A number before a compound noun whose first syllable is a unit was read with that unit: "150
đồng hồ nước" (water meters) and "03 đồng chí" (comrades) as money, "ký 1.200 bản cam kết"
(pledges) as villages, "treo 30 khẩu hiệu" (slogans) as people, "15 ngày công tác" (days away)
as labour-days; "5 tạ giống lúa" named the whole phrase as its unit."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, Document
from extractor.pipeline import document_to_record


def figures(text: str) -> list[tuple[float, str, str | None]]:
    record = document_to_record(Document("t.txt", "txt", "0", [Block(0, BlockKind.PARAGRAPH, text)]))
    return [(f.value, f.unit, f.noun) for f in record.figures]


@pytest.mark.parametrize("text, expected", [
    ("Xã đã lắp đặt 150 đồng hồ nước.", [(150, "count", "đồng hồ nước")]),
    ("Ban chỉ đạo gồm 03 đồng chí.", [(3, "person", None)]),
    ("Có 120 đồng bào dân tộc thiểu số.", [(120, "person", None)]),
    ("Ký 1.200 bản cam kết.", [(1200, "count", "bản cam kết")]),
    ("Treo 30 khẩu hiệu.", [(30, "count", "khẩu hiệu")]),
    ("Đoàn có 15 ngày công tác.", [(15, "count", "ngày")]),
    ("Hỗ trợ 5 tạ giống lúa và 12 lít thuốc bảo vệ thực vật.", [(5, "count", "tạ"), (12, "count", "lít")]),
])
def test_compound_noun_is_no_unit_of_its_first_syllable(text: str, expected: list) -> None:
    assert figures(text) == expected


def test_the_unit_alone_is_still_read() -> None:
    assert figures("Mức 150 đồng/người, 12 ngày công, 35 hộ nghèo.") == [
        (150, "VND", None), (12, "labour_day", None), (35, "household", None)]
