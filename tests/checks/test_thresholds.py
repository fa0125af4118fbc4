"""criterion_vs_figure (extractor/checks/thresholds.py): a criterion met while a figure misses
the level its criteria set requires."""
from __future__ import annotations

from extractor.checks.thresholds import threshold_value
from extractor.core.model import (
    CriteriaStatus,
)
from tests.checks.helpers import fig, make_doc, rules, run


def _health(value_text: str, value: float, met: list[int], criteria_set="commune-2016-2020",
            indicator_key="health_insurance_percent", **kw):
    doc = make_doc(f"Tỷ lệ người dân tham gia bảo hiểm y tế {value_text}.")
    f = fig(doc, 0, value_text, value, kw.pop("unit", "percent"), indicator=indicator_key, **kw)
    crit = CriteriaStatus(met=met, unmet=[n for n in range(1, 20) if n not in met], criteria_set=criteria_set)
    return run(doc, [f], crit)


def test_criterion_vs_figure_fires_below_the_cited_level():
    flags = _health("80%", 80, list(range(1, 20)))
    assert rules(flags) == ["criterion_vs_figure"]
    assert "80" in flags[0].message and "85" in flags[0].message and "1980" in flags[0].message
    ratio = _health("2000/2692 người", 2000, list(range(1, 20)), unit="person", total=2692,
                    indicator_key="health_insurance_persons")
    assert rules(ratio) == ["criterion_vs_figure"]


def test_criterion_vs_figure_silent():
    assert _health("90%", 90, list(range(1, 20))) == []
    # the criterion is not claimed met
    assert _health("80%", 80, [n for n in range(1, 20) if n != 15]) == []
    # no cited thresholds for this set
    assert _health("80%", 80, list(range(1, 20)), criteria_set="commune-2021-2025") == []


def test_threshold_without_a_region_takes_the_loosest_level():
    entry = {"comparator": "<=", "by_region": {"a": 13.9, "b": 31.4}}
    assert threshold_value(entry, None) == 31.4
    assert threshold_value(entry, "a") == 13.9
    assert threshold_value({"comparator": ">=", "value": 85}, None) == 85
