"""The fifteenth held-out audit's figures (lines written for these tests). A spelled number after
"giữa" sets things side by side ("đối chiếu số liệu giữa hai đợt rà soát"), as after "so sánh":
it measures nothing. A product rated in stars ("OCOP ba sao", "4 sao") is ranked, as "hạng
III" is: the number counts no stars. A count of periods or of rated products is still a
figure."""
from __future__ import annotations

import pytest

from tests.extract.test_figures_twelfth_audit import figures


@pytest.mark.parametrize("line", [
    "Tổ công tác đối chiếu số liệu của thôn giữa hai đợt rà soát.",
    # the same, the periods set side by side named otherwise
    "Biểu này đặt các chỉ số của xã giữa hai cuộc khảo sát.",
])
def test_things_set_side_by_side_after_between_are_no_count(line: str) -> None:
    assert figures(line) == []


def test_a_count_of_periods_gone_through_is_still_a_figure() -> None:
    assert figures("Tổ công tác đã đối chiếu số liệu của thôn qua hai đợt rà soát.") == [(2.0, "count")]


@pytest.mark.parametrize("line", [
    "Mật ong rừng của tổ hợp tác được công nhận ba sao cấp tỉnh.",
    # the same rating in digits
    "Mật ong rừng của tổ hợp tác được công nhận 3 sao cấp tỉnh.",
    "Sản phẩm bánh đa đạt OCOP 4 sao năm nay.",
])
def test_a_products_star_rating_is_no_figure(line: str) -> None:
    assert figures(line) == []


@pytest.mark.parametrize("line, expected", [
    ("Xã có hai sản phẩm được công nhận ba sao cấp tỉnh.", [(2.0, "count")]),
    ("Hộ kinh doanh nộp 4 sao y bản chính giấy phép.", [(4.0, "count")]),
])
def test_rated_products_and_copies_are_still_counted(line: str, expected: list[tuple[float, str]]) -> None:
    assert figures(line) == expected
