"""Canonical indicators: which official measure a figure reports, from patterns/indicators.yaml.

The key is what consolidation adds up across communes, so a figure gets one only when its
unit matches and its label words name the measure.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from extractor.core.data import load_pattern
from extractor.core.model import Figure
from extractor.core.regexes import compiled
from extractor.extract.guards import letters_guard
from extractor.text.fold import spelt, unmarked
from extractor.text.normalize import normalize


class Indicator(NamedTuple):
    """One measure. Its regexes (alias, required and excluding words) are compiled when it is
    first matched: a run that meets figures of a few units never compiles the others, and the
    names alone (flag messages, the workbook) need none."""

    key: str
    unit: str
    name_vi: str
    name_en: str
    criterion: int | None
    alias_regexes: tuple[str, ...]
    require_regexes: tuple[str, ...]
    exclude_regexes: tuple[str, ...]

    def matches(self, text: str) -> bool:
        """Whether `text`, spelt as the report being read spells it, names this measure."""
        aliases, requires, excludes = _COMPILED.get((self.key, unmarked())) or _compiled(self)
        return (aliases.search(text) is not None
                and all(r.search(text) for r in requires)
                and (excludes is None or excludes.search(text) is None))


_Compiled = tuple[re.Pattern[str], tuple[re.Pattern[str], ...], re.Pattern[str] | None]
# (indicator key, read unmarked) -> its regexes, compiled when first matched
_COMPILED: dict[tuple[str, bool], _Compiled] = {}


def _compiled(ind: Indicator) -> _Compiled:
    made = _COMPILED[ind.key, unmarked()] = (_compile(ind.alias_regexes), tuple(_compile([r]) for r in ind.require_regexes),
                                 _compile(ind.exclude_regexes) if ind.exclude_regexes else None)
    return made


def _compile(regexes: Iterable[str]) -> re.Pattern[str]:
    """One regex of alternatives; led by their first letters' guard (extract/guards.py) when
    every one starts with letters, so a search tries them only where one can begin."""
    parts = [spelt(normalize(r)) for r in regexes]
    return compiled(letters_guard(parts) + "(?:" + "|".join(f"(?:{r})" for r in parts) + ")", re.IGNORECASE)


@lru_cache(maxsize=1)
def indicators() -> tuple[Indicator, ...]:
    return tuple(
        Indicator(key=e["key"], unit=e["unit"], name_vi=e["name"]["vi"], name_en=e["name"]["en"],
                  criterion=e.get("criterion"), alias_regexes=tuple(e["aliases"]),
                  require_regexes=tuple(e.get("requires", [])), exclude_regexes=tuple(e.get("excludes") or ()))
        for e in load_pattern("indicators")["indicators"])


@lru_cache(maxsize=1)
def indicator_by_key() -> dict[str, Indicator]:
    return {ind.key: ind for ind in indicators()}


@lru_cache(maxsize=1)
def _by_unit() -> dict[str, tuple[Indicator, ...]]:
    table: dict[str, list[Indicator]] = {}
    for ind in indicators():
        table.setdefault(ind.unit, []).append(ind)
    return {u: tuple(v) for u, v in table.items()}


def label_to_indicator(text: str, unit: str) -> str | None:
    for ind in _by_unit().get(unit, ()):
        if ind.matches(text):
            return ind.key
    return None


def figure_to_indicator(fig: Figure, tail: str = "") -> str | None:
    """The indicator key of a figure from its label, counted noun and the words after it.
    A counted noun says what is counted ("3 hợp tác xã, 12 tổ hợp tác"), so it alone decides."""
    parts = (fig.noun, tail) if fig.unit == "count" and fig.noun else (fig.label, fig.noun, fig.text, tail)
    text = " ".join(p for p in parts if p)
    return label_to_indicator(spelt(text), fig.unit)
