"""Canonical indicators: which official measure a figure reports, from patterns/indicators.yaml.

The key is what consolidation adds up across communes, so a figure gets one only when its
unit matches and its label words name the measure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.core.data import load_pattern
from extractor.core.model import Figure
from extractor.text.normalize import normalize


@dataclass(frozen=True)
class Indicator:
    key: str
    unit: str
    name_vi: str
    name_en: str
    criterion: int | None
    aliases: re.Pattern[str]
    requires: tuple[re.Pattern[str], ...]
    excludes: re.Pattern[str] | None

    def matches(self, text: str) -> bool:
        return (self.aliases.search(text) is not None
                and all(r.search(text) for r in self.requires)
                and (self.excludes is None or self.excludes.search(text) is None))


def _compile(regexes: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{normalize(r)})" for r in regexes), re.IGNORECASE)


@lru_cache(maxsize=1)
def indicators() -> tuple[Indicator, ...]:
    out = []
    for e in load_pattern("indicators")["indicators"]:
        out.append(Indicator(
            key=e["key"], unit=e["unit"], name_vi=e["name"]["vi"], name_en=e["name"]["en"],
            criterion=e.get("criterion"), aliases=_compile(e["aliases"]),
            requires=tuple(_compile([r]) for r in e.get("requires", [])),
            excludes=_compile(e["excludes"]) if e.get("excludes") else None))
    return tuple(out)


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
    return label_to_indicator(text, fig.unit)
