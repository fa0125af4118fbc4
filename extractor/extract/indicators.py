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
from extractor.extract.guards import letter_class_alternation, letters_guard
from extractor.text.fold import per_reading, spelt
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
        return _matches(self, text, _made())


_Compiled = tuple[re.Pattern[str], tuple[re.Pattern[str], ...], re.Pattern[str] | None]


@per_reading
def _made() -> dict[str, _Compiled]:
    """Indicator key -> its regexes as the report being read is spelt, compiled when first
    matched (one table per reading)."""
    return {}


def _matches(ind: Indicator, text: str, made: dict[str, _Compiled]) -> bool:
    """`Indicator.matches` with the regexes of the reading (`made`) looked up by the caller."""
    aliases, requires, excludes = made.get(ind.key) or _compiled(ind, made)
    return (aliases.search(text) is not None
            and all(r.search(text) for r in requires)
            and (excludes is None or excludes.search(text) is None))


def _compiled(ind: Indicator, made: dict[str, _Compiled]) -> _Compiled:
    regexes = made[ind.key] = (
        _compile(ind.alias_regexes), tuple(_compile([r]) for r in ind.require_regexes),
        _compile(ind.exclude_regexes) if ind.exclude_regexes else None)
    return regexes


def _compile(regexes: Iterable[str]) -> re.Pattern[str]:
    """One regex of alternatives; led by a class of their first letters when every one starts
    with a letter and they start with few (extract/guards.py `letter_class_alternation`: the
    engine scans for the class in C), else by their first letters' guard, so a search tries
    them only where one can begin. A label is searched once per indicator of its unit."""
    parts = [spelt(normalize(r)) for r in regexes]
    led = letter_class_alternation(parts, ignore_case=True)
    if led is not None:
        return compiled(led, re.IGNORECASE)
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
    made = _made()
    for ind in _by_unit().get(unit, ()):
        if _matches(ind, text, made):
            return ind.key
    return None


@per_reading
def _other_places() -> re.Pattern[str]:
    return _compile(load_pattern("indicators")["other_places"])


def of_another_place(label: str) -> bool:
    """Whether a label speaks of another place than the report's commune ("xã bạn đã có",
    "toàn huyện có"), `label` spelt as the report being read is spelt."""
    return _other_places().search(label) is not None


def figure_to_indicator(fig: Figure, tail: str = "") -> str | None:
    """The indicator key of a figure from its label, counted noun and the words after it.
    A counted noun says what is counted ("3 hợp tác xã, 12 tổ hợp tác"), so it alone decides;
    a figure of another place (`of_another_place`) measures none of the commune's."""
    if fig.label and of_another_place(spelt(fig.label)):
        return None
    return own_figure_to_indicator(fig, tail)


def own_figure_to_indicator(fig: Figure, tail: str = "") -> str | None:
    """`figure_to_indicator` of a figure whose label is known to speak of no other place (a
    caller that asked `of_another_place` itself asks it once, not twice)."""
    parts = (fig.noun, tail) if fig.unit == "count" and fig.noun else (fig.label, fig.noun, fig.text, tail)
    text = " ".join(p for p in parts if p)
    return label_to_indicator(spelt(text), fig.unit)
