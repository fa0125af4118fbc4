"""The data the checks read (extractor/checks/data.py): every regex of patterns/checks.yaml
against its examples and counter-examples, and the criteria threshold files."""
from __future__ import annotations

import re

from extractor.checks.data import thresholds, with_words
from extractor.core.data import load_pattern


def _regex_entries(node, path=""):
    """(path, regex, examples, counter_examples) of every `regex` with `examples` and every
    `<x>_regex` with `<x>_examples` in a pattern file, `{<name>_words}` filled in."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "regex" and "examples" in node:
                yield path, with_words(node, value), node["examples"], node.get("counter_examples", [])
            elif key.endswith("_regex") and f"{key[:-6]}_examples" in node:
                yield (f"{path}.{key}", with_words(node, value), node[f"{key[:-6]}_examples"],
                       node.get(f"{key[:-6]}_counter_examples", []))
            elif isinstance(value, (dict, list)):
                yield from _regex_entries(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _regex_entries(v, f"{path}[{i}]")


def test_checks_yaml_regex_examples():
    seen = 0
    for path, regex, examples, counter_examples in _regex_entries(load_pattern("checks")):
        rx = re.compile(regex, re.IGNORECASE)
        for ex in examples:
            assert rx.search(ex), f"{path} should match {ex!r}"
        for ex in counter_examples:
            assert not rx.search(ex), f"{path} should not match {ex!r}"
        seen += 1
    assert seen >= 8


def test_thresholds_cite_their_decision_and_known_indicators():
    files = thresholds()
    assert files
    indicators = {i["key"] for i in (load_pattern("indicators") or {}).get("indicators", [])}
    for t in files:
        assert t["decision"] and t["sources"] and t["criteria_sets"]
        for entry in t["thresholds"]:
            assert entry["comparator"] in (">=", "<=")
            assert "value" in entry or entry.get("by_region")
            if indicators:
                assert entry["indicator"] in indicators, entry["indicator"]
