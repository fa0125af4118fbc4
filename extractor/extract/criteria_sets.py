"""Criteria catalogues: the national criteria sets as data (schemas/criteria/*.yaml).

A set has an id ("commune-2021-2025"), the level and tier it applies to, the years it is in
force and its numbered criteria with names and aliases. Adding the advanced (nâng cao), model
(kiểu mẫu) or district sets is a new YAML file, no code. The consistency checks use
`criteria_set_size` and `criterion_name`; extraction uses `name_regex` to read a criterion from
its name, with the names of every set of the same level (reports mix periods).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from extractor.core.data import load_pattern
from extractor.text.normalize import normalize

DEFAULT_LEVEL = "commune"
DEFAULT_TIER = "standard"


@dataclass(frozen=True)
class Criterion:
    number: int
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class CriteriaSet:
    id: str
    level: str
    tier: str
    valid_from: int
    valid_to: int | None
    criteria: tuple[Criterion, ...]
    components: dict[int, tuple[int, ...]]

    @property
    def size(self) -> int:
        return len(self.criteria)

    def name(self, number: int) -> str | None:
        return next((c.name for c in self.criteria if c.number == number), None)


@cache
def criteria_sets() -> tuple[CriteriaSet, ...]:
    """Every catalogue under schemas/criteria/, ordered by level, tier and start year."""
    folder = resources.files("extractor._schemas").joinpath("criteria")
    out: list[CriteriaSet] = []
    for ref in folder.iterdir():
        if not ref.name.endswith(".yaml"):
            continue
        d = yaml.safe_load(ref.read_text(encoding="utf-8"))
        out.append(CriteriaSet(
            id=d["id"], level=d["level"], tier=d["tier"],
            valid_from=int(d["valid_from"]),
            valid_to=int(d["valid_to"]) if d.get("valid_to") is not None else None,
            criteria=tuple(Criterion(int(c["number"]), normalize(c["name"]),
                                     tuple(normalize(a) for a in c.get("aliases") or ()))
                           for c in d["criteria"]),
            components={int(k): tuple(v) for k, v in (d.get("components") or {}).items()}))
    return tuple(sorted(out, key=lambda s: (s.level, s.tier, s.valid_from)))


def criteria_set(set_id: str | None = None) -> CriteriaSet:
    """The set with this id; None gives the newest standard commune set."""
    if set_id is None:
        return criteria_set_for_year(None)
    for s in criteria_sets():
        if s.id == set_id:
            return s
    raise KeyError(f"unknown criteria set {set_id!r}")


def criteria_set_for_year(year: int | None, level: str = DEFAULT_LEVEL,
                          tier: str = DEFAULT_TIER) -> CriteriaSet:
    """The set in force in `year` (the newest one already in force past its end; the newest
    when the year is unknown)."""
    candidates = [s for s in criteria_sets() if s.level == level and s.tier == tier]
    if not candidates:
        raise KeyError(f"no criteria set for level={level!r} tier={tier!r}")
    if year is None:
        return candidates[-1]
    for s in candidates:
        if s.valid_from <= year <= (s.valid_to or 9999):
            return s
    started = [s for s in candidates if s.valid_from <= year]
    return started[-1] if started else candidates[0]


def criteria_set_size(set_id: str | None = None) -> int:
    """How many criteria the set has (19 for the commune sets)."""
    return criteria_set(set_id).size


def criterion_name(number: int, set_id: str | None = None) -> str | None:
    """The official name of criterion `number` in the set (None when out of range)."""
    return criteria_set(set_id).name(number)


@cache
def _conjunctions() -> tuple[str, ...]:
    """Words that join parts of a name and mean the same (patterns/criteria.yaml)."""
    return tuple(normalize(w).lower() for w in load_pattern("criteria")["conjunctions"])


def _alias_to_regex(alias: str) -> str:
    # words may be joined by spaces, commas or dashes in reports, and by any conjunction
    conjunctions = _conjunctions()
    any_conjunction = "(?:" + "|".join(map(re.escape, conjunctions)) + ")"
    words = [w for w in re.split(r"[\s,\-–]+", alias) if w]
    parts = [any_conjunction if w.lower() in conjunctions else re.escape(w) for w in words]
    return r"[\s,\-–]*".join(parts)


@cache
def name_table(level: str = DEFAULT_LEVEL) -> tuple[tuple[str, int], ...]:
    """(name or alias, number) over every set of the level, longest name first. A name used
    for two numbers in different sets keeps the number of the newest set."""
    by_name: dict[str, int] = {}
    for s in criteria_sets():  # oldest first: newer sets overwrite
        if s.level != level or s.tier != DEFAULT_TIER:
            continue
        for c in s.criteria:
            for n in (c.name, *c.aliases):
                by_name[n.casefold()] = c.number
    return tuple(sorted(by_name.items(), key=lambda kv: -len(kv[0])))


@cache
def name_regex(level: str = DEFAULT_LEVEL) -> re.Pattern[str]:
    """One alternation over every criterion name, longest first, matched case-insensitively
    at word boundaries; `lookup_name` turns a match back into a number."""
    alts = "|".join(_alias_to_regex(n) for n, _ in name_table(level))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


def _name_key(text: str) -> str:
    text = re.sub(r"[\s,\-–]+", " ", normalize(text).casefold()).strip()
    first, *others = _conjunctions()
    for word in others:
        text = text.replace(word, first)
    return text


@cache
def _keys(level: str) -> dict[str, int]:
    return {_name_key(n): num for n, num in name_table(level)}


def lookup_name(text: str, level: str = DEFAULT_LEVEL) -> int | None:
    """The criterion number a name (as matched by `name_regex`) stands for."""
    return _keys(level).get(_name_key(text))
