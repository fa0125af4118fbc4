"""The fourteenth held-out audit's figures (lines written for these tests). Rows of the table
itself counted to point at them ("không nêu ở hai dòng dưới") are a place in the sheet, no
count; the members of the body that counts the votes or appraises ("Ban kiểm phiếu gồm ba
thành viên") tell how a meeting was held, no figure of the programme. A count of things in
rows, or the members of an association, are still figures."""
from __future__ import annotations

import pytest

from tests.extract.test_figures_twelfth_audit import figures


@pytest.mark.parametrize("line", [
    "Những tiêu chí không ghi ở ba dòng dưới đều đã đạt.",
    "Số liệu chi tiết xem 2 hàng phía trên.",
])
def test_rows_of_the_sheet_pointed_at_are_no_count(line: str) -> None:
    assert figures(line) == []


@pytest.mark.parametrize("line", [
    "Ban kiểm phiếu gồm hai thành viên do chủ tọa giới thiệu.",
    "Đoàn thẩm tra của huyện có 6 người, do Phó Chủ tịch làm trưởng đoàn.",
])
def test_the_members_of_a_meeting_body_are_no_figure(line: str) -> None:
    assert figures(line) == []


@pytest.mark.parametrize("line, expected", [
    ("Thôn treo 3 dòng băng rôn dưới cổng làng.", [(3.0, "count")]),
    ("Hội Nông dân xã có 420 hội viên.", [(420.0, "person")]),
    ("Tổ hợp tác rau sạch có 12 thành viên.", [(12.0, "person")]),
])
def test_counts_of_rows_of_things_and_of_members_are_still_figures(line: str,
                                                                    expected: list[tuple[float, str]]) -> None:
    assert figures(line) == expected
