"""Regression: qualifiers, per-units and multipliers are looked up by their match lower-cased,
and `may_match` looks for a pattern's `needs_words` in the lower-cased text; a word the
patterns write with a capital (a KeyError, or a pattern never tried) must be found too."""
from __future__ import annotations

import copy
from typing import Any

import pytest

from extractor.core.data import load_pattern
from extractor.extract import quantities
from extractor.extract.criteria import grammar
from extractor.text import units


def _with_capitals(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, edit: Any) -> None:
    """`module` reading pattern file `name` as `edit` changes a copy of it."""
    def load(key: str) -> Any:
        data = load_pattern(key)
        if key != name:
            return data
        data = copy.deepcopy(data)
        edit(data)
        return data
    monkeypatch.setattr(module, "load_pattern", load)


def test_a_per_unit_written_with_a_capital_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_capitals(monkeypatch, units, "units", lambda d: d.update(per_units=["Người/Năm"]))
    monkeypatch.setattr(units, "_per_units", units._per_units.__wrapped__)  # type: ignore[attr-defined]
    assert units.per_unit_at("45 triệu đồng/người/năm", 13) == ("Người/Năm", 23)


def test_a_multiplier_written_with_a_capital_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    def capitalize(d: dict) -> None:
        for m in d["multipliers"]:
            m["forms"] = [f.capitalize() for f in m["forms"]]
    _with_capitals(monkeypatch, units, "units", capitalize)
    monkeypatch.setattr(units, "_multipliers", units._multipliers.__wrapped__)  # type: ignore[attr-defined]
    assert units.multiplier_at("8.898 triệu", 5) == (1e6, 11)


def test_a_qualifier_written_with_a_capital_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    def capitalize(d: dict) -> None:
        for q in d["qualifiers"]:
            q["word"] = q["word"].capitalize()
    _with_capitals(monkeypatch, quantities, "numbers", capitalize)
    monkeypatch.setattr(quantities, "_qualifier_regexes",
                        quantities._qualifier_regexes.__wrapped__)  # type: ignore[attr-defined]
    assert quantities._qualifier_before("tối thiểu ", 10) == "Tối thiểu"


def test_needs_words_written_with_a_capital_are_found(monkeypatch: pytest.MonkeyPatch) -> None:
    def capitalize(d: dict) -> None:
        for v in d.values():
            if isinstance(v, dict) and "needs_words" in v:
                v["needs_words"] = [w.capitalize() for w in v["needs_words"]]
    _with_capitals(monkeypatch, grammar, "criteria", capitalize)
    rx = grammar._Rx()
    key = next(iter(rx.needs_words))
    word = load_pattern("criteria")[key]["needs_words"][0]
    assert all(w == w.lower() for words in rx.needs_words.values() for w in words)
    monkeypatch.setattr(grammar, "rx", lambda: rx)
    assert grammar.may_match(key, f"... {word.upper()} ...")
