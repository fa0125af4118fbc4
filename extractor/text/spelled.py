"""Spelled-out Vietnamese numbers ("ba mươi hai", "một tỷ không trăm linh năm triệu").

The words are data (patterns/numbers.yaml); the grammar is here. A number is a run of groups
below a thousand, each closed by a scale word (nghìn, triệu, tỷ; "nghìn tỷ" stacks). A group is
[digit trăm] [lẻ|linh digit | mười [digit] | digit mươi [digit] | digit]; "lẻ/linh" also opens
the group after a scale word or "không trăm" when the hundreds are zero ("một triệu lẻ một").
Final-digit forms ("mốt", "tư", "lăm") are accepted where writers use them, and "rưỡi" after
a scale word or "trăm" adds a half of it ("hai triệu rưỡi" = 2 500 000).
"""
from __future__ import annotations

from typing import NamedTuple

from extractor.core.data import load_pattern
from extractor.text.fold import per_reading, spelt, spelt_all


class NumberWords(NamedTuple):
    """The words of numbers spelled out (patterns/number_words.yaml), by role."""

    digits: dict[str, int]
    ten: frozenset[str]
    tens_multipliers: frozenset[str]
    hundreds: frozenset[str]
    zero_links: frozenset[str]
    scales: dict[str, int]
    half: frozenset[str]
    tail_only: frozenset[str]  # digit forms that only end a tens group ("lăm", "mốt")

    @property
    def all_words(self) -> list[str]:
        return [*self.digits, *self.ten, *self.tens_multipliers, *self.hundreds, *self.zero_links,
                *self.scales, *self.half]


@per_reading
def number_words() -> NumberWords:
    """The words as the text being read spells them (extractor/text/fold.py). Folded, "mười"
    and "mươi" are one spelling, told apart by where they stand as written ones are; a
    final-digit form that folds to a digit word starting numbers ("mốt", "một") is not one."""
    data = load_pattern("numbers")
    digits = {spelt(w): n for w, n in data["digit_words"].items()}
    tail_only = set(spelt_all(data["tail_only_digit_words"]))
    tail_only -= {spelt(w) for w in data["digit_words"] if w not in data["tail_only_digit_words"]}
    return NumberWords(
        digits=digits,
        ten=frozenset(spelt_all(data["ten_word"])),
        tens_multipliers=frozenset(spelt_all(data["tens_multiplier_words"])),
        hundreds=frozenset(spelt_all(data["hundred_words"])),
        zero_links=frozenset(spelt_all(data["zero_link_words"])),
        scales={spelt(w): n for w, n in data["scale_words"].items()},
        half=frozenset(spelt_all(data["half_words"])),
        tail_only=frozenset(tail_only),
    )


def _units_tail(words: list[str], nw: NumberWords) -> int | None:
    """0-99 written without hundreds: "mười lăm", "ba mươi hai", "năm"; None if not."""
    if not words:
        return 0
    first = words[0]
    if first in nw.ten:
        rest = words[1:]
        if not rest:
            return 10
        if len(rest) == 1 and rest[0] in nw.digits and nw.digits[rest[0]] > 0:
            return 10 + nw.digits[rest[0]]
        return None
    if first in nw.digits and first not in nw.tail_only:
        d = nw.digits[first]
        if len(words) == 1:
            return d
        if d >= 2 and words[1] in nw.tens_multipliers:
            rest = words[2:]
            if not rest:
                return d * 10
            if len(rest) == 1 and rest[0] in nw.digits and nw.digits[rest[0]] > 0:
                return d * 10 + nw.digits[rest[0]]
    return None


def _group(words: list[str], nw: NumberWords, after_scale: bool) -> int | None:
    """One group below a thousand; `after_scale` allows "không trăm" and a leading "lẻ"."""
    if not words:
        return None
    if words[0] in nw.zero_links:
        return _units_tail(words[1:], nw) if after_scale and len(words) > 1 else None
    hundreds: int | None = None
    if len(words) >= 2 and words[1] in nw.hundreds and words[0] in nw.digits and words[0] not in nw.tail_only:
        hundreds = nw.digits[words[0]]
        if hundreds == 0 and not after_scale:
            return None
        words = words[2:]
        if not words:
            return hundreds * 100
        if words[0] in nw.zero_links:
            if len(words) != 2 or words[1] not in nw.digits or nw.digits[words[1]] == 0:
                return None
            return hundreds * 100 + nw.digits[words[1]]
        if len(words) == 1 and words[0] in nw.digits:
            return None  # "hai trăm năm": 205 or 250, writers disagree; not read
    tail = _units_tail(words, nw)
    if tail is None or (tail == 0 and hundreds is not None):
        return None
    return (hundreds or 0) * 100 + tail


def words_to_number(words: list[str]) -> int | None:
    """'ba mươi hai' -> 32, 'một trăm linh năm' -> 105, 'hai triệu rưỡi' -> 2 500 000; None when
    the words are not one well-formed number. A word may end with a comma only after a scale
    word ("ba trăm triệu, bốn trăm nghìn")."""
    nw = number_words()
    clean: list[str] = []
    for i, raw in enumerate(words):
        w = raw.lower()
        if w.endswith(","):
            w = w.rstrip(",")
            if w not in nw.scales or i == len(words) - 1:
                return None
        clean.append(w)
    if not clean:
        return None
    half = 0
    if clean[-1] in nw.half:
        if len(clean) < 2:
            return None
        before = clean[-2]
        if before in nw.scales:
            half = nw.scales[before] // 2
        elif before in nw.hundreds:
            half = 50
        else:
            return None
        clean = clean[:-1]
    terms: list[tuple[int, int]] = []  # (absolute value, scale), scales decreasing
    group: list[str] = []
    for w in clean:
        if w in nw.half:
            return None
        if w not in nw.scales:
            group.append(w)
            continue
        scale = nw.scales[w]
        low = [t for t in terms if t[1] < scale]
        high = terms[:len(terms) - len(low)]
        if any(t[1] != 1000 for t in low) or (high and high[-1][1] == scale):
            return None  # only "nghìn" stacks under a larger scale ("nghìn tỷ")
        g = _group(group, nw, after_scale=bool(terms)) if group else 0
        if g is None or (g == 0 and not low):
            return None
        terms = high + [((sum(v for v, _ in low) + g) * scale, scale)]
        group = []
    value = sum(v for v, _ in terms) + half
    if group:
        if half and group[-1] not in nw.hundreds:
            return None
        if terms and len(group) == 1 and group[0] in nw.digits and nw.digits[group[0]] != 0:
            return None  # "một nghìn hai": 1 002 or 1 200, writers disagree; not read
        g = _group(group, nw, after_scale=bool(terms))
        if g is None:
            return None
        value += g
    elif not terms:
        return None
    return value
