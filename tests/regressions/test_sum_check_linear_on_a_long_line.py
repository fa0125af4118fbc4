"""Regression (issue 11): on one long line without a newline, the sum check searched the whole
text before each "trong đó" for a closing mark (a copy of the prefix each time) and went
through every figure of the block for each one: 1 MB took 15 s in that check alone, 4 MB
13 times the 1 MB time overall. It now bisects the block's figures by offset and reads the
sentence end backwards; its time per character stays flat from 50 KB to 500 KB."""
from __future__ import annotations

import time
from pathlib import Path

from extractor.checks.index import record_to_report
from extractor.checks.sums import sum_mismatch
from extractor.core.model import Block, BlockKind, Document
from extractor.pipeline import document_to_record
from extractor.structure.outline import document_to_outline

SAMPLE = Path(__file__).resolve().parents[2] / "corpus" / "luc-binh-2023.txt"


def _seconds_per_char(unit: str, size: int) -> float:
    text = (unit * (size // len(unit) + 1))[:size]
    doc = Document(path="long.txt", format="txt", sha256="0", blocks=[Block(0, BlockKind.PARAGRAPH, text)])
    report = record_to_report(document_to_record(doc), document_to_outline(doc))
    start = time.process_time()
    sum_mismatch(report)
    return (time.process_time() - start) / size


def test_sum_check_time_per_character_is_flat_on_one_long_line() -> None:
    # the sample's longest paragraph (it has totals and "trong đó" parts) joined into one line
    unit = max(SAMPLE.read_text(encoding="utf-8").split("\n"), key=len) + " "
    assert "trong đó" in unit
    _seconds_per_char(unit, 5_000)
    small, large = _seconds_per_char(unit, 50_000), _seconds_per_char(unit, 500_000)
    assert large < 3 * small, f"{small * 1e6:.2f} µs/char at 50 KB, {large * 1e6:.2f} at 500 KB"
