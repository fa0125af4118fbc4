"""Short passages in forms of real reports (passages/scope_time.yaml), read by the whole
pipeline: each must raise exactly the loud flags it lists. Most list none: a figure of the
district, of a cumulative period, of a plan, a sub-part or a restatement is not compared
with the commune's result of the year. The families hold rewrites: one passage with and
without the change of scope, time or plan that brings or removes a flag."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from extractor.core.data import parse_yaml
from extractor.core.model import Block, BlockKind, Document
from extractor.pipeline import document_to_record

PASSAGES: list[dict[str, Any]] = parse_yaml(
    (Path(__file__).parent / "passages" / "scope_time.yaml").read_text(encoding="utf-8"))
LOUD = ("error", "warning")


def loud_rules(lines: list[str]) -> list[str]:
    doc = Document(path="mem.txt", format="txt", sha256="0",
                   blocks=[Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)])
    return sorted(f.rule for f in document_to_record(doc).flags if f.severity in LOUD)


def test_the_batch_is_mostly_consistent_passages():
    ids = [p["id"] for p in PASSAGES]
    assert len(ids) == len(set(ids)) and len(ids) >= 80
    flagged = sum(1 for p in PASSAGES if p["flags"])
    assert 20 <= flagged <= len(ids) // 3
    # every family with a flagged passage holds a consistent one beside it
    families = Counter(p["family"] for p in PASSAGES if not p["flags"])
    assert all(families[p["family"]] for p in PASSAGES if p["flags"])


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_passage_raises_exactly_its_flags(passage):
    assert loud_rules(passage["lines"]) == sorted(passage["flags"])


# (passage, edits, flags before, flags after): one change of place, time or plan/done
# that removes a flag the passage raises, or brings one it does not
SCOPE_CHANGES = {
    "ratio: the result summed over years": (
        "Vốn giao 2.400 triệu đồng, đã giải ngân 1.800 triệu đồng, đạt 57%.",
        [("đã giải ngân", "lũy kế từ năm 2021 đến nay giải ngân")], ["ratio_mismatch"], []),
    "ratio: the result of the district": (
        "Vốn giao 2.400 triệu đồng, đã giải ngân 1.800 triệu đồng, đạt 57%.",
        [("đã giải ngân", "toàn huyện giải ngân")], ["ratio_mismatch"], []),
    "sum: a part that is a plan": (
        "Tổng vốn năm 2023 là 5 tỷ đồng, trong đó: ngân sách 3 tỷ đồng, nhân dân 2 tỷ đồng, vốn lồng ghép 1 tỷ đồng.",
        [("vốn lồng ghép", "kế hoạch năm 2024 vốn lồng ghép")], ["sum_mismatch"], []),
    "sum: a part of the district": (
        "Tổng vốn năm 2023 là 5 tỷ đồng, trong đó: ngân sách 3 tỷ đồng, nhân dân 2 tỷ đồng, vốn lồng ghép 1 tỷ đồng.",
        [("vốn lồng ghép", "toàn huyện vốn lồng ghép")], ["sum_mismatch"], []),
    "sum: a part of another year": (
        "Tổng vốn năm 2023 là 5 tỷ đồng, trong đó: ngân sách 3 tỷ đồng, nhân dân 2 tỷ đồng, vốn lồng ghép 1 tỷ đồng.",
        [("vốn lồng ghép", "năm 2022 vốn lồng ghép")], ["sum_mismatch"], []),
    "sum: a sum over years becomes a source": (
        "Tổng vốn năm 2023 là 5 tỷ đồng, trong đó: ngân sách 3 tỷ đồng, nhân dân 2 tỷ đồng; "
        "lũy kế từ năm 2011 đến nay huy động 1 tỷ đồng.",
        [("; lũy kế từ năm 2011 đến nay huy động", ", vốn doanh nghiệp")], [], ["sum_mismatch"]),
    "sum: a sub-part becomes a sibling": (
        "Tổng kinh phí 3.500 triệu đồng, trong đó: xây dựng đường 2.000 triệu đồng, riêng đoạn qua thôn Đông "
        "500 triệu đồng; nhà văn hóa 1.500 triệu đồng.",
        [("riêng đoạn qua thôn Đông", "kênh mương")], [], ["sum_mismatch"]),
    "level: the year of the report": (
        "- Tỷ lệ người dân tham gia BHYT năm 2016 đạt 78%.",
        [("năm 2016", "năm 2020")], [], ["criterion_vs_figure"]),
    "level: the commune": (
        "- Tỷ lệ người dân tham gia BHYT toàn huyện đạt 78%.",
        [("toàn huyện", "toàn xã")], [], ["criterion_vs_figure"]),
    "conflict: another village": (
        "- Đường thôn Đông: làm mới 1,2 km, kinh phí 850 triệu đồng, nhân dân hiến 300 m2 đất.\n"
        "- Thôn Đông làm mới 1,5 km đường, kinh phí 850 triệu đồng, nhân dân hiến 300 m2 đất.",
        [("- Thôn Đông", "- Thôn Tây")], ["conflicting_values"], []),
    "conflict: the start of the year": (
        "Cuối năm toàn xã có 1.240 hộ, 62 hộ nghèo, 85 hộ cận nghèo.\n"
        "Đến 31/12, toàn xã có 1.240 hộ, 50 hộ nghèo, 85 hộ cận nghèo.",
        [("Cuối năm", "Đầu năm")], ["conflicting_values"], []),
    "criteria: the present and a year named": (
        "Năm 2021 xã đạt 12/19 tiêu chí; đến nay xã đã đạt 16/19 tiêu chí.",
        [("Năm 2021", "Đến nay")], [], ["criteria_count_mismatch"]),
}

# rewrites that say the same: the flags stay
REWRITES = {
    "ratio: another connector and scale": (
        "Vốn giao 2.400 triệu đồng, đã giải ngân 1.800 triệu đồng, đạt 57%.",
        [("2.400 triệu đồng", "2,4 tỷ đồng"), ("đạt 57%", "bằng 57%")]),
    "ratio: the base after the result": (
        "Vốn giao 2.400 triệu đồng, đã giải ngân 1.800 triệu đồng, đạt 57%.",
        [("Vốn giao 2.400 triệu đồng, đã giải ngân 1.800 triệu đồng",
          "Đã giải ngân 1.800 triệu đồng trên tổng vốn giao 2.400 triệu đồng")]),
    "sum: another breakdown word and scale": (
        "Tổng vốn năm 2023 là 5 tỷ đồng, trong đó: ngân sách 3 tỷ đồng, nhân dân 2 tỷ đồng, vốn lồng ghép 1 tỷ đồng.",
        [("trong đó:", "bao gồm:"), ("5 tỷ đồng", "5.000 triệu đồng")]),
    "sum: the year in a heading": (
        "Tổng vốn năm 2023 là 5 tỷ đồng, trong đó: ngân sách 3 tỷ đồng, nhân dân 2 tỷ đồng, vốn lồng ghép 1 tỷ đồng.",
        [("Tổng vốn năm 2023 là", "Kết quả năm 2023: tổng vốn")]),
    "sum: a sub-part in brackets instead of after riêng": (
        "Tổng kinh phí 3.500 triệu đồng, trong đó: xây dựng đường 2.000 triệu đồng, riêng đoạn qua thôn Đông "
        "500 triệu đồng; nhà văn hóa 1.500 triệu đồng.",
        [(", riêng đoạn qua thôn Đông 500 triệu đồng;", " (riêng đoạn qua thôn Đông 500 triệu đồng),")]),
}

_LEVEL_REPORT = ("Báo cáo kết quả xây dựng nông thôn mới giai đoạn 2016-2020",
                 "- Các tiêu chí đạt: Tiêu chí số 15 Y tế.")


def _lines(text: str) -> list[str]:
    lines = text.split("\n")
    return [_LEVEL_REPORT[0], *lines, _LEVEL_REPORT[1]] if "BHYT" in text else lines


def _edit(text: str, edits: list[tuple[str, str]]) -> str:
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.mark.parametrize("name", sorted(SCOPE_CHANGES))
def test_a_change_of_scope_time_or_plan_brings_or_removes_a_flag(name):
    text, edits, before, after = SCOPE_CHANGES[name]
    assert loud_rules(_lines(text)) == before
    assert loud_rules(_lines(_edit(text, edits))) == after


@pytest.mark.parametrize("name", sorted(REWRITES))
def test_an_equivalent_rewrite_keeps_the_flags(name):
    text, edits = REWRITES[name]
    assert loud_rules(_lines(text)) == loud_rules(_lines(_edit(text, edits)))
