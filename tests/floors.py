"""Accuracy floors (tests/accuracy_floor.json): an evaluation summary as rates, held to a floor
(or, for false alarms, a ceiling). Shared by the main-split and held-out floor tests."""
from __future__ import annotations

from typing import Any


def summary_to_rates(s: dict[str, Any]) -> dict[str, float]:
    return {"figures_f1": s["figures"]["f1"], "figures_precision": s["figures"]["precision"],
            "figures_recall": s["figures"]["recall"],
            "criteria_exact": s["criteria"]["exact"] / s["criteria"]["of"],
            "identity": s["identity"]["correct"] / s["identity"]["of"],
            "flags_caught": s["flags"]["caught"] / s["flags"]["of"],
            "false_alarms_per_doc": s["flags"]["false_alarms"] / s["docs"]}


def assert_within_floor(got: dict[str, float], floor: dict[str, Any]) -> None:
    for key, value in floor.items():
        if key.startswith("_"):
            continue
        if key == "false_alarms_per_doc":
            assert got[key] <= value, f"{key}: {got[key]:.3f} above the ceiling {value}"
        else:
            assert got[key] >= value, f"{key}: {got[key]:.3f} below the floor {value}"
