"""Alternatives grouped by first letter (extract/guards.py `first_letter_dispatch` and the
rewrites built on it): where they apply, and that they change no match."""
from __future__ import annotations

import re

import pytest

from extractor.core.data import load_pattern
from extractor.extract.guards import (
    _distributed,
    any_match_hint,
    first_letter_dispatch,
    lead_group_dispatched,
    word_led_dispatched,
)
from extractor.text.fold import strip_diacritics
from tests.extract.helpers import mask_rules_rewritten_alike


def _strings(data: object) -> list[str]:
    """Every example and counter-example string of a pattern file, however deep."""
    if isinstance(data, dict):
        out = []
        for k, v in data.items():
            if k in ("examples", "counter_examples"):
                out += [t for t in v if isinstance(t, str)]
            else:
                out += _strings(v)
        return out
    if isinstance(data, list):
        return [t for item in data for t in _strings(item)]
    return []


def _variants(texts: list[str]) -> list[str]:
    texts = texts + [t.upper() for t in texts] + [t.title() for t in texts] + [strip_diacritics(t) for t in texts]
    return texts + ["x" + t for t in texts] + [t + "x" for t in texts] + [" ".join(texts)]


def test_alternatives_grouped_by_first_letter_in_their_order():
    assert first_letter_dispatch(r"vùng|hạng|vòng", True) == r"(?:(?-i:[Vv])(?:ùng|òng)|(?-i:[Hh])(?:ạng))"
    assert first_letter_dispatch(r"(?i:tiêu\s+chí)|TC", False) is None  # "t" ignoring case and "T" share "T"
    assert first_letter_dispatch(r"\d+|năm", True) is None  # an alternative not led by a letter
    assert first_letter_dispatch(r"(?i:ab)|Cd", False) == r"(?:(?-i:[Aa])(?i:b)|(?-i:[C])(?:d))"


def test_a_leading_group_is_distributed_in_the_order_the_engine_tries_it():
    assert _distributed(r"(?:đã\s+)?(?:đạt|về)\s+x") == [r"đã\s+(?:đạt|về)\s+x", r"đạt\s+x", r"về\s+x"]
    assert _distributed(r"(?:a|b)+c") == [r"(?:a|b)+c"]  # repeated: as written
    assert _distributed(r"(?:a)??c") == [r"(?:a)??c"]  # lazy: the engine tries it last


def test_dispatched_mask_rules_match_as_the_rules_written():
    """The rules of patterns/non_figures.yaml whose words are grouped by first letter
    (extract/masks.py `_searched_fast`): the same spans on the examples as written,
    capitalised, folded and glued to words, searched from inside a window."""
    rules = load_pattern("non_figures")["rules"]
    texts = _variants([t for r in rules for t in r.get("examples", []) + r.get("counter_examples", [])])
    dispatched = mask_rules_rewritten_alike(word_led_dispatched, texts)
    assert dispatched >= 4  # rank and numbered_reference at least, as written and folded


def test_status_entries_grouped_by_first_letter_match_as_written():
    """Each status entry of patterns/status_words.yaml whose first group is regrouped
    (criteria/grammar.py `_Rx.statuses`): the same spans on every example of the file."""
    data = load_pattern("status_words")
    texts = _variants(_strings(data))
    dispatched = 0
    for entry in data["statuses"]:
        for rx in (entry["regex"], strip_diacritics(entry["regex"])):
            fast_rx = lead_group_dispatched(rx)
            if fast_rx is None:
                continue
            dispatched += 1
            plain, fast = re.compile(rx), re.compile(fast_rx)
            for t in texts:
                assert [m.span() for m in fast.finditer(t)] == [m.span() for m in plain.finditer(t)], (rx, t)
    assert dispatched >= 40  # 28 of the 42 entries as written, and their folded forms


@pytest.mark.parametrize("keys", [
    [("status_words", "status_hint")],
    [("status_words", "status_hint"), ("criteria", "criteria_word_or_abbrev"), ("criteria", "numbered_name_hint")],
    [("criteria", "criteria_word_or_abbrev"), ("criteria", "numbered_name_hint")],
])
def test_hints_match_in_exactly_the_texts_their_entries_do(keys):
    """The criteria reader's hints (criteria/grammar.py `_any_of`) against the alternation of
    their entries as written: the same answer on every example of both pattern files."""
    entries = [load_pattern(f)[k] for f, k in keys]
    texts = _variants(_strings(load_pattern("status_words")) + _strings(load_pattern("criteria")))
    first = "".join(e["first_letters"] for e in entries)
    plain = re.compile(f"(?=[{first}])(?:" + "|".join(f"(?:{e['regex']})" for e in entries) + ")")
    fast = re.compile(any_match_hint((e["regex"] for e in entries), first))
    assert fast.pattern != plain.pattern
    found = 0
    for t in texts:
        assert (fast.search(t) is None) == (plain.search(t) is None), t
        found += plain.search(t) is not None
    assert found > 100


def test_a_hints_alternative_led_by_a_lookbehind_is_tried_at_its_first_character():
    hint = re.compile(any_match_hint([r"(?i:đạt|(?<=[Uu])nmet)", r"(?<![\w.,/])\d{1,2}\s*[-:]\s*[^\W\d]"], r"đĐnN\d"))
    assert [bool(hint.search(t)) for t in ["unmet", "nmet", "Unmet", "đạt", "2 - Giao", "a2 - Giao", "12,2 ha"]] == [
        True, False, True, True, True, False, False]


def test_a_status_line_without_a_colon_reads_no_statuses(monkeypatch):
    """`_status_first_lead` needs a colon after the status: a line without one after its
    marker is passed over before its statuses are read; one with it is read as before."""
    from extractor.extract.criteria import grammar

    calls: list[str] = []
    real = grammar.text_to_statuses
    monkeypatch.setattr(grammar, "text_to_statuses", lambda text: calls.append(text) or real(text))
    assert grammar._status_first_lead("3) Đã đáp ứng Thủy lợi") is None
    assert calls == []
    lead = grammar._status_first_lead("3) Đã đáp ứng: Thủy lợi")
    assert lead is not None and "3) Đã đáp ứng: Thủy lợi"[lead.end():] == "Thủy lợi"
    assert grammar._status_first_lead("10) Chưa đạt (đang phấn đấu): Thu nhập") is not None
