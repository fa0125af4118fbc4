"""Parts of a total are its siblings of one place and time (the bug: a breakdown read every
figure of its unit to the end of the sentence as a part, so "...; lũy kế từ năm 2011 đến nay
120 tỷ đồng", a district's figure after ';', a plan for next year, a sub-part after "riêng" or
in brackets, and the "+" items under a "-" item were added to one year's total: error flags on
consistent reports)."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, Document
from extractor.pipeline import document_to_record


def _loud(*lines: str) -> list[str]:
    doc = Document(path="mem.txt", format="txt", sha256="0",
                   blocks=[Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)])
    return [f.rule for f in document_to_record(doc).flags if f.severity in ("error", "warning")]


SPLIT = "Tổng vốn năm 2023 là 5 tỷ đồng, trong đó: ngân sách 3 tỷ đồng, nhân dân 2 tỷ đồng"


def test_a_sum_over_years_a_district_or_a_plan_after_the_split_is_no_part():
    for tail in ("; lũy kế từ năm 2011 đến nay huy động 120 tỷ đồng.", "; toàn huyện huy động 245 tỷ đồng.",
                 "; kế hoạch năm 2024 huy động 12 tỷ đồng.", "; năm 2022 huy động 6,5 tỷ đồng."):
        assert _loud(SPLIT + tail) == [], tail


def test_a_sibling_of_the_same_scope_is_still_a_part():
    assert _loud(SPLIT + ", vốn doanh nghiệp 1 tỷ đồng.") == ["sum_mismatch"]


def test_a_sub_part_is_no_sibling():
    assert _loud("Tổng kinh phí 3.500 triệu đồng, trong đó: xây dựng đường 2.000 triệu đồng (riêng đoạn qua thôn "
                 "Đông 500 triệu đồng), nhà văn hóa 1.500 triệu đồng.") == []
    assert _loud("Tổng kinh phí 3.500 triệu đồng, trong đó: xây dựng đường 2.000 triệu đồng, riêng đoạn qua thôn "
                 "Đông 500 triệu đồng; nhà văn hóa 1.500 triệu đồng.") == []
    items = ["Tổng kinh phí thực hiện 6.480 triệu đồng, trong đó:", "- Ngân sách nhà nước 5.100 triệu đồng:",
             "+ Ngân sách trung ương 3.200 triệu đồng;", "+ Ngân sách tỉnh 1.900 triệu đồng;",
             "- Nhân dân đóng góp 1.380 triệu đồng."]
    assert _loud(*items) == []
    assert _loud(*items[:-1], "- Nhân dân đóng góp 1.580 triệu đồng.") == ["sum_mismatch"]
