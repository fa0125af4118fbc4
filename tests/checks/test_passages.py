"""Short passages in forms of real reports (passages/scope_time.yaml), read by the whole
pipeline: each must raise exactly the loud flags it lists. Most list none: a figure of the
district, of a cumulative period, of a plan, a sub-part or a restatement is not compared
with the commune's result of the year. The families hold rewrites: one passage with and
without the change of scope, time or plan that brings or removes a flag."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from extractor.core.data import parse_yaml
from extractor.core.model import Block, BlockKind, Document
from extractor.pipeline import document_to_record

PASSAGES: list[dict[str, Any]] = parse_yaml(
    (Path(__file__).parent / "passages" / "scope_time.yaml").read_text(encoding="utf-8"))
LOUD = ("error", "warning")


def loud_rules(lines: list[str]) -> list[str]:
    doc = Document(path="mem.txt", format="txt", sha256="0",
                   blocks=[Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)])
    return sorted(f.rule for f in document_to_record(doc).flags if f.severity in LOUD)


def test_the_batch_is_mostly_consistent_passages():
    ids = [p["id"] for p in PASSAGES]
    assert len(ids) == len(set(ids)) and len(ids) >= 80
    flagged = sum(1 for p in PASSAGES if p["flags"])
    assert 20 <= flagged <= len(ids) // 3
    # every family with a flagged passage holds a consistent one beside it
    families = Counter(p["family"] for p in PASSAGES if not p["flags"])
    assert all(families[p["family"]] for p in PASSAGES if p["flags"])


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_passage_raises_exactly_its_flags(passage):
    assert loud_rules(passage["lines"]) == sorted(passage["flags"])
