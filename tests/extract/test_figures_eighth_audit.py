"""The eighth held-out audit's figures (lines written for these tests): a criterion's reference
may say "mang số" ("tiêu chí mang số 04, tiêu chí mang số 06") or be cut short ("T.chí 12",
"T.C 3"); its number counts nothing, whatever follows the comma, and gives no malformed-number
warning; so does one after "số", or glued to "TC.", before any word ("TC.09 hộ nghèo đa chiều",
"t/c số 4 tạm đánh giá"). "N trên M tiêu chí" is one figure, N of a total of M, as "N trong M"
is. A line typed without marks inside a marked report (a quoted message) counts criteria in
"tieu chi" too, and its "tieu chi 7" names one."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, Document
from extractor.core.settings import DEFAULT_SETTINGS
from extractor.pipeline import document_to_record


def _record(*texts: str):
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)]
    return document_to_record(Document(path="mem.txt", format="txt", sha256="0", blocks=blocks), DEFAULT_SETTINGS)


def figures(*texts: str) -> list[tuple[float, str, float | None]]:
    return [(f.value, f.unit, f.total) for f in _record(*texts).figures]


@pytest.mark.parametrize("line", [
    "Các tiêu chí chưa đạt gồm tiêu chí mang số 04, tiêu chí mang số 06 và tiêu chí mang số 15.",
    "Đã đạt: tiêu chí mang số 2, tiêu chí mang số 10, tiêu chí mang số 17.",
    "Riêng T.chí 12 phấn đấu hoàn thành trong quý IV.",
    "Chưa đạt: T.C 4 nhà ở dân cư, T.C. 16 văn hóa.",
    "Còn thiếu T.chí 03, T.chí 07 và T.chí 18.",
    "Chưa đạt: T.C 3, T.C 9, T.C 13 ÷ T.C 15.",
])
def test_a_criterion_reference_with_mang_so_or_cut_short_is_no_figure(line: str) -> None:
    record = _record(line)
    assert [(f.value, f.unit) for f in record.figures] == []
    assert "malformed_number" not in [f.rule for f in record.flags]


def test_a_count_beside_such_references_is_still_read() -> None:
    line = "Xã đạt 3 tiêu chí, gồm tiêu chí mang số 01, tiêu chí mang số 05 và T.chí 11."
    assert figures(line) == [(3, "criterion", None)]


def test_a_number_after_a_cut_short_reference_counts_what_follows_it() -> None:
    assert figures("T.chí 5 có 2 trường đạt chuẩn.") == [(2, "count", None)]


@pytest.mark.parametrize(("line", "value", "total"), [
    ("- Kết quả: xã đạt 16 trên 19 tiêu chí.", 16, 19),
    ("Có 7 trên 12 thôn đạt chuẩn nông thôn mới kiểu mẫu.", 7, 12),
])
def test_n_tren_m_is_one_figure_of_a_total(line: str, value: int, total: int) -> None:
    assert [(v, t) for v, _, t in figures(line)] == [(value, total)]


@pytest.mark.parametrize(("line", "expected"), [
    # "trên" as "over, on": the second number is no total of the first
    ("Hỗ trợ 40 hộ trên 3 thôn làm nhà tiêu hợp vệ sinh.", [(40, "household", None), (3, "village", None)]),
    ("Tổng số 25 trên 20 hộ đăng ký.", [(20, "household", None)]),
])
def test_tren_that_is_no_ratio_keeps_its_figures(line: str, expected: list[tuple[float, str, None]]) -> None:
    assert figures(line) == expected


def test_a_malformed_amount_beside_such_a_reference_still_flags() -> None:
    record = _record("Tiêu chí mang số 05 được bố trí 1.25.000 đồng, T.chí 07 chưa có vốn.")
    assert "malformed_number" in [f.rule for f in record.flags]


@pytest.mark.parametrize("line", [
    "Chưa đạt: TC.09 hộ nghèo đa chiều; TC.13 Tổ chức sản xuất.",
    "Riêng t/c số 4 tạm đánh giá cơ bản đạt, cần củng cố thêm.",
    "Đối với tiêu chí số 11 hộ nghèo, xã đã rà soát lại danh sách.",
    "Tiêu chí mang số 15 người dân tham gia bảo hiểm y tế chưa đạt.",
])
def test_a_criterion_named_by_so_or_tc_dot_before_any_word_is_no_figure(line: str) -> None:
    record = _record(line)
    assert figures(line) == []
    assert "malformed_number" not in [f.rule for f in record.flags]


@pytest.mark.parametrize(("line", "expected"), [
    ("TC.5 có 3 trường đạt chuẩn quốc gia.", [(3, "count", None)]),
    ("Kế hoạch số 12 hộ thoát nghèo đã hoàn thành.", [(12, "household", None)]),
    ("Tổng số 16 tiêu chí xã đạt.", [(16, "criterion", None)]),
])
def test_a_count_near_such_a_reference_is_still_read(line: str, expected: list[tuple[float, str, None]]) -> None:
    assert figures(line) == expected


def test_an_unmarked_quoted_message_counts_criteria_and_names_them() -> None:
    line = "Cán bộ nhắn tin: “xa em hien dat 16 tieu chi, con tieu chi 8, tieu chi 13, tc 17 chua dat a”."
    assert figures(line) == [(16, "criterion", None)]
    assert figures("“Xa da dat du 18/19 tieu chi, de nghi huyen tham tra.”") == [(18, "criterion", 19)]
