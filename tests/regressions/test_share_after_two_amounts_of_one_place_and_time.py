"""A percentage after two amounts is their ratio only when they are of one place and time and
one of them is its base (the bug: "năm 2023 giải ngân 2 tỷ đồng, lũy kế ... 15 tỷ đồng, đạt 75%
kế hoạch giai đoạn", a district's amount after the commune's, two items of an unstated plan,
the base written after the result, or a change beside an amount were read as a ratio: warning
flags on consistent sentences)."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, Document
from extractor.pipeline import document_to_record


def _loud(line: str) -> list[str]:
    doc = Document(path="mem.txt", format="txt", sha256="0", blocks=[Block(0, BlockKind.PARAGRAPH, line)])
    return [f.rule for f in document_to_record(doc).flags if f.severity in ("error", "warning")]


def test_amounts_of_other_times_places_or_an_unstated_base_are_no_ratio():
    for line in ("Năm 2023 giải ngân 2 tỷ đồng, lũy kế từ năm 2021 đến nay giải ngân 15 tỷ đồng, đạt 75% kế hoạch.",
                 "Xã giải ngân 1.200 triệu đồng, toàn huyện giải ngân 30.500 triệu đồng, đạt 86,4% kế hoạch.",
                 "Làm mới 3,2 km đường trục thôn, nâng cấp 1,5 km đường ngõ xóm, đạt 100% kế hoạch năm.",
                 "Giải ngân 1.800 triệu đồng trên tổng vốn giao 2.400 triệu đồng, đạt 75%.",
                 "Năm 2023 có 62 hộ nghèo, giảm 16 hộ so với cùng kỳ, chiếm 5%."):
        assert _loud(line) == [], line


def test_a_wrong_share_of_a_stated_base_is_still_flagged():
    assert _loud("Kế hoạch vốn giao 3.000 triệu đồng, thực hiện giải ngân 2.550 triệu đồng, đạt 95%.") == [
        "ratio_mismatch"]
    assert _loud("Giải ngân 1.800 triệu đồng trên tổng vốn giao 2.400 triệu đồng, đạt 57%.") == ["ratio_mismatch"]
