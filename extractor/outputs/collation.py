"""Vietnamese alphabetical order for sorting communes and districts.

Code-point order puts "Đ…" after "Y…" and "Â…" after "Z…"; Vietnamese dictionaries order the
29 letters a ă â b c d đ e ê … and let tones (none, huyền, hỏi, ngã, sắc, nặng) break ties only.
Both orders are data (patterns/collation.yaml); `sort_key` compares letters first, then tones.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

from extractor.core.data import load_pattern

# Marks that make a letter of its own (ă â ê ô ơ ư) rather than a tone.
_LETTER_MARKS = frozenset("\u0306\u0302\u031b")


@lru_cache(maxsize=1)
def _orders() -> tuple[dict[str, int], dict[str, int]]:
    data = load_pattern("collation")
    letters = {ch: i for i, ch in enumerate(data["alphabet"])}
    tones = {mark: i for i, mark in enumerate(data["tones"]) if mark}
    return letters, tones


def _letters(text: str) -> list[tuple[str, int]]:
    """Each letter of `text` (lower case, with its letter marks) and its tone's rank."""
    _, tones = _orders()
    out: list[tuple[str, int]] = []
    for ch in unicodedata.normalize("NFD", text.casefold()):
        if unicodedata.combining(ch) and out:
            base, tone = out[-1]
            if ch in _LETTER_MARKS:
                out[-1] = (base + ch, tone)
            else:
                out[-1] = (base, tones.get(ch, len(tones) + 1))
        else:
            out.append((ch, 0))
    return out


@lru_cache(maxsize=65536)
def sort_key(text: Any) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """The key that sorts `text` in Vietnamese order; empty and missing values sort first."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    letters, _ = _orders()
    primary, secondary = [], []
    for base, tone in _letters(text):
        composed = unicodedata.normalize("NFC", base)
        primary.append(letters[composed] if composed in letters else 1000 + ord(composed[0]))
        secondary.append(tone)
    return tuple(primary), tuple(secondary), text
