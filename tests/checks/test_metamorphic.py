"""Metamorphic tests of the flags on a consistent report (reports/consistent-prose.txt):
rewording it, moving its sections or restating an amount in another scale gives no flag;
changing one number gives exactly the flag that number breaks, in the section it stands in."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.core.model import Block, BlockKind, Document
from extractor.pipeline import document_to_record

BASE = (Path(__file__).parent / "reports" / "consistent-prose.txt").read_text(encoding="utf-8")
LOUD = ("error", "warning")


def _loud_rules(text: str) -> list[str]:
    lines = [t for t in text.splitlines() if t.strip()]
    doc = Document(path="mem.txt", format="txt", sha256="0",
                   blocks=[Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)])
    return sorted(f.rule for f in document_to_record(doc).flags if f.severity in LOUD)


def _edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_base_report_is_consistent():
    assert _loud_rules(BASE) == []


REWRITES = {
    "money in another scale": [("6.480 triệu đồng", "6,48 tỷ đồng")],
    "money in đồng": [("ngân sách tỉnh 1.900 triệu đồng", "ngân sách tỉnh 1.900.000.000 đồng")],
    "another connector": [("đã giải ngân 1.800.000.000 đồng, đạt 75%", "đã giải ngân 1.800.000.000 đồng, bằng 75%")],
    "another breakdown word": [("trong đó: ngân sách", "bao gồm: ngân sách")],
    "percentage before its ratio": [("được cứng hóa 21,5/24 km, đạt 89,6%", "được cứng hóa đạt 89,6% (21,5/24 km)")],
    "list joined with commas": [("Bãi Dài và Gò Mít", "Bãi Dài, Gò Mít")],
    "rounded percentage": [("đạt 90,3%", "đạt 90%")],
    "qualifier restated": [("khoảng 2.600 ngày công", "trên 2.600 ngày công")],
    "sections moved": [("4. Hộ nghèo", "4. Hộ nghèo (chuyển mục)")],
}


@pytest.mark.parametrize("name", sorted(REWRITES))
def test_equivalent_rewrites_give_no_flag(name):
    text = BASE
    for old, new in REWRITES[name]:
        text = _edit(text, old, new)
    assert _loud_rules(text) == []


def test_moving_a_section_gives_no_flag():
    lines = BASE.splitlines()
    start = lines.index("4. Hộ nghèo")
    moved = lines[:start] + lines[start + 3:start + 6] + lines[start:start + 3] + lines[start + 6:]
    assert sorted(moved) == sorted(lines) and moved != lines
    assert _loud_rules("\n".join(moved)) == []


MUTATIONS = {
    "sum_mismatch": ("ngân sách tỉnh 1.900 triệu đồng", "ngân sách tỉnh 2.900 triệu đồng"),
    "ratio_mismatch": ("đạt 89,6%", "đạt 80,6%"),
    "count_list_mismatch": ("Xã có 4 thôn", "Xã có 5 thôn"),
    "criteria_count_mismatch": ("còn 3 tiêu chí chưa đạt", "còn 4 tiêu chí chưa đạt"),
}


@pytest.mark.parametrize("rule", sorted(MUTATIONS))
def test_changing_one_number_gives_exactly_its_flag(rule):
    assert _loud_rules(_edit(BASE, *MUTATIONS[rule])) == [rule]


def test_a_restated_campaign_changed_in_one_place_is_a_conflict():
    restated = _edit(BASE, "Tỷ lệ hộ nghèo đầu năm", "Phong trào làm đường: nhân dân hiến 3.200 m2 đất, đóng góp "
                     "trên 2.600 ngày công, giá trị 450 triệu đồng.\nTỷ lệ hộ nghèo đầu năm")
    assert _loud_rules(restated) == []
    # within what "trên 2.600" allows: no conflict; beyond it: one
    assert _loud_rules(_edit(restated, "đóng góp trên 2.600 ngày công, giá trị", "đóng góp 2.650 ngày công, "
                             "giá trị")) == []
    assert _loud_rules(_edit(restated, "đóng góp trên 2.600 ngày công, giá trị", "đóng góp 3.950 ngày công, "
                             "giá trị")) == ["conflicting_values"]


def test_changing_a_plan_or_another_years_figure_gives_no_flag():
    # the plan section repeats the campaign as a target: a different value is a new aim
    assert _loud_rules(_edit(BASE, "khoảng 2.600 ngày công", "khoảng 3.000 ngày công")) == []
    # another year's criteria count may differ from this year's
    assert _loud_rules(_edit(BASE, "năm 2022 xã đạt 14 tiêu chí", "năm 2022 xã đạt 13 tiêu chí")) == []
    # other communes' counts are not this commune's
    assert _loud_rules(_edit(BASE, "4 xã đạt 15 tiêu chí", "4 xã đạt 17 tiêu chí")) == []
