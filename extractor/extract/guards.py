"""First-letter guards: a lookahead of the letters a regex's leading word alternation can start
with, so that Python's regex engine tries the words only where one of them can begin.

A regex led by `\\b` and an alternation of words ("\\b(vùng|hạng|...)") gives the engine no
first character to scan for: at every word start it tries every word in turn. The lookahead
`(?=[vh...])` fails at once where no word can start; it is matched with the regex's own flags,
so a letter it admits is one the word's first letter would, and the matches are unchanged.
"""
from __future__ import annotations

from collections.abc import Iterable

_QUANTIFIERS = frozenset("?*+{")


def letters_guard(words: Iterable[str]) -> str:
    """`(?=[...])` of the first letters of words (or regexes led by a letter), or "" when one
    does not start with a certain letter (nothing then may be ruled out): "a?b" may start
    with "b"."""
    firsts = set()
    for word in words:
        if not word or not word[0].isalpha() or (len(word) > 1 and word[1] in _QUANTIFIERS):
            return ""
        firsts.add(word[0])
    return "(?=[" + "".join(sorted(firsts)) + "])" if firsts else ""


def _closing(regex: str, open_at: int) -> int | None:
    """The index of the bracket closing the group opened at `open_at`."""
    depth, k, in_class = 0, open_at, False
    while k < len(regex):
        c = regex[k]
        if c == "\\":
            k += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return k
        k += 1
    return None


def _top_level_split(regex: str) -> list[str] | None:
    """The alternatives of a regex at bracket depth 0, or None for one that cannot be read."""
    parts, depth, start, k, in_class = [], 0, 0, 0, False
    while k < len(regex):
        c = regex[k]
        if c == "\\":
            k += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(regex[start:k])
            start = k + 1
        k += 1
    if depth != 0 or in_class:
        return None
    parts.append(regex[start:])
    return parts


def _guard_alternative(alt: str) -> str:
    """`\\b(word|word...)rest` with the guard after `\\b`; any other shape unchanged."""
    if not alt.startswith("\\b(") or alt.startswith("\\b(?"):
        return alt
    close = _closing(alt, 2)
    inner = _top_level_split(alt[3:close]) if close is not None else None
    guard = letters_guard(inner) if inner is not None else ""
    return "\\b" + guard + alt[2:] if guard else alt


def word_led_guarded(regex: str) -> str:
    """The regex with a first-letter guard on each top-level alternative led by `\\b` and a
    group of words; the same matches (see the module's note)."""
    parts = _top_level_split(regex)
    if parts is None:
        return regex
    return "|".join(_guard_alternative(p) for p in parts)
