"""The shared sentence splitter (extractor/structure.py text_to_sentences) that the
consistency checks and the criteria reader use, with its ends in patterns/sections.yaml."""
from __future__ import annotations

from itertools import pairwise

import pytest

from extractor.core.data import load_pattern
from extractor.structure.outline import text_to_sentences
from extractor.text.normalize import normalize


def _sentences(text: str, **kw: bool) -> list[str]:
    return [text[s:e].strip() for s, e in text_to_sentences(text, **kw)]


@pytest.mark.parametrize("text", load_pattern("sections")["sentence"]["examples"])
def test_sentence_examples_split(text):
    assert len(_sentences(normalize(text))) >= 2, text


@pytest.mark.parametrize("text", load_pattern("sections")["sentence"]["counter_examples"])
def test_sentence_counter_examples_stay_whole(text):
    assert len(_sentences(normalize(text))) == 1, text


def test_sentences_do_not_split_a_dangling_separator():
    text = "Tổng kinh phí: 343. triệu đồng. Trong năm 2023 làm 2 km; kinh phí 5 triệu"
    assert _sentences(text) == ["Tổng kinh phí: 343. triệu đồng.", "Trong năm 2023 làm 2 km;", "kinh phí 5 triệu"]


def test_spans_cover_the_text_and_keep_clauses_when_asked():
    text = "Năm 2023 làm 2 km; kinh phí 5 triệu. Xã đạt 14 tiêu chí"
    spans = text_to_sentences(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(spans))
    assert _sentences(text, split_on_semicolon=False) == ["Năm 2023 làm 2 km; kinh phí 5 triệu.", "Xã đạt 14 tiêu chí"]


def test_an_item_number_does_not_end_a_sentence():
    text = "Tiêu chí số 1. Quy hoạch: Đạt. Tiêu chí số 2. Giao thông: Đạt"
    assert _sentences(text) == ["Tiêu chí số 1. Quy hoạch: Đạt.", "Tiêu chí số 2. Giao thông: Đạt"]


def test_empty_text_is_one_empty_span():
    assert list(text_to_sentences("")) == [(0, 0)]
