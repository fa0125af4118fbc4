"""Units after a number, compiled from patterns/units.yaml.

`unit_at(text, pos)` answers: does a unit start at `pos` (glued to the number or after up to
two spaces)? It returns the canonical unit, the scale into that unit (money into đồng) and
the end of the match. Multipliers ("2,5 triệu mét vuông") and per-units ("/người/năm") are
matched the same way.

Text read by OCR loses or swaps tone marks ("6 hổ nghèo", "3400,2 triêu đồng");
`tolerant_unit_at` matches a unit with every diacritic stripped from both sides, one letter for
one, so the offsets are those of the text as read. A one-syllable form ("hộ", "bản") stripped
collides with common words ("hồ", "bán"): it is matched only when the caller allows it (a
poorly read text); forms of two syllables or more ("triệu đồng", "hộ nghèo") always.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from extractor.core.data import load_pattern

_GAP = r"[ ]{0,2}"
_END = r"(?!\w)"


@dataclass(frozen=True)
class UnitMatch:
    """A unit found in a text: its canonical name, scale, counted noun and offsets."""

    unit: str
    scale: float
    noun: str | None
    start: int
    end: int


@dataclass(frozen=True)
class _UnitEntry:
    """One spelling of a unit: its canonical name, scale and counted noun."""

    unit: str
    scale: float
    noun: str | None


@dataclass(frozen=True)
class _Compiled:
    """The unit spellings and the regexes built from them, compiled once."""

    entries: tuple[_UnitEntry, ...]
    unit_regex: re.Pattern[str]
    multiplier_regex: re.Pattern[str]
    multipliers: dict[str, float]
    per_regex: re.Pattern[str]
    tolerant_regex: re.Pattern[str]


def _alternation(forms: list[str]) -> str:
    return "|".join(sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    data = load_pattern("units")
    entries = []
    groups = []
    for i, entry in enumerate(data["units"]):
        entries.append(_UnitEntry(entry["unit"], float(entry.get("scale", 1)), entry.get("noun")))
        groups.append(f"(?P<u{i}>{_alternation(entry['forms'])})")
    unit_regex = re.compile(_GAP + "(?:" + "|".join(groups) + ")" + _END, re.IGNORECASE)
    multipliers = {form: float(m["scale"]) for m in data["multipliers"] for form in m["forms"]}
    multiplier_regex = re.compile(_GAP + f"(?P<m>{_alternation(list(multipliers))})" + _END, re.IGNORECASE)
    per = _alternation([re.escape(p) for p in data["per_units"]])
    per_regex = re.compile(rf"[ ]?/[ ]?(?P<per>{per}){_END}", re.IGNORECASE)
    tolerant_groups = [f"(?P<u{i}>{_alternation([strip_diacritics(f) for f in entry['forms']])})"
                       for i, entry in enumerate(data["units"])]
    tolerant_regex = re.compile(_GAP + "(?:" + "|".join(tolerant_groups) + ")" + _END, re.IGNORECASE)
    return _Compiled(tuple(entries), unit_regex, multiplier_regex, multipliers, per_regex, tolerant_regex)


def _strip_char(ch: str) -> str:
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    base = unicodedata.normalize("NFD", ch)[0]
    return base if len(base) == 1 else ch


def strip_diacritics(text: str) -> str:
    """The text with its tone marks and vowel marks removed and đ read as d, one character for
    one (combining marks standing alone are kept, so lengths always agree)."""
    return "".join(ch if ch.isascii() or unicodedata.combining(ch) else _strip_char(ch) for ch in text)


def unit_at(text: str, pos: int) -> UnitMatch | None:
    c = _compiled()
    m = c.unit_regex.match(text, pos)
    if m is None:
        return None
    for name, value in m.groupdict().items():
        if value is not None:
            entry = c.entries[int(name[1:])]
            return UnitMatch(entry.unit, entry.scale, entry.noun, m.start(name), m.end())
    return None


def tolerant_unit_at(text: str, pos: int, one_syllable: bool = False) -> UnitMatch | None:
    """A unit at pos read with its diacritics stripped, when `unit_at` finds none: for text read
    by OCR. One-syllable forms only when `one_syllable` is set (see the module's note)."""
    exact = unit_at(text, pos)
    if exact is not None:
        return exact
    c = _compiled()
    m = c.tolerant_regex.match(strip_diacritics(text[pos:pos + 40]))
    if m is None:
        return None
    for name, value in m.groupdict().items():
        if value is not None:
            if len(value.split()) < 2 and not one_syllable:
                return None
            entry = c.entries[int(name[1:])]
            return UnitMatch(entry.unit, entry.scale, entry.noun, pos + m.start(name), pos + m.end())
    return None


def multiplier_at(text: str, pos: int) -> tuple[float, int] | None:
    """(scale, end) of "nghìn"/"triệu"/"tỷ" starting at pos."""
    c = _compiled()
    m = c.multiplier_regex.match(text, pos)
    if m is None:
        return None
    return c.multipliers[m.group("m").lower()], m.end()


def per_unit_at(text: str, pos: int) -> tuple[str, int] | None:
    """("người/năm", end) of a per-unit starting with '/' at pos."""
    m = _compiled().per_regex.match(text, pos)
    return (m.group("per").lower(), m.end()) if m else None
