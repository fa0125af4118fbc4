"""Numbers as communes write them, end to end through the pipeline: each phrase gives the
complete list of figures (value, unit, total, upper, qualifier), plus metamorphic rewrites and a
negative corpus of phrases that hold no figure."""
from __future__ import annotations

import math
from pathlib import Path

import pytest

from extractor.core.model import Block, BlockKind, Document
from extractor.core.settings import DEFAULT_SETTINGS
from extractor.pipeline import document_to_record


def record_of(*texts: str):
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)]
    return document_to_record(Document(path="mem.txt", format="txt", sha256="0", blocks=blocks), DEFAULT_SETTINGS)


def figures(*texts: str) -> list[tuple]:
    return [(f.value, f.unit, f.total, f.upper, f.qualifier) for f in record_of(*texts).figures]


def _close(a, b) -> bool:
    if a is None or b is None or isinstance(a, str) or isinstance(b, str):
        return a == b
    return math.isclose(a, b, rel_tol=1e-9)


def same(found: list[tuple], expected: list[tuple]) -> bool:
    return len(found) == len(expected) and all(all(_close(x, y) for x, y in zip(f, e)) for f, e in zip(found, expected))


@pytest.mark.parametrize("phrase,expected", [
    # thousands grouped by spaces or no-break spaces
    ("Diện tích tự nhiên 2 681,93 ha.", [(2681.93, "ha", None, None, None)]),
    ("Tổng vốn 8\u00a0898\u00a0100\u00a0000 đồng.", [(8_898_100_000, "VND", None, None, None)]),
    ("Các thôn có 3 5 7 hộ nghèo.", [(7, "household", None, None, None)]),
    # compound scales and halves
    ("Tổng nguồn vốn 16 tỷ 434 triệu đồng.", [(16_434_000_000, "VND", None, None, None)]),
    ("Ngân sách tỉnh 1 tỷ 200 triệu đồng.", [(1_200_000_000, "VND", None, None, None)]),
    ("Mỗi hộ được hỗ trợ 2 triệu rưỡi.", [(2_500_000, "VND", None, None, None)]),
    # a length or an area in two units, the larger first
    ("Đã cứng hóa 3 km 200 m đường trục thôn.", [(3.2, "km", None, None, None)]),
    ("Diện tích được tưới 1 ha 2.500 m2.", [(1.25, "ha", None, None, None)]),
    ("Đã cứng hóa 3 km, 200 m rãnh thoát nước.", [(3, "km", None, None, None), (200, "m", None, None, None)]),
    ("Đã cứng hóa 3 km 1.200 m.", [(3, "km", None, None, None), (1200, "m", None, None, None)]),
    ("Nạo vét 2 km 500 m2 kênh.", [(2, "km", None, None, None), (500, "m2", None, None, None)]),
    # spelled amounts
    ("Bằng chữ: Một tỷ không trăm linh năm triệu đồng.", [(1_005_000_000, "VND", None, None, None)]),
    ("Ba trăm hai mươi lăm triệu, bốn trăm nghìn đồng", [(325_400_000, "VND", None, None, None)]),
    ("Kinh phí 150.000.000 đồng (Một trăm năm mươi triệu đồng).", [(150_000_000, "VND", None, None, None)]),
    ("Bốn xã đã về đích; hai tiêu chí còn lại.", [(4, "count", None, None, None), (2, "criterion", None, None, None)]),
    # ranges
    ("Có 12 xã đạt 15-18 tiêu chí.", [(12, "count", None, None, None), (15, "criterion", None, 18, None)]),
    ("Thu nhập tăng thêm 15 – 18 triệu đồng.", [(15e6, "VND", None, 18e6, None)]),
    ("Mức hỗ trợ từ 3 đến 5 triệu đồng/người.", [(3e6, "VND", None, 5e6, None)]),
    ("Giá trị từ 1500 đến 2000 triệu đồng.", [(1.5e9, "VND", None, 2e9, None)]),
    # qualifiers
    ("Diện tích không quá 5 ha.", [(5, "ha", None, None, "không quá")]),
    ("Xã còn ít hơn 3 tiêu chí.", [(3, "criterion", None, None, "ít hơn")]),
    ("Mức vay không cao hơn 10 triệu đồng.", [(10e6, "VND", None, None, "không cao hơn")]),
    ("Tỷ lệ hộ nghèo không tới 2%.", [(2, "percent", None, None, "không tới")]),
    ("Có 20 xã đạt từ 15 tiêu chí trở lên.",
     [(20, "count", None, None, None), (15, "criterion", None, None, "trở lên")]),
    ("Còn 4 xã đạt 9 tiêu chí trở xuống.",
     [(4, "count", None, None, None), (9, "criterion", None, None, "trở xuống")]),
    # ratios
    ("Đã có 3 trong 10 xã được công nhận.", [(3, "count", 10, None, None)]),
    ("Có 160 trong tổng số 178 xã đạt chuẩn.", [(160, "count", 178, None, None)]),
    ("Diện tích gieo trồng đạt 53,5/52 ha.", [(53.5, "ha", 52, None, None)]),
    # glued units, large grouped amounts
    ("Diện tích 4.125,14ha.", [(4125.14, "ha", None, None, None)]),
    ("Thu nhập bình quân 33.500.000đ/người.", [(33_500_000, "VND", None, None, None)]),
    ("Tổng vốn 105.500 triệu đồng.", [(105_500_000_000, "VND", None, None, None)]),
    # not figures
    ("Tiêu chí số 8 thông tin và truyền thông đạt.", []),
    ("Hỗ trợ sửa nhà cấp 4 cho hộ nghèo.", []),
    ("Đại hội khóa 19 đã thông qua.", []),
    ("Xã thuộc vùng 135 tổng diện tích đất 5 ha.", [(5, "ha", None, None, None)]),
])
def test_forms(phrase, expected):
    assert same(figures(phrase), expected), figures(phrase)


def test_unreadable_number_is_flagged_and_not_read():
    record = record_of("Diện tích 1.2.3 ha đất lúa.")
    assert record.figures == []
    flags = [f for f in record.flags if f.rule == "malformed_number"]
    assert len(flags) == 1 and flags[0].evidence[0].text == "1.2.3 ha"


@pytest.mark.parametrize("phrase,status", [
    ("Năm 2023 thu nhập bình quân đạt 48 triệu đồng/người/năm.", "result"),
    ("Phấn đấu đến năm 2025 thu nhập đạt 80 triệu đồng/người/năm.", "target"),
    ("Theo kế hoạch năm 2024 sẽ cứng hóa 3 km đường.", "plan"),
    ("Năm 2015 thu nhập mới đạt 18 triệu đồng/người/năm.", "baseline"),
    ("Giải ngân vượt 24,78%.", "excess"),
])
def test_status_of_a_figure(phrase, status):
    assert [f.status for f in record_of(phrase).figures] == [status]


def test_figures_under_a_plan_heading_are_targets():
    record = record_of("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024", "Cứng hóa 5 km đường trục thôn.")
    assert [f.status for f in record.figures] == ["target"]


# --- metamorphic: equivalent rewrites give the same figures; a negation or a plan changes them ---

@pytest.mark.parametrize("variants", [
    ["Tổng vốn 1.326.600.000 đồng.", "Tổng vốn 1 326 600 000 đồng.", "Tổng vốn 1\u00a0326\u00a0600\u00a0000 đồng.",
     "Tổng vốn 1.326,6 triệu đồng.", "Tổng vốn 1 tỷ 326 triệu 600 nghìn đồng."],
    ["Làm mới 32 km đường.", "Làm mới ba mươi hai km đường.", "Làm mới 32km đường."],
    ["Có 15-18 tiêu chí.", "Có 15 – 18 tiêu chí.", "Có từ 15 đến 18 tiêu chí."],
    ["Hỗ trợ 2.500.000 đồng.", "Hỗ trợ 2 triệu rưỡi.", "Hỗ trợ 2,5 triệu đồng.", "Hỗ trợ hai triệu rưỡi đồng."],
    ["Có 3 trong 10 xã.", "Có 3 trong số 10 xã.", "Có 3 trong tổng số 10 xã.", "Có 3/10 xã."],
])
def test_equivalent_rewrites_give_the_same_figures(variants):
    first = [(v, u, t, up) for v, u, t, up, _ in figures(variants[0])]
    assert first
    for other in variants[1:]:
        assert same([(v, u, t, up) for v, u, t, up, _ in figures(other)], first), other


def test_a_negated_qualifier_changes_the_qualifier_not_the_value():
    more, at_most = figures("hơn 5 ha"), figures("không hơn 5 ha")
    assert [f[:2] for f in more] == [f[:2] for f in at_most] == [(5, "ha")]
    assert more[0][4] == "hơn" and at_most[0][4] != "hơn"


def test_a_target_clause_changes_the_status():
    done = record_of("Đã cứng hóa 12 km đường.").figures
    aim = record_of("Phấn đấu cứng hóa 12 km đường.").figures
    assert [(f.value, f.status) for f in done] == [(12, "result")]
    assert [(f.value, f.status) for f in aim] == [(12, "target")]


_NEGATIVE = Path(__file__).with_name("negative_figures.txt")


@pytest.mark.parametrize("phrase", [line for line in _NEGATIVE.read_text(encoding="utf-8").splitlines()
                                    if line.strip() and not line.startswith("#")])
def test_negative_corpus_holds_no_figure(phrase):
    assert figures(phrase) == []
