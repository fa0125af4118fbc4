"""Regression (issue 11): a run of digits and dots ("1.2.3.4.") 4 MB long made `ntm extract`
hold 600 MB: the digit-token and enumerator regexes kept a backtracking point per group of
the run (about 100 MB per MB of text each). Their repeats are possessive now; the memory an
extraction holds beyond its input stays a small multiple of the text."""
from __future__ import annotations

import tracemalloc

from extractor.core.model import Block, BlockKind, Document
from extractor.pipeline import document_to_record


def _record_peak(text: str) -> int:
    doc = Document(path="digits.txt", format="txt", sha256="0", blocks=[Block(0, BlockKind.PARAGRAPH, text)])
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        document_to_record(doc)
        return tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()


def test_a_long_run_of_digits_and_dots_holds_little_memory() -> None:
    _record_peak("1.2.3.4.5.6.7.8.9.0." * 50)  # load patterns and the gazetteer first
    size = 200_000
    peak = _record_peak(("1.2.3.4.5.6.7.8.9.0." * (size // 20))[:size])
    # Python strings of ASCII cost a byte a character; 40 per character leaves room for the
    # spans and figures a stage keeps, and is a fifth of what the greedy repeats held
    assert peak < 40 * size, f"{peak / 1e6:.1f} MB held for a {size / 1e6:.1f} MB text"
