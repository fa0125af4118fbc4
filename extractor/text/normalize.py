"""Vietnamese text normalization that keeps a map back to the original characters.

Readers hand over text as the file had it; every later stage works on normalized text
(NFC, one tone-mark placement, plain spaces, a run of spaces or tabs as one space, full-width
ASCII forms ("，", "：", "）") as ASCII, no soft hyphens or zero-width characters, 'm²' as 'm2')
but must report offsets in the original. `NormalizedText.to_original` does that translation.
Every pattern can then spell a phrase with single spaces ("KẾT  QUẢ" typed with two is read
"KẾT QUẢ"); a collapsed run maps back to the whole run.

Tone placement: open syllables ending in 'oa', 'oe', 'uy' are written both ways in real
reports ("hoá"/"hóa", "khoẻ"/"khỏe", "thuý"/"thúy"). We fold to the mark on the first vowel
(the older, more common convention in administrative text). Swapping a mark between two
adjacent letters keeps the length, so the offset map is unaffected.
underthesea's `text_normalize` does this too but rebuilds the string token by token and
loses offsets; the small table here keeps them exact.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from extractor.core.regexes import compiled

# Characters replaced one-for-one (same length) or dropped (None).
_CHAR_MAP: dict[str, str | None] = {
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
    "\u3000": " ", "\t": " ",
    "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
    "\u00ad": None,  # soft hyphen
    "\u00b2": "2", "\u00b3": "3", "\u00b9": "1",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u00d0": "\u0110", "\u00f0": "\u0111",  # Icelandic eth typed for Vietnamese Đ/đ
    # full-width forms of ASCII (U+FF01-FF5E, East Asian input methods) are ASCII + 0xFEE0
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},
}

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below


def _with_tone(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


# 'oá' at the end of a syllable -> 'óa' (and likewise oe, uy), not after 'q' ("quý" is right).
_OPEN_PAIRS = {("o", "a"), ("o", "e"), ("u", "y")}


@lru_cache(maxsize=None)
def _swap_table() -> dict[str, str]:
    """Map every two-letter 'o'+toned 'a' (etc.) to toned 'o' + 'a', in all cases."""
    table: dict[str, str] = {}
    for first, second in _OPEN_PAIRS:
        for tone in _TONES:
            for f, s in ((first, second), (first.upper(), second.upper()), (first.upper(), second)):
                table[f + _with_tone(s, tone)] = _with_tone(f, tone) + s
    return table


# A vowel pair that may carry its mark on the second letter (only `_swap_table` keys are swapped).
_PAIR = compiled(r"[oOuU][^\W\d_](?!\w)")


@lru_cache(maxsize=None)
def _swap_candidate() -> re.Pattern[str]:
    """A pair that `_fold_tone_placement` may swap: its first vowel and a toned second letter
    of `_swap_table`, at a syllable's end. Most text has none; one scan in C tells."""
    seconds = "".join(sorted({key[1] for key in _swap_table()}))
    return compiled("[oOuU][" + seconds + r"](?!\w)")


def _fold_tone_placement(text: str) -> str:
    """Swap the mark of a syllable-final open pair onto its first vowel; not after 'q', and not
    when a letter follows ("hoàn", "tuyết" keep theirs). Swaps keep the length, and a pair's
    first letter is never toned, so pairs never overlap."""
    if _swap_candidate().search(text) is None:  # nothing to swap: no callback per pair
        return text
    table = _swap_table()

    def swap(m: re.Match[str]) -> str:
        start = m.start()
        if start and text[start - 1] in "qQ":
            return m.group(0)
        return table.get(m.group(0), m.group(0))

    return _PAIR.sub(swap, text)


# Characters that normalize to one character each (the minus sign depends on its neighbours).
# A full-width comma, colon, semicolon, '!', '?' or closing bracket holds the space after it in
# its own width ("10，17" is the list "10, 17", not the decimal 10,17), an opening bracket the
# space before it: read as the ASCII mark with that space where a letter or digit touches it.
_SPACED_AFTER = frozenset("\uff0c\uff1a\uff1b\uff01\uff1f\uff09")
_SPACED_BEFORE = frozenset("\uff08")
_SAME_LENGTH = {k: v for k, v in _CHAR_MAP.items()
                if v is not None and k != "\u2212" and k not in _SPACED_AFTER | _SPACED_BEFORE}


# Characters already seen to normalize to themselves or one other character: a report uses a
# few hundred distinct characters, so after its first blocks the test is one set difference.
_ONE_FOR_ONE_SEEN: set[str] = set()


def _keeps_offsets(text: str) -> bool:
    """True for text (most text) whose every character normalizes to one character: NFC
    already, nothing dropped, no combining mark, no minus sign. Only the distinct characters
    not seen before are looked at, so this costs one pass in C."""
    if not unicodedata.is_normalized("NFC", text):
        return False
    if _ONE_FOR_ONE_SEEN.issuperset(text):  # after a report's first blocks: no set is built
        return True
    new = set(text) - _ONE_FOR_ONE_SEEN
    if any((c in _CHAR_MAP and c not in _SAME_LENGTH) or unicodedata.combining(c) for c in new):
        return False
    _ONE_FOR_ONE_SEEN.update(new)
    return True


# Any character `_one_for_one` replaces: one search finds whether a text (most text) has none.
_ONE_FOR_ONE_CHARS = compiled("[" + re.escape("".join(_SAME_LENGTH)) + "]")
_ONE_FOR_ONE_TABLE = str.maketrans(_SAME_LENGTH)


def _one_for_one(text: str) -> str:
    return text.translate(_ONE_FOR_ONE_TABLE) if _ONE_FOR_ONE_CHARS.search(text) else text


_SPACE_RUN = compiled("  +")


def _collapse_spaces(text: str, offsets: Sequence[int], ends: Sequence[int]) -> NormalizedText:
    """Each run of spaces as its first space, which maps back to the whole run."""
    parts: list[str] = []
    new_offsets: list[int] = []
    new_ends: list[int] = []
    done = 0
    for m in _SPACE_RUN.finditer(text):
        start, end = m.span()
        parts.append(text[done:start + 1])
        new_offsets.extend(offsets[done:start + 1])
        new_ends.extend(ends[done:start])
        new_ends.append(ends[end - 1])
        done = end
    parts.append(text[done:])
    new_offsets.extend(offsets[done:])
    new_ends.extend(ends[done:])
    return NormalizedText("".join(parts), tuple(new_offsets), tuple(new_ends))


class NormalizedText(NamedTuple):
    """Normalized text plus, for every character, where the original characters it came
    from start (`offsets`, with the original length appended) and end (`ends`)."""

    text: str
    offsets: Sequence[int]  # a range when every character maps to itself
    ends: Sequence[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.ends[end - 1]


def text_to_normalized(original: str) -> NormalizedText:
    n = len(original)
    if _keeps_offsets(original):
        text = _fold_tone_placement(_one_for_one(original))
        if "  " in text:
            return _collapse_spaces(text, range(n + 1), range(1, n + 1))
        return NormalizedText(text, range(n + 1), range(1, n + 1))
    out: list[str] = []
    offsets: list[int] = []
    ends: list[int] = []
    i = 0
    while i < n:
        ch = original[i]
        j = i + 1
        # a base letter with its combining marks forms one cluster (NFD input)
        while j < n and unicodedata.combining(original[j]):
            j += 1
        cluster = original[i:j]
        if cluster == "\u2212" and out and out[-1].isalpha() and j < n and original[j].isalpha():
            # a minus sign inside a word is the 'ư' of a damaged legacy font ("ng−ời")
            out.append("ư")
            offsets.append(i)
            ends.append(j)
        elif cluster in _CHAR_MAP:
            repl = _CHAR_MAP[cluster] or ""
            if cluster in _SPACED_AFTER and j < n and original[j].isalnum():
                repl += " "
            elif cluster in _SPACED_BEFORE and out and out[-1].isalnum():
                repl = " " + repl
            for c in repl:
                out.append(c)
                offsets.append(i)
                ends.append(j)
        else:
            composed = unicodedata.normalize("NFC", cluster) if j - i > 1 or ord(ch) > 127 else cluster
            for c in composed:
                out.append(c)
                offsets.append(i)
                ends.append(j)
        i = j
    offsets.append(n)
    text = _fold_tone_placement("".join(out))
    if "  " in text:
        return _collapse_spaces(text, offsets, ends)
    return NormalizedText(text, tuple(offsets), tuple(ends))


def normalize(text: str) -> str:
    """Normalized text without the offset map, for comparing words and compiling patterns."""
    if _keeps_offsets(text):
        text = _fold_tone_placement(_one_for_one(text))
        return _SPACE_RUN.sub(" ", text) if "  " in text else text
    return text_to_normalized(text).text
