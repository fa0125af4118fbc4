"""Regression (issue 17): judging a PDF page's text (`text_is_suspect`) ran two regexes that
start with \\S*, so the engine tried them again at every position inside every word: about
a tenth of the PDF reader's time. Now the word count is anchored at word starts and taken only
when some word looks garbled, and a page without any bad glyph skips that regex; the verdict is
the one of counting whitespace-separated words."""
from __future__ import annotations

import re

import pytest

from extractor.readers.pdf.chars import _ALPHA_WORD, _bad_glyph_words, text_is_suspect

TEXTS = [
    "Kết quả thực hiện 12 tiêu chí, đạt 96% (2021-2023).",
    "K t qu th c hi n ch ng tr nh x y d ng n ng th n m i",
    "Gi\ufffdi ph\ue012p (cid:12)x 2023 -- 1a a1 ,,, \u00e0 \t\nx",
    "",
    "12 34,5 - / 2023",
]


def _words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("text", TEXTS)
def test_words_counted_as_whitespace_separated_words(text: str) -> None:
    with_letter = [w for w in _words(text) if re.search(r"[^\W\d_]", w)]
    bad = [w for w in _words(text) if re.search(r"[\ufffd\ue000-\uf8ff]|\(cid:\d+\)", w)]
    assert len(_ALPHA_WORD.findall(text)) == len(with_letter)
    assert _bad_glyph_words(text) == len(bad)


def test_verdicts() -> None:
    assert not text_is_suspect(TEXTS[0], 0.08)
    assert text_is_suspect(TEXTS[1], 0.08)
    assert text_is_suspect(TEXTS[2], 0.08)
    assert not text_is_suspect(TEXTS[3], 0.08)
