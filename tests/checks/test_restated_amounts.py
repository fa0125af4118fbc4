"""Amounts a restated flag is matched on (checks._same_amount): an amount written with a scale
word equals it written out; amounts that differ in any written digit stay apart (reviewer:
twelve significant digits made amounts over a trillion đồng that differ in the 13th equal)."""
from __future__ import annotations

import pytest

from extractor.checks import _same_amount


@pytest.mark.parametrize("scaled, written", [(8238.8 * 1e6, 8_238_800_000.0), (1.3266 * 1e9, 1_326_600_000.0),
                                             (0.1 + 0.2, 0.3), (45.6 * 1e6, 45_600_000.0)])
def test_an_amount_with_a_scale_word_equals_it_written_out(scaled: float, written: float) -> None:
    assert _same_amount(scaled) == _same_amount(written)


@pytest.mark.parametrize("a, b", [(1_234_567_890_123.0, 1_234_567_890_124.0), (8_238_800_001.0, 8_238_800_000.0),
                                  (12_345_678_901_234.0, 12_345_678_901_235.0)])
def test_amounts_that_differ_in_a_written_digit_stay_apart(a: float, b: float) -> None:
    assert _same_amount(a) != _same_amount(b)
