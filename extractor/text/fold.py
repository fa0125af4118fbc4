"""The fold: text with its tone and vowel marks stripped and "đ" read as "d", one character for
one, and the reading of a report typed that way.

`strip_diacritics` is the fold itself, shared by every reader that compares words without
their marks (OCR slips in units, the criteria reader, identity, the gazetteer). A report typed
without tone marks, or with "đ" typed as "d" (`Outline.unmarked`), has its figures read folded:
`reading_unmarked` sets that reading for the time of one report, and the figure grammar's
vocabularies, each made by a function decorated with `per_reading`, spell their words as
`spelt` does (folded while reading unmarked, as written otherwise). A folded text has the
length of its original, so every offset found in it is the original's.

A vocabulary is made once per reading and kept; switching the reading clears the cached
current ones, so a call on a marked report costs what an `lru_cache` call costs.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")


def _strip_char(ch: str) -> str:
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    base = unicodedata.normalize("NFD", ch)[0]
    return base if len(base) == 1 else ch


def strip_diacritics(text: str) -> str:
    """The text with its tone marks and vowel marks removed and đ read as d, one character for
    one (combining marks standing alone are kept, so lengths always agree)."""
    if text.isascii():  # a report typed without marks: most of its text, one test in C
        return text
    return "".join(ch if ch.isascii() or unicodedata.combining(ch) else _strip_char(ch) for ch in text)


# whether the report being read is typed without tone marks (set by `reading_unmarked`)
_UNMARKED: ContextVar[bool] = ContextVar("figures_unmarked", default=False)
# the cached current vocabulary of every `per_reading` function, cleared when the reading changes
_CURRENT: list[Any] = []


def unmarked() -> bool:
    """Is the report being read typed without tone marks (`reading_unmarked`)?"""
    return _UNMARKED.get()


def _clear_current() -> None:
    for current in _CURRENT:
        current.cache_clear()


@contextmanager
def reading_unmarked(folded: bool) -> Iterator[None]:
    """Read the figures of one report folded (`folded`) or, the default, as written."""
    if not folded:  # the plain reading: nothing to switch
        yield
        return
    token = _UNMARKED.set(True)
    _clear_current()
    try:
        yield
    finally:
        _UNMARKED.reset(token)
        _clear_current()


def per_reading(make: Callable[[], T]) -> Callable[[], T]:
    """`make` (which spells its words with `spelt`) called once per reading, its result kept."""
    made: dict[bool, T] = {}

    @lru_cache(maxsize=1)
    def current() -> T:
        reading = _UNMARKED.get()
        if reading not in made:
            made[reading] = make()
        return made[reading]

    _CURRENT.append(current)
    return current


def spelt(word: str) -> str:
    """A word (or regex) of the patterns as the text being read spells it."""
    return strip_diacritics(word) if _UNMARKED.get() else word


def spelt_all(words: Iterable[str]) -> list[str]:
    """`spelt` of every word, repeats dropped (two words may fold to one)."""
    return list(dict.fromkeys(map(spelt, words)))

