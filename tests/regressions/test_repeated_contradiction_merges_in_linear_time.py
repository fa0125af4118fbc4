"""Regression (issue 11): a contradiction stated again and again (a total and parts that do not
add up, repeated all through a long text) took time growing with the square of the text:
merging the restated flags looked through every figure of the report for each piece of
evidence, and through all the evidence gathered so far for each new piece (200 KB: 12 s).
Time per character must stay flat from 20 KB to 200 KB, one long line or one sentence a
block, and the flags still merge into one."""
from __future__ import annotations

import time

import pytest

from extractor.core.model import Block, BlockKind, Document
from extractor.pipeline import document_to_record

# our own sentence: the parts add up to 462 ha, more than the 452 ha total
UNIT = "Tổng diện tích đất trồng trọt 452 ha, trong đó: đất lúa 445 ha, đất màu 17 ha. "


def _document(size: int, one_line: bool) -> Document:
    text = (UNIT * (size // len(UNIT) + 1))[:size]
    lines = [text] if one_line else text.split(". ")
    return Document(path="long.txt", format="txt", sha256="0",
                    blocks=[Block(i, BlockKind.PARAGRAPH, line) for i, line in enumerate(lines) if line.strip()])


def _seconds_per_char(size: int, one_line: bool) -> float:
    doc = _document(size, one_line)
    start = time.process_time()
    document_to_record(doc)
    return (time.process_time() - start) / size


@pytest.mark.parametrize("one_line", [True, False], ids=["one_long_line", "sentence_per_block"])
def test_time_per_character_is_flat_from_20kb_to_200kb(one_line: bool) -> None:
    _seconds_per_char(2_000, one_line)  # warm the pattern caches and the gazetteer
    small, large = _seconds_per_char(20_000, one_line), _seconds_per_char(200_000, one_line)
    assert large < 3 * small, f"{small * 1e6:.2f} µs/char at 20 KB, {large * 1e6:.2f} at 200 KB"


def test_the_restated_contradiction_is_one_flag_holding_each_figure_once() -> None:
    record = document_to_record(_document(20 * len(UNIT), one_line=False))
    flags = [f for f in record.flags if f.rule == "sum_mismatch"]
    assert len(flags) == 1
    places = [(e.location.block, e.location.start) for e in flags[0].evidence if e.location]
    assert len(places) == len(set(places)) == 3 * 20
