"""Units after a number, compiled from patterns/units.yaml.

`unit_at(text, pos)` answers: does a unit start at `pos` (glued to the number or after up to
two spaces)? It returns the canonical unit, the scale into that unit (money into đồng) and
the end of the match. Multipliers ("2,5 triệu mét vuông") and per-units ("/người/năm") are
matched the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.core.data import load_pattern

_GAP = r"[ ]{0,2}"
_END = r"(?!\w)"


@dataclass(frozen=True)
class UnitMatch:
    unit: str
    scale: float
    noun: str | None
    start: int
    end: int


@dataclass(frozen=True)
class _UnitEntry:
    unit: str
    scale: float
    noun: str | None


@dataclass(frozen=True)
class _Compiled:
    entries: tuple[_UnitEntry, ...]
    unit_regex: re.Pattern[str]
    multiplier_regex: re.Pattern[str]
    multipliers: dict[str, float]
    per_regex: re.Pattern[str]


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
    return _Compiled(tuple(entries), unit_regex, multiplier_regex, multipliers, per_regex)


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
