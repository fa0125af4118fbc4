"""The sixteenth held-out audit's identity (lines written for these tests): a letterhead gives a
unit's name on one line and its district and province in a bracket opening the next line
("Trạm Y tế xã Nà Pù Lạc" over "(Bạch Thông, Bắc Kạn)"), read as the bracket on the same line
is. A bracket whose parts do not fit the unit above, or that does not open its line, changes
nothing."""
from __future__ import annotations

import pytest

from extractor.extract.gazetteer import gazetteer
from tests.extract.helpers import places_of

pytestmark = pytest.mark.skipif(gazetteer() is None, reason="gazetteer data (extra 'gazetteer') not installed")


@pytest.mark.parametrize("lines", [
    ("Trạm Y tế xã Nà Pù Lạc", "(Bạch Thông, Bắc Kạn)"),
    # the same, in capitals
    ("TRẠM Y TẾ XÃ NÀ PÙ LẠC", "(BẠCH THÔNG, BẮC KẠN)"),
    # the same places on the unit's own line
    ("Trạm Y tế xã Nà Pù Lạc (Bạch Thông, Bắc Kạn)",),
])
def test_the_places_in_a_bracket_under_the_unit(lines: tuple[str, ...]) -> None:
    assert places_of(*lines) == ("Nà Pù Lạc", "Bạch Thông", "Bắc Kạn")


@pytest.mark.parametrize("lines", [
    # a district not in that province
    ("Trạm Y tế xã Nà Pù Lạc", "(Bạch Thông, Quảng Bình)"),
    # the bracket does not open its line
    ("Trạm Y tế xã Nà Pù Lạc", "Địa chỉ liên hệ (Bạch Thông, Bắc Kạn)"),
])
def test_a_bracket_below_that_does_not_fit_or_does_not_open_the_line(lines: tuple[str, ...]) -> None:
    assert places_of(*lines)[1:] == (None, None)
