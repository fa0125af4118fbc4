"""Two sentences that repeat distinctive figures state one thing twice only when they speak of
one place, time and status (the bug: a plan "chỉ tiêu giao"/"KH giao" and its result, a sum "lũy
kế"/"giai đoạn 2021-2023" and one year, the start and the end of the year, and two villages
with the same support were flagged as one thing with two values)."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, Document
from extractor.pipeline import document_to_record


def _loud(*lines: str) -> list[str]:
    doc = Document(path="mem.txt", format="txt", sha256="0",
                   blocks=[Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)])
    return [f.rule for f in document_to_record(doc).flags if f.severity in ("error", "warning")]


TAIL = ", nhân dân hiến 3.200 m2 đất, đóng góp 450 triệu đồng và {} ngày công."


def test_other_time_status_or_place_is_no_conflict():
    assert _loud("Năm 2023" + TAIL.format("2.600"), "Lũy kế đến nay" + TAIL.format("12.500")) == []
    assert _loud("Giai đoạn 2021-2023" + TAIL.format("9.800"), "Năm 2023" + TAIL.format("2.600")) == []
    assert _loud("Chỉ tiêu giao làm 5 km đường, kinh phí 2.000 triệu đồng, nhân dân hiến 800 m2 đất.",
                 "Thực hiện 4,2 km đường, kinh phí 2.000 triệu đồng, nhân dân hiến 800 m2 đất.") == []
    assert _loud("Đầu năm toàn xã có 1.240 hộ, 62 hộ nghèo, 85 hộ cận nghèo.",
                 "Cuối năm toàn xã có 1.240 hộ, 50 hộ nghèo, 85 hộ cận nghèo.") == []
    assert _loud("- Đường thôn Đông: làm mới 1,2 km, kinh phí 850 triệu đồng, nhân dân hiến 300 m2 đất.",
                 "- Đường thôn Tây: làm mới 1,5 km, kinh phí 850 triệu đồng, nhân dân hiến 300 m2 đất.") == []


def test_the_same_time_and_place_told_twice_is_still_a_conflict():
    assert _loud("Năm 2023" + TAIL.format("2.600"), "Kết quả năm 2023: nhân dân hiến 3.200 m2 đất, đóng góp "
                 "450 triệu đồng và 3.600 ngày công.") == ["conflicting_values"]
