"""ratio_mismatch (extractor/checks/ratios.py): a percentage beside its ratio, after two amounts,
and in a plan/result/percentage table row."""
from __future__ import annotations

import pytest

from extractor.core.model import (
    Block,
    BlockKind,
    CellPosition,
    Document,
)
from tests.checks.helpers import fig, make_doc, rules, run, texts


def test_ratio_mismatch_fires_on_a_wrong_percentage_after_its_ratio():
    doc = make_doc("+ Đường trục thôn được cứng hóa 12,1/12,6 km đạt 90%.")
    figures = [fig(doc, 0, "12,1/12,6 km", 12.1, "km", total=12.6), fig(doc, 0, "90%", 90, "percent")]
    flags = run(doc, figures)
    assert rules(flags) == ["ratio_mismatch"] and flags[0].severity == "error"
    assert set(texts(flags[0])) == {"12,1/12,6 km", "90%"}
    assert "96,03" in flags[0].message


@pytest.mark.parametrize("line, ratio, value, total, pct_text, pct", [
    ("+ Đường trục thôn được cứng hóa 12,1/12,6 km đạt 96%.", "12,1/12,6 km", 12.1, 12.6, "96%", 96),
    ("+ Tỷ lệ hộ sử dụng điện 676/676 hộ Đạt 100%", "676/676 hộ", 676, 676, "100%", 100),
    ("Tham gia bảo hiểm y tế 2692/2692 người có thẻ BHYT đạt 100%.", "2692/2692 người", 2692, 2692, "100%", 100),
    ("Đường ngõ xóm đạt 57% (8,5/15 km)", "8,5/15 km", 8.5, 15, "57%", 57),
    # truncated rather than rounded: 95.9 written as 95
    ("Đường thôn 95,9/100 km, đạt 95%", "95,9/100 km", 95.9, 100, "95%", 95),
])
def test_ratio_mismatch_silent_when_the_percentage_holds(line, ratio, value, total, pct_text, pct):
    doc = make_doc(line)
    figures = [fig(doc, 0, ratio, value, "km" if "km" in ratio else "household", total=total),
               fig(doc, 0, pct_text, pct, "percent")]
    assert run(doc, figures) == []


def test_ratio_mismatch_silent_when_the_percentage_is_about_something_else():
    doc = make_doc("Đường ngõ xóm 8,5/15 km; tỷ lệ hộ nghèo 12%.")
    figures = [fig(doc, 0, "8,5/15 km", 8.5, "km", total=15), fig(doc, 0, "12%", 12, "percent")]
    assert run(doc, figures) == []


def test_implicit_ratio_of_two_amounts():
    ok = "Vốn được giao: 2.600.000.000 đồng, giải ngân 1.488.131.262 đồng, đạt 57,24% kế hoạch giao."
    bad = "Vốn được giao: 2.600.000.000 đồng, giải ngân 1.488.131.262 đồng, đạt 75,24% kế hoạch giao."
    for line, expected in ((ok, []), (bad, ["ratio_mismatch"])):
        doc = make_doc(line)
        pct = "57,24%" if "57,24" in line else "75,24%"
        figures = [fig(doc, 0, "2.600.000.000 đồng", 2.6e9, "VND"), fig(doc, 0, "1.488.131.262 đồng", 1488131262,
                                                                        "VND"),
                   fig(doc, 0, pct, float(pct[:-1].replace(",", ".")), "percent")]
        flags = run(doc, figures)
        assert rules(flags) == expected
        if flags:
            assert flags[0].severity == "warning"
            assert {"2.600.000.000 đồng", "1.488.131.262 đồng", "75,24%"} == set(texts(flags[0]))


def test_implicit_ratio_needs_exactly_two_amounts_of_one_unit():
    doc = make_doc("Tổng vốn 5.000.000.000 đồng, ngân sách tỉnh 3.000.000.000 đồng, vốn dân 1.000.000.000 đồng, đạt "
                   "100% kế hoạch.")
    figures = [fig(doc, 0, "5.000.000.000 đồng", 5e9, "VND"), fig(doc, 0, "3.000.000.000 đồng", 3e9, "VND"),
               fig(doc, 0, "1.000.000.000 đồng", 1e9, "VND"), fig(doc, 0, "100%", 100, "percent")]
    assert run(doc, figures) == []


def _plan_table(plan: str, actual: str, pct: str) -> list:
    cells = [["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"],
             ["1", "Đường trục thôn được cứng hóa", "km", plan, actual, pct]]
    blocks = [Block(r * 6 + c, BlockKind.TABLE_CELL, text, cell=CellPosition(0, r, c))
              for r, row in enumerate(cells) for c, text in enumerate(row)]
    doc = Document(path="mem.docx", format="docx", sha256="0", blocks=blocks)
    num = lambda s: float(s.replace(",", "."))  # noqa: E731
    figures = [fig(doc, 9, plan, num(plan), "km"), fig(doc, 10, actual, num(actual), "km"),
               fig(doc, 11, pct, num(pct), "percent")]
    return run(doc, figures)


def test_table_row_plan_result_percentage():
    assert _plan_table("16,2", "11,8", "73") == []
    flags = _plan_table("16,2", "11,8", "83")
    assert rules(flags) == ["ratio_mismatch"] and flags[0].severity == "error"
    assert texts(flags[0]) == ["11,8", "16,2", "83"]
