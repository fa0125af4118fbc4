"""conflicting_values (extractor/checks/conflicts.py): cases that must fire and cases that must not."""
from __future__ import annotations

import pytest

from extractor.core.model import (
    Block,
    BlockKind,
    CellPosition,
    Document,
    Figure,
)
from tests.checks.helpers import fig, make_doc, rules, run, texts

CAMPAIGN_A = ("Tổng số tiền Nhân dân đóng góp được là trên 42.500.000đ, số công lao động được trên 300 ngày công, hiến "
              "trên 120 m2 đất.")
CAMPAIGN_B = ("Phong trào thi đua: Tổng số tiền Nhân dân đóng góp được là trên 42.500.000đ, số công lao động được trên "
              "500 ngày công, hiến trên 120 m² đất.")


def _campaign_figures(doc: Document, a: int, b: int, b_labour: str = "500 ngày công",
                      b_value: float = 500) -> list[Figure]:
    return [
        fig(doc, a, "42.500.000đ", 42_500_000, "VND", qualifier="trên", indicator="residents_money_vnd"),
        fig(doc, a, "300 ngày công", 300, "labour_day", qualifier="trên", indicator="residents_labour_days"),
        fig(doc, a, "120 m2", 120, "m2", qualifier="trên", indicator="land_donated_m2"),
        fig(doc, b, "42.500.000đ", 42_500_000, "VND", qualifier="trên", indicator="residents_money_vnd"),
        fig(doc, b, b_labour, b_value, "labour_day", qualifier="trên", indicator="residents_labour_days"),
        fig(doc, b, "120 m²" if "120 m²" in doc.blocks[b].text else "120 m2", 120, "m2",
            qualifier="trên", indicator="land_donated_m2"),
    ]


def test_conflicting_values_fires_on_a_campaign_told_twice_with_one_figure_changed():
    doc = make_doc("(9) Nội dung thành phần số 09: Mặt trận", CAMPAIGN_A,
                   "(11) Nội dung thành phần số 11: Giám sát", CAMPAIGN_B)
    flags = run(doc, _campaign_figures(doc, 1, 3))
    assert rules(flags) == ["conflicting_values"]
    flag = flags[0]
    assert flag.severity == "error"
    assert {"300 ngày công", "500 ngày công"} <= set(texts(flag))
    assert "300 ngày công" in flag.message and "500 ngày công" in flag.message
    assert "nội dung thành phần số 9" in flag.message
    assert flag.message_en and "component 11" in flag.message_en
    assert all(e.location is not None for e in flag.evidence)


def test_conflicting_values_with_one_anchor_is_only_a_hint():
    doc = make_doc("Vốn được giao: 176.000.000 đồng, giải ngân 50.000.000 đồng.",
                   "Dự án hỗ trợ nhà ở: vốn được giao 176.000.000 đồng, giải ngân 80.000.000 đồng.")
    figures = [fig(doc, 0, "176.000.000 đồng", 176e6, "VND"), fig(doc, 0, "50.000.000 đồng", 50e6, "VND"),
               fig(doc, 1, "176.000.000 đồng", 176e6, "VND"), fig(doc, 1, "80.000.000 đồng", 80e6, "VND")]
    flags = run(doc, figures)
    assert rules(flags) == ["conflicting_values"] and flags[0].severity == "info"


@pytest.mark.parametrize("second", [
    # the same sentence repeated with the same figures
    CAMPAIGN_A,
    # a different year: another period, not a contradiction
    "Năm 2022: Tổng số tiền Nhân dân đóng góp được là trên 42.500.000đ, số công lao động được trên 500 ngày công, "
    "hiến trên 120 m2 đất năm 2022.",
])
def test_conflicting_values_silent_on_repeats_and_other_periods(second):
    first = "Năm 2021: " + CAMPAIGN_A[:-1] + " năm 2021."
    doc = make_doc(first, second)
    labour = "500 ngày công" if "500 ngày công" in second else "300 ngày công"
    flags = run(doc, _campaign_figures(doc, 0, 1, labour, float(labour.split()[0])))
    assert flags == []


def test_conflicting_values_silent_without_distinctive_shared_figures():
    # shared small counts and percentages are everywhere; they do not make two sentences one
    doc = make_doc("Giao khoán bảo vệ rừng cho 3 cộng đồng thôn và 76 hộ, đạt 100%.",
                   "Giao khoán bảo vệ rừng tự nhiên đối với 03 cộng đồng thôn và 81 hộ gia đình, đạt 100%.")
    figures = [fig(doc, 0, "3 cộng đồng thôn", 3, "count", noun="cộng đồng thôn"), fig(doc, 0, "76 hộ", 76,
                                                                                       "household"),
               fig(doc, 0, "100%", 100, "percent"),
               fig(doc, 1, "03 cộng đồng thôn", 3, "count", noun="cộng đồng thôn"),
               fig(doc, 1, "81 hộ gia đình", 81, "household"), fig(doc, 1, "100%", 100, "percent")]
    assert run(doc, figures) == []


def test_conflicting_values_silent_when_indicators_differ():
    doc = make_doc("Vốn được giao 176.000.000 đồng, trong đó xây dựng 300 m2 nhà văn hóa.",
                   "Vốn được giao 176.000.000 đồng, hiến 500 m2 đất.")
    figures = [fig(doc, 0, "176.000.000 đồng", 176e6, "VND"), fig(doc, 0, "300 m2", 300, "m2",
                                                                  indicator="floor_area_m2"),
               fig(doc, 1, "176.000.000 đồng", 176e6, "VND"), fig(doc, 1, "500 m2", 500, "m2",
                                                                  indicator="land_donated_m2")]
    assert run(doc, figures) == []


def test_conflicting_values_silent_when_several_figures_changed():
    # planned and irrigated areas share the perennial 13 ha but are two different measures
    doc = make_doc("- Diện tích cần tưới theo kế hoạch 144,1 ha, trong đó cây hàng năm 131,1 ha, cây lâu năm 13 ha.",
                   "- Diện tích thực tế được tưới 138,9 ha, trong đó cây hàng năm 125,9 ha, cây lâu năm 13 ha.")
    figures = [fig(doc, 0, "144,1 ha", 144.1, "ha"), fig(doc, 0, "131,1 ha", 131.1, "ha"), fig(doc, 0, "13 ha", 13,
                                                                                               "ha"),
               fig(doc, 1, "138,9 ha", 138.9, "ha"), fig(doc, 1, "125,9 ha", 125.9, "ha"), fig(doc, 1, "13 ha", 13,
                                                                                               "ha")]
    assert [f for f in run(doc, figures) if f.rule == "conflicting_values"] == []


def _prose_and_table(sentence: str, prose_text: str, prose_value: float, cell: str, cell_value: float) -> list:
    blocks = [Block(0, BlockKind.PARAGRAPH, sentence),
              Block(1, BlockKind.TABLE_CELL, "Số hộ nghèo", cell=CellPosition(0, 1, 1)),
              Block(2, BlockKind.TABLE_CELL, cell, cell=CellPosition(0, 1, 2))]
    doc = Document(path="mem.docx", format="docx", sha256="0", blocks=blocks)
    figures = [fig(doc, 0, prose_text, prose_value, "household", indicator="poor_households"),
               fig(doc, 2, cell, cell_value, "household", indicator="poor_households")]
    return run(doc, figures)


def test_text_and_table_disagree_on_one_indicator():
    flags = _prose_and_table("- Toàn xã còn 154 hộ nghèo và 26 hộ cận nghèo.", "154 hộ nghèo", 154, "135", 135)
    assert rules(flags) == ["conflicting_values"] and flags[0].severity == "info"
    assert texts(flags[0]) == ["154 hộ nghèo", "135"]
    assert _prose_and_table("- Toàn xã còn 135 hộ nghèo.", "135 hộ nghèo", 135, "135", 135) == []
    # a target is not a statement of the current value
    assert _prose_and_table("- Phấn đấu giảm 71 hộ nghèo trong năm 2025.", "71 hộ nghèo", 71, "195", 195) == []


def test_single_valued_indicator_with_two_values_is_an_info_hint():
    doc = make_doc("Tỷ lệ nghèo đa chiều của xã là 26,95%.", "Tỷ lệ nghèo đa chiều còn 24,1%.")
    figures = [fig(doc, 0, "26,95%", 26.95, "percent", indicator="poverty_rate_percent"),
               fig(doc, 1, "24,1%", 24.1, "percent", indicator="poverty_rate_percent")]
    flags = run(doc, figures)
    assert rules(flags) == ["conflicting_values"] and flags[0].severity == "info"
    assert set(texts(flags[0])) == {"26,95%", "24,1%"}
    same = [fig(doc, 0, "26,95%", 26.95, "percent", indicator="poverty_rate_percent")] * 2
    assert run(doc, same) == []


# ---------------------------------------------------------------------------- issue 14


def _two_sections(first: str, second: str) -> Document:
    return make_doc("1. Giao thông", first, "2. Huy động nguồn lực", second)


def test_money_in_two_scales_is_compared_by_value():
    doc = _two_sections("Làm đường trục thôn: hiến 2.500 m2 đất, 1.200 ngày công, kinh phí 2.350 triệu đồng.",
                        "Đường trục thôn: hiến 2.500 m2 đất, 1.200 ngày công, kinh phí 2,53 tỷ đồng.")
    figures = [fig(doc, 1, "2.500 m2", 2500, "m2"), fig(doc, 1, "1.200 ngày công", 1200, "labour_day"),
               fig(doc, 1, "2.350 triệu đồng", 2.35e9, "VND"), fig(doc, 3, "2.500 m2", 2500, "m2"),
               fig(doc, 3, "1.200 ngày công", 1200, "labour_day"), fig(doc, 3, "2,53 tỷ đồng", 2.53e9, "VND")]
    flags = run(doc, figures)
    assert rules(flags) == ["conflicting_values"] and flags[0].severity == "error"
    assert {"2.350 triệu đồng", "2,53 tỷ đồng"} <= set(texts(flags[0]))
    same = [f if f.text != "2,53 tỷ đồng" else fig(doc, 3, "2,53 tỷ đồng", 2.35e9, "VND") for f in figures]
    assert run(doc, same) == []  # "2,35 tỷ" is "2.350 triệu"


@pytest.mark.parametrize(("second", "value", "fires"), [
    ("3.650 ngày công", 3650, False),  # within "trên 3.600"
    ("3.950 ngày công", 3950, True),   # beyond it
    ("3.500 ngày công", 3500, True),   # below it
])
def test_a_qualified_figure_allows_its_range(second, value, fires):
    doc = _two_sections("Phong trào: hiến 800 m2 đất, góp 95.000.000 đồng, trên 3.600 ngày công.",
                        f"Kết quả phong trào: hiến 800 m2 đất, góp 95.000.000 đồng, {second}.")
    figures = [fig(doc, 1, "800 m2", 800, "m2"), fig(doc, 1, "95.000.000 đồng", 95e6, "VND"),
               fig(doc, 1, "3.600 ngày công", 3600, "labour_day", qualifier="trên"),
               fig(doc, 3, "800 m2", 800, "m2"), fig(doc, 3, "95.000.000 đồng", 95e6, "VND"),
               fig(doc, 3, second, value, "labour_day")]
    flags = run(doc, figures)
    assert rules(flags) == (["conflicting_values"] if fires else [])
    if fires:
        assert "trên 3.600 ngày công" in flags[0].message


def test_a_target_is_not_compared_with_the_result():
    doc = _two_sections("Năm 2023 nhân dân hiến 800 m2 đất, góp 95.000.000 đồng, 3.600 ngày công.",
                        "Phấn đấu năm 2023 nhân dân hiến 800 m2 đất, góp 95.000.000 đồng, 4.000 ngày công.")
    figures = [fig(doc, b, t, v, u) for b in (1, 3) for t, v, u in
               (("800 m2", 800, "m2"), ("95.000.000 đồng", 95e6, "VND"))]
    figures += [fig(doc, 1, "3.600 ngày công", 3600, "labour_day"), fig(doc, 3, "4.000 ngày công", 4000, "labour_day")]
    assert run(doc, figures) == []


def test_a_repeated_paragraph_is_compared_in_linear_time():
    import time

    from extractor.checks.conflicts import conflicting_values
    from extractor.checks.index import record_to_report
    from extractor.core.model import CriteriaStatus, Identity, Record
    from extractor.structure.outline import document_to_outline

    line = "Nhân dân hiến 150 m2 đất, góp 85.300.000 đồng và 420 ngày công làm đường."

    def seconds(n: int) -> float:
        doc = make_doc(*[line] * n)
        figures = [fig(doc, b, t, v, u) for b in range(n) for t, v, u in
                   (("150 m2", 150, "m2"), ("85.300.000 đồng", 85.3e6, "VND"), ("420 ngày công", 420, "labour_day"))]
        rep = record_to_report(Record(source={}, identity=Identity(), criteria=CriteriaStatus(), figures=figures,
                                      flags=[]), document_to_outline(doc))
        start = time.perf_counter()
        assert conflicting_values(rep) == []
        return time.perf_counter() - start

    small, large = seconds(300), seconds(1200)
    assert large < 8 * small + 0.5  # quadratic would be 16 times
