"""The fold: text with its tone and vowel marks stripped and "đ" read as "d", one character for
one, and the reading of a report typed that way.

`strip_diacritics` is the fold itself, shared by every reader that compares words without
their marks (OCR slips in units, the criteria reader, identity, the gazetteer). A report typed
without tone marks, or with "đ" typed as "d" (`Outline.unmarked`), has its figures and its
criteria read folded: `reading_unmarked` sets that reading for the time of one stage of one
report, and the vocabularies and patterns of both grammars, each made by a function decorated
with `per_reading`, spell their words as `spelt` does (folded while reading unmarked, as
written otherwise). A folded text has the length of its original, so every offset found in it
is the original's.

The reading is a ContextVar: each thread (a Dask worker reads reports in threads) and each
task has its own, so reports read at once in one process never see each other's reading. A
vocabulary is made once per reading and kept in a dict keyed by the reading; every call looks
the reading up, so no cache stands in front of it that could answer with the other reading.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
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
_UNMARKED: ContextVar[bool] = ContextVar("unmarked", default=False)


def unmarked() -> bool:
    """Is the report being read typed without tone marks (`reading_unmarked`)?"""
    return _UNMARKED.get()


@contextmanager
def reading_unmarked(folded: bool) -> Iterator[None]:
    """Read one report folded (`folded`) or as written, whatever reading encloses it."""
    token = _UNMARKED.set(folded)
    try:
        yield
    finally:
        _UNMARKED.reset(token)


def per_reading(make: Callable[[], T]) -> Callable[[], T]:
    """`make` (which spells its words with `spelt`) called once per reading, its result kept.
    The reading is looked up on every call (a thread reading a marked report meanwhile must not
    hand this one its vocabulary); two threads making the same value at once keep the first."""
    made: dict[bool, T] = {}
    reading_now = _UNMARKED.get  # bound once: a vocabulary is asked for thousands of times a report

    @wraps(make)
    def current() -> T:
        reading = reading_now()
        try:
            return made[reading]
        except KeyError:
            return made.setdefault(reading, make())

    return current


def spelt(word: str) -> str:
    """A word (or regex) of the patterns as the text being read spells it."""
    return strip_diacritics(word) if _UNMARKED.get() else word


def spelt_data(data: Any) -> Any:
    """Data of a pattern file with every string in it `spelt` (lists and dict values)."""
    if isinstance(data, str):
        return spelt(data)
    if isinstance(data, dict):
        return {k: spelt_data(v) for k, v in data.items()}
    if isinstance(data, list):
        return [spelt_data(v) for v in data]
    return data


def spelt_all(words: Iterable[str]) -> list[str]:
    """`spelt` of every word, repeats dropped (two words may fold to one)."""
    return list(dict.fromkeys(map(spelt, words)))

