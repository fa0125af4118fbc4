"""Non-figures: spans of a text whose numbers are not quantities (dates, years, document,
criterion and section numbers, codes, campaign names), from patterns/non_figures.yaml.

Only the text around digits is searched, and the masks of a text are indexed once so that
asking whether a number lies inside one costs a binary search: both keep the stage linear in
the length of a block. A window is searched only when a number in it would otherwise be a
figure (`WindowMasks`): about half of them hold none, and their rules never run.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from extractor.core.data import load_pattern
from extractor.core.regexes import compiled
from extractor.extract.guards import letter_class_led, pair_cue, required_cue, word_led_dispatched, word_led_guarded
from extractor.text.fold import per_reading, spelt, spelt_all, unmarked
from extractor.text.units import text_without_compounds

_DIGITS = compiled(r"\d+")
# The longest cue ("chương trình hành động số") and the longest masked tail fit in this many
# characters either side of a number.
_MASK_REACH = 64


class _Rule(NamedTuple):
    """A mask rule compiled (`mask_rules`), and its cue where it has one."""

    name: str
    regex: re.Pattern[str]
    cue: re.Pattern[str] | None


@per_reading
def _rules() -> tuple[_Rule, ...]:
    """The compiled rules, spelt as the text being read spells them (extractor/text/fold.py);
    a rule led by words gets a class or a guard of their first letters (`_searched_fast`). A
    rule `marked_only` is none in a text typed without marks, where its words fold onto others.
    A rule's cue (guards.py `required_cue`: one of the strings every match of it holds) is
    searched first in a window: where it finds none, the rule cannot match there; a rule
    without one may have a cue of two classes that stand next to each other in every match
    (`pair_cue`: a letter then a digit)."""
    rules: list[_Rule] = []
    folded = unmarked()
    for r in load_pattern("non_figures")["rules"]:
        if folded and r.get("marked_only"):
            continue
        flags = (0 if r.get("case_sensitive") else re.IGNORECASE) | re.MULTILINE
        for rx in r["regex"] if isinstance(r["regex"], list) else [r["regex"]]:
            written = spelt(rx)
            cue = required_cue(written, flags) or pair_cue(written, flags)
            rules.append(_Rule(r["name"], compiled(_searched_fast(written, flags), flags),
                               None if cue is None else compiled(*cue)))
    return tuple(rules)


@per_reading
def mask_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(name, compiled regex) of every rule (`_rules`)."""
    return tuple((rule.name, rule.regex) for rule in _rules())


def _searched_fast(regex: str, flags: int) -> str:
    """The rule led by a class of its first letters where it begins with few of them, else its
    words grouped by first letter behind the first-letter guard, else with the guard alone
    (extract/guards.py: the same matches either way; a mask is a span)."""
    ignore_case = bool(flags & re.IGNORECASE)
    return letter_class_led(regex, ignore_case) or word_led_dispatched(regex, ignore_case) or word_led_guarded(regex)


def _windows(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    n = len(text)
    for start, end in spans:
        lo, hi = start - _MASK_REACH, end + _MASK_REACH
        lo, hi = (lo if lo > 0 else 0), (hi if hi < n else n)  # no max/min calls: run per number
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def text_to_masks(text: str) -> list[tuple[int, int, str]]:
    """Spans of numbers that are not figures. A mask without a digit ("hạng III") masks nothing
    a digit figure could use, so only windows around digits are searched."""
    return masks_over(text, map(_span, _DIGITS.finditer(text)))


_span = re.Match.span


def masks_over(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The masks found near the given spans (merged windows of _MASK_REACH
    characters; an iterator is read once, so the spans of every number are never held)."""
    found: list[tuple[int, int, str]] = []
    for lo, hi in _windows(text, spans):
        found.extend(_window_masks(text, lo, hi))
    return found


def _window_masks(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    found = _rule_matches(text, lo, hi)
    # a compound noun led by a unit's syllable is no unit to a rule's look for one after the
    # number either ("năm 2023 đồng chí" is a year; read unmarked, "Du an 1 ho tro": "hỗ trợ")
    blanked = text_without_compounds(text, lo, hi)
    if blanked is not None:
        found = list(dict.fromkeys(found + _rule_matches(blanked, lo, hi)))
    if unmarked():
        found = _unmarked_window_masks(text, lo, hi, found)
    return found


def _rule_matches(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for name, regex, cue in _rules():
        if cue is not None and cue.search(text, lo, hi) is None:
            continue
        for m in regex.finditer(text, lo, hi):
            start, end = m.span()
            if end > start:
                found.append((start, end, name))
    return found


def _unmarked_window_masks(text: str, lo: int, hi: int,
                           found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Read unmarked, a rule's words fold onto others': a mask is not one where it starts
    inside a phrase of `unmarked_not_masked` ("giu vung 13" is "giữ vững", not "vùng 13")."""
    phrases = [m.span() for m in _not_masked_regex().finditer(text, max(0, lo - _MASK_REACH), hi)]
    if not phrases:
        return found
    return [f for f in found if not any(s < f[0] < e for s, e in phrases)]


@per_reading
def _not_masked_regex() -> re.Pattern[str]:
    words = sorted(spelt_all(load_pattern("non_figures")["unmarked_not_masked"]), key=len, reverse=True)
    return compiled(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE)


class MaskIndex:
    """The masks of one text sorted by start with the running maximum of their ends, so "is
    [start, end) inside a mask" is one binary search instead of a scan of every mask."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        if not spans:  # most texts: nothing to sort or index
            self._starts: list[int] = []
            self._reach: list[int] = []
            return
        ordered = sorted((s, e) for s, e, _ in spans)
        self._starts = [s for s, _ in ordered]
        self._reach = []
        reach = -1
        for _, e in ordered:
            if e > reach:
                reach = e
            self._reach.append(reach)

    def covers(self, start: int, end: int) -> bool:
        k = bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end


class WindowMasks:
    """The masks of one text around its digits (or around the given spans), each window
    searched when a number in it is first asked about. A mask lies inside the window it was
    found in and windows are apart, so the masks of the number's own window answer exactly
    as those of all windows (`masks_over`)."""

    def __init__(self, text: str, spans: list[tuple[int, int]] | None = None) -> None:
        self._text = text
        self._spans = spans
        self._windows: list[tuple[int, int]] = []
        self._los: list[int] = []
        self._found = False  # the windows are found when first asked
        self._indexes: dict[int, MaskIndex] = {}

    def covers(self, start: int, end: int) -> bool:
        """Whether a mask holds text[start:end], a span that starts with a digit (or inside
        one of the given spans)."""
        k = self._window_of(start)
        index = self._indexes.get(k)
        if index is None:
            lo, hi = self._windows[k]
            index = self._indexes[k] = MaskIndex(_window_masks(self._text, lo, hi))
        return index.covers(start, end)

    def covers_if_searched(self, start: int, end: int) -> bool | None:
        """`covers` when the window of `start` was searched already, else None: a caller with
        a costlier question of its own asks this first and the search last."""
        if not self._found:
            return None
        index = self._indexes.get(self._window_of(start))
        return None if index is None else index.covers(start, end)

    def _window_of(self, start: int) -> int:
        if not self._found:
            spans = self._spans if self._spans is not None else map(_span, _DIGITS.finditer(self._text))
            self._windows = _windows(self._text, spans)
            self._los = [lo for lo, _ in self._windows]
            self._found = True
        return bisect_right(self._los, start) - 1
