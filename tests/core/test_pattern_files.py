"""House rule: every pattern file ships examples and counter-examples, and a test runs them."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractor.core.data import load_pattern, pattern_names

TESTS = Path(__file__).resolve().parents[1]


def _keys(node: object) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for v in node.values() for k in _keys(v)}
    if isinstance(node, list):
        return {k for v in node for k in _keys(v)}
    return set()


@pytest.mark.parametrize("name", pattern_names())
def test_pattern_file_has_examples_and_counter_examples(name):
    keys = _keys(load_pattern(name))
    assert any("example" in k and "counter" not in k for k in keys), f"{name}.yaml has no examples"
    assert any("counter_example" in k for k in keys), f"{name}.yaml has no counter-examples"


@pytest.mark.parametrize("name", pattern_names())
def test_pattern_file_is_run_by_a_test(name):
    named = re.compile(rf"[\"']{name}[\"']")
    users = [p.name for p in TESTS.rglob("test_*.py") if p.name != Path(__file__).name
             and "load_pattern" in (src := p.read_text(encoding="utf-8")) and named.search(src)]
    assert users, f"no test loads patterns/{name}.yaml"
