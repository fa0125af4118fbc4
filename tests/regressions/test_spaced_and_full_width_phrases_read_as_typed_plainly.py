"""Runs of spaces or tabs inside a phrase, full-width punctuation and a lettered heading typed in
capitals read as the plain forms the patterns spell (the bugs: "đạt  17/19  tiêu chí" or
"KẾT  QUẢ" missed every pattern written with one space; "10，17" was no list; "A) CÁC TIÊU CHÍ
CHƯA ĐẠT" was no heading, so the items under it had no status). The normalizer (text/) does it
once for every stage; a collapsed run or a full-width mark maps back to the report's own text."""
from __future__ import annotations

import pytest

from tests.extract.helpers import criteria_of
from tests.extract.test_figures_forms import record_of

HEADER = ("UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023",
          "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023")
REST = [n for n in range(1, 20) if n not in (10, 17)]
Answer = tuple[list[int], list[int], list[int]]


def answer(*lines: str) -> Answer:
    c = criteria_of(*HEADER, *lines)
    return sorted(c.met), sorted(c.unmet), sorted(c.basically_met)


@pytest.mark.parametrize("lines, expected", [
    (["Xã  đạt  17/19  tiêu chí,\tchưa đạt tiêu chí 10  và  17."], (REST, [10, 17], [])),
    (["Xã đạt 17/19 tiêu chí，chưa đạt tiêu chí 10，17．"], (REST, [10, 17], [])),
    (["Tiêu chí chưa đạt：tiêu chí số 10（Thu nhập）；tiêu chí số 17（Môi trường）．"], ([], [10, 17], [])),
    (["A) CÁC TIÊU CHÍ CHƯA ĐẠT", "- THU NHẬP;", "- MÔI TRƯỜNG.", "B) CÁC TIÊU CHÍ CÒN LẠI ĐỀU ĐẠT."],
     (REST, [10, 17], [])),
    (["A) Các Tiêu Chí Chưa Đạt", "- Thu Nhập;", "- Môi Trường.", "B) Các Tiêu Chí Còn Lại Đều Đạt."],
     (REST, [10, 17], [])),
])
def test_criteria_read_the_same(lines: list[str], expected: Answer) -> None:
    assert answer(*lines) == expected


@pytest.mark.parametrize("lines", [
    ["A) CÁC TIÊU CHÍ PHẤN ĐẤU ĐẠT NĂM 2024", "- THU NHẬP;", "- MÔI TRƯỜNG."],
    ["A) KẾT QUẢ THỰC HIỆN", "- Giao thông: làm mới 2 km đường.", "- Thu nhập bình quân 50 triệu đồng."],
    ["Năm  2024  xã  phấn  đấu  đạt  tiêu chí 10 và 17."],
    ["Thôn  Na Hin  đạt  15/19  tiêu chí."],
])
def test_plans_and_villages_spaced_or_in_capitals_still_state_nothing(lines: list[str]) -> None:
    assert answer(*lines) == ([], [], [])


@pytest.mark.parametrize("text", [
    "Làm mới  12,5\tkm  đường  giao thông,  kinh phí  3.500  triệu  đồng.",
    "Làm mới 12,5 km đường giao thông，kinh phí：3.500 triệu đồng．",
])
def test_figures_and_their_labels_read_the_same(text: str) -> None:
    record = record_of(text)
    assert [(f.value, f.unit, f.label) for f in record.figures] == [
        (12.5, "km", "Làm mới"), (3_500_000_000, "VND", "đường giao thông, kinh phí")]


def test_thousands_grouped_by_runs_of_spaces_are_one_number() -> None:
    # was read as 0 đồng: "8  898" were two numbers
    record = record_of("Tổng vốn 8  898  100  000 đồng.")
    assert [(f.value, f.unit, f.label) for f in record.figures] == [(8_898_100_000, "VND", "Tổng vốn")]


def test_evidence_of_a_spaced_figure_is_the_reports_own_text() -> None:
    text = "Làm mới  12,5\tkm đường."
    (figure,) = record_of(text).figures
    loc = figure.location
    assert loc is not None and text[loc.start:loc.end] == "12,5\tkm"
