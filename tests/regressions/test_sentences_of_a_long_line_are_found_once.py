"""Regression: the sum check split a block into sentences again for every "trong đó" in it, and
placing a figure in its sentence scanned every sentence before it, so one long line of report
text took quadratic time (0.2 MB 9 s, 1 MB 147 s). Sentences are now split once per text and
looked up by binary search."""
from __future__ import annotations

from extractor.checks.index import sentence_of
from extractor.structure.outline import text_to_sentences


def test_sentences_of_a_text_are_split_once() -> None:
    text = "Năm 2023 làm 2 km; trong đó 1 km mới. " * 50
    assert text_to_sentences(text) is text_to_sentences(text)
    assert text_to_sentences(text, split_on_semicolon=False) is not text_to_sentences(text)


def test_sentence_of_finds_the_span_holding_an_offset() -> None:
    text = "Một câu. Hai câu; ba câu. Bốn"
    spans = text_to_sentences(text)
    for offset in range(len(text)):
        expected = next(i for i, (s, e) in enumerate(spans) if s <= offset < e)
        assert sentence_of(spans, offset) == expected
    assert sentence_of(spans, len(text) + 5) == len(spans) - 1
