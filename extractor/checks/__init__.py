"""Checks: flags for figures that contradict each other or cannot be right, in one report and across reports.

`record_to_flags(record, outline, issues)` turns the number tokens the figure reader could
not take at face value into flags (checks/numbers.py) and runs every rule of `RULES` over one
extracted record and its outline; `across.records_to_flags(records)` (imported only by the
ingest, which runs it) compares several reports. Each rule
is a small function `Report -> list[Flag]` in its own module: source (damaged_file: a file
read only in part), conflicts (conflicting_values), count_list (count_list_mismatch), ratios
(ratio_mismatch in prose), tables (table rows: ratio_mismatch, table_total_mismatch), sums
(sum_mismatch), relations (part_exceeds_whole, change_mismatch, share_over_100,
village_count_mismatch), criteria_count (criteria_*) and thresholds (criterion_vs_figure). They share
the scope of a figure (checks/scope.py), the report index (checks/index.py) and make every
flag through checks/flags.py. Words, tolerances and severities come from patterns/checks.yaml,
criteria thresholds from schemas/thresholds/*.yaml, messages from
extractor/core/locale/checks.yaml. A flag's evidence names every figure involved, with its
text and location, so a reader can see both sides.
Rules keep quiet unless a relation is explicit in the text (a ratio and its percentage side
by side, a total and its "trong đó" parts, a sentence repeated with one figure changed): a
consistency check that cries wolf is not read.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from extractor.checks.conflicts import conflicting_values
from extractor.checks.count_list import count_list_mismatch
from extractor.checks.criteria_count import criteria_consistency
from extractor.checks.index import Report, record_to_report
from extractor.checks.numbers import issues_to_flags
from extractor.checks.ratios import ratio_mismatch
from extractor.checks.relations import (
    change_mismatch,
    commune_part_exceeds,
    part_exceeds_whole,
    share_over_100,
    village_count_mismatch,
)
from extractor.checks.source import damaged_file
from extractor.checks.sums import sum_mismatch
from extractor.checks.tables import table_ratio_mismatch, table_total_mismatch
from extractor.checks.thresholds import criterion_vs_figure
from extractor.core.model import Flag, Location, NumberIssue, Record
from extractor.structure.outline import Outline

__all__ = ["RULES", "record_to_flags"]

RULES: tuple[Callable[[Report], list[Flag]], ...] = (
    damaged_file,
    conflicting_values,
    count_list_mismatch,
    ratio_mismatch,
    sum_mismatch,
    part_exceeds_whole,
    commune_part_exceeds,
    change_mismatch,
    share_over_100,
    village_count_mismatch,
    criteria_consistency,
    criterion_vs_figure,
    # after the prose rules: a table that restates a prose contradiction adds its evidence
    # to the prose flag (merge_restated)
    table_ratio_mismatch,
    table_total_mismatch,
)


def record_to_flags(record: Record, outline: Outline, issues: Sequence[NumberIssue] = ()) -> list[Flag]:
    rep = record_to_report(record, outline)
    flags: list[Flag] = []
    for rule in RULES:
        flags.extend(rule(rep))
    return issues_to_flags(list(issues)) + merge_restated(rep, flags)


def _amounts(rep: Report, flag: Flag) -> tuple[tuple[str, float], ...] | None:
    """The figures a flag's evidence stands on, as sorted (unit, value); None when a piece of
    evidence holds no figure."""
    out = []
    for ev in flag.evidence:
        found = rep.figures_over(ev.location) if ev.location is not None else []
        if len(found) != 1:
            return None
        out.append((found[0].unit, _same_amount(found[0].value)))
    return tuple(sorted(out))


def _same_amount(value: float) -> float:
    """`value` to fifteen significant digits: an amount written with a scale word ("8238.8 triệu")
    is a product of floats (8238799999.999999, a few units in the 17th digit off) and must still
    equal the same amount written out ("8,238,800,000"); rounding to decimal places would keep
    the two apart, and fewer digits would make amounts that differ in a trillion equal."""
    return float(f"{value:.15g}")


def merge_restated(rep: Report, flags: list[Flag]) -> list[Flag]:
    """One contradiction, one flag: a report that restates its figures in an appendix table
    ("Tổng cộng" row and prose total with the same parts) gets the first flag, with the other's
    evidence added, instead of two."""
    kept: list[Flag] = []
    seen: dict[tuple[tuple[str, float], ...], Flag] = {}
    # the evidence a kept flag already holds, as (text, location): a set, since a contradiction
    # repeated all through a long report gathers thousands
    held: dict[int, set[tuple[str, Location | None]]] = {}
    for flag in flags:
        key = _amounts(rep, flag) if flag.evidence else None
        first = seen.get(key) if key else None
        if first is not None:
            has = held[id(first)]
            for e in flag.evidence:
                if (e.text, e.location) not in has:
                    has.add((e.text, e.location))
                    first.evidence.append(e)
            continue
        if key:
            seen[key] = flag
            held[id(flag)] = {(e.text, e.location) for e in flag.evidence}
        kept.append(flag)
    return kept
