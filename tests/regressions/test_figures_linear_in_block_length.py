"""Regression: labelling scanned every clause boundary from the block start for each figure and
mask lookups scanned every mask per number, so one long line took quadratic time (a 100 KB line
12 s, a 1 MB line over 10 minutes). Time per character must stay flat."""
from __future__ import annotations

import time

from extractor.core.model import Block, BlockKind, Document
from extractor.core.settings import DEFAULT_SETTINGS
from extractor.extract.figures import outline_to_figures
from extractor.structure.outline import document_to_outline

_PARAGRAPH = ("Năm 2023 xã cứng hóa 12,5/14 km đường trục thôn, đạt 89%; hỗ trợ 25 hộ nghèo với kinh phí "
              "1.250,5 triệu đồng; nhân dân hiến 3.200 m2 đất và 450 ngày công theo Kế hoạch số "
              "12/KH-UBND ngày 3/4/2023, có 8/8 thôn có nhà văn hóa. ")


def _seconds_per_char(size: int) -> float:
    text = _PARAGRAPH * (size // len(_PARAGRAPH) + 1)
    doc = Document(path="long.txt", format="txt", sha256="0", blocks=[Block(0, BlockKind.PARAGRAPH, text)])
    outline = document_to_outline(doc)
    start = time.perf_counter()
    figures, _ = outline_to_figures(outline, DEFAULT_SETTINGS)
    elapsed = time.perf_counter() - start
    assert len(figures) >= 7 * (size // len(_PARAGRAPH))
    return elapsed / len(text)


def test_one_long_line_takes_linear_time():
    _seconds_per_char(5_000)  # warm the pattern caches
    small, large = _seconds_per_char(40_000), _seconds_per_char(400_000)
    assert large < 4 * small, (small, large)
