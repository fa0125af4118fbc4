"""The status of a figure: result, target, plan, baseline or excess (patterns/figure_status.yaml).

A result is the default. The cue nearest before the figure in its clause decides; a figure
with no cue under a heading of the plan part of a report ("Phương hướng, nhiệm vụ") is a
target. Consolidation adds results only, so a target never swells a result column.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractor.core.data import load_pattern
from extractor.core.model import FigureStatus
from extractor.core.regexes import compiled
from extractor.extract.guards import letters_guard
from extractor.text.fold import per_reading, spelt, spelt_all, unmarked


@per_reading
def _cues() -> tuple[re.Pattern[str], dict[str, FigureStatus], re.Pattern[str], re.Pattern[str]]:
    data = load_pattern("figure_status")
    parts: list[str] = []
    names: dict[str, FigureStatus] = {}
    for i, entry in enumerate(data["statuses"]):
        names[f"s{i}"] = FigureStatus(entry["status"])  # a status the model does not know fails here
        parts.append(f"(?P<s{i}>" + "|".join(sorted(spelt_all(entry["cues"]), key=len, reverse=True)) + ")")
    guard = letters_guard(spelt(cue) for entry in data["statuses"] for cue in entry["cues"])
    cue_re = compiled(r"(?<!\w)" + guard + "(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)
    return (cue_re, names, compiled(spelt(data["plan_headings"]), re.IGNORECASE),
            compiled(spelt(data["result_headings"]), re.IGNORECASE))


def clause_to_status(clause: str, headings: list[str] | tuple[str, ...] = ()) -> FigureStatus:
    """The status of a figure whose clause, up to the number, is `clause`, given as the report
    being read is read (`spelt`: extract/figures.py reads every text so)."""
    status = cue_to_status(clause)
    return status if status is not None else _headings_to_status(tuple(headings), unmarked())


def cue_to_status(text: str) -> FigureStatus | None:
    """The status the last cue of `text` (a clause up to its figure) names, the nearest to the
    figure; None without one."""
    cue_re, names, _, _ = _cues()
    last = None
    for m in cue_re.finditer(text):
        last = m
    # one status group takes part in a match, and it closes last
    return names[last.lastgroup or ""] if last is not None else None


def header_to_status(header: str) -> FigureStatus | None:
    """The status a table's column header gives its cells: the first cue, as a header opens
    with what the column holds ("Kế hoạch năm 2024" plans, "Kết quả thực hiện kế hoạch"
    results); None without one ("Thực hiện", "Tỷ lệ (%)"). `header` spelt as it is read."""
    cue_re, names, _, _ = _cues()
    m = cue_re.search(header)
    return names[m.lastgroup or ""] if m is not None else None


@lru_cache(maxsize=64)
def _headings_to_status(headings: tuple[str, ...], read_unmarked: bool) -> FigureStatus:
    """The status the headings give a figure without a cue: asked for every figure of a block,
    answered once per heading path and reading."""
    _, _, plan_re, result_re = _cues()
    for heading in (spelt(h) for h in reversed(headings)):
        if result_re.search(heading):
            return FigureStatus.RESULT
        if plan_re.search(heading):
            return FigureStatus.TARGET
    return FigureStatus.RESULT
