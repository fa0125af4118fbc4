"""The held-out split (corpus/heldout/) is scored apart from the main one and never tuned on
(corpus/README.md): its measured accuracy may only rise. The floor is the value measured, not
a goal; `_heldout` in tests/accuracy_floor.json holds it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.outputs.evaluate import evaluate
from tests.floors import assert_within_floor, summary_to_rates

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "corpus" / "heldout"


@pytest.mark.skipif(not HELDOUT.exists(), reason="no held-out split")
def test_heldout_accuracy_does_not_fall() -> None:
    floor = json.loads((ROOT / "tests" / "accuracy_floor.json").read_text(encoding="utf-8"))["_heldout"]
    s = evaluate([str(HELDOUT)]).summary()
    assert s["docs"] >= 32
    assert_within_floor(summary_to_rates(s), floor)
