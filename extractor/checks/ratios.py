"""ratio_mismatch: a percentage that is not the ratio it restates, in prose ("12,1/12,6 km đạt
90%", or two amounts then "đạt 57,24%"); table rows are checked in checks/tables.py."""
from __future__ import annotations

from typing import Any

from extractor.checks.data import config, regex
from extractor.checks.flags import figure_evidence, make_flag
from extractor.checks.index import Placed, Report, decimals
from extractor.checks.scope import report_year
from extractor.core.model import Evidence, Flag


def ratio_flag(p: float, computed: float, value: float, total: float,
               evidence: list[Evidence], implicit: bool) -> Flag | None:
    """The flag for a stated percentage `p` that is not `computed` = value/total, beyond the
    rounding its written digits allow."""
    cfg = config()["ratio"]
    tol = max(cfg["last_digit_units"] * 10 ** -decimals(p), cfg["min_points"])
    diff = abs(computed - p)
    if diff <= tol + 1e-9:
        return None
    severity = ("ratio", "error_severity" if diff >= cfg["error_points"] and not implicit else "severity")
    return make_flag("ratio_mismatch", severity, "ratio_mismatch", evidence,
                     stated=p, value=value, total=total, computed=round(computed, 2))


def ratio_mismatch(rep: Report) -> list[Flag]:
    """A percentage beside its own ratio ("12,1/12,6 km đạt 90%"), or after the two amounts
    it relates ("giao 2.600.000.000 đồng, giải ngân 1.488.131.262 đồng, đạt 57,24%")."""
    cfg = config()["ratio"]
    after = regex("ratio", "gap_after_regex")
    before = regex("ratio", "gap_before_regex")
    flags: list[Flag] = []
    checked: set[int] = set()
    for pos, items in rep.figures_by_block():
        text = rep.text(pos)
        for i, p in enumerate(items):
            f = p.figure
            if f.unit == "percent" or not f.total:
                continue
            pct = None
            if (i + 1 < len(items) and items[i + 1].figure.unit == "percent"
                    and after.match(text[p.end:items[i + 1].start])):
                pct = items[i + 1]
            elif i > 0 and items[i - 1].figure.unit == "percent" and before.match(text[items[i - 1].end:p.start]):
                pct = items[i - 1]
            if pct is None:
                continue
            checked.add(id(pct))
            flag = ratio_flag(pct.figure.value, 100.0 * f.value / f.total, f.value, f.total,
                               [figure_evidence(f), figure_evidence(pct.figure)], implicit=False)
            if flag:
                flags.append(flag)
        flags += _implicit_ratios(rep, items, checked, cfg)
    return flags


def _implicit_ratios(rep: Report, items: list[Placed], checked: set[int], cfg: dict[str, Any]) -> list[Flag]:
    """A percentage after two amounts of one unit in its sentence: the second over the first
    ("vốn được giao 2.600.000.000 đồng, giải ngân 1.488.131.262 đồng, đạt 57,24%"), or the
    first over the second ("giải ngân 1.800 triệu đồng trên tổng vốn 2.400 triệu đồng, đạt
    75%"). Two amounts of different places or times are not a ratio ("năm 2023 giải ngân 2
    tỷ đồng, lũy kế ... 15 tỷ đồng, đạt 75% kế hoạch giai đoạn"), nor is a percentage "of the
    plan" after two amounts none of which is the plan ("làm mới 3,2 km, nâng cấp 1,5 km, đạt
    100% kế hoạch")."""
    connector = regex("ratio", "implicit_connector_regex")
    plan_after = regex("ratio", "plan_after_regex")
    plan_before = regex("ratio", "plan_before_regex")
    change = regex("ratio", "change_before_regex")
    year = report_year(rep.record)
    flags: list[Flag] = []
    for i, p in enumerate(items):
        if p.figure.unit != "percent" or id(p) in checked:
            continue
        text = rep.text(p.pos)
        prev = [q for q in items[:i] if q.sentence == p.sentence]
        # only the figures since the last percentage of the sentence
        cut = max((k for k, q in enumerate(prev) if q.figure.unit == "percent"), default=-1)
        prev = prev[cut + 1:]
        if len(prev) == 1:
            prev = _plan_before_semicolon(rep, items, i, prev[0]) + prev
        if len(prev) != 2 or not connector.search(text[prev[-1].end:p.start]):
            continue
        a, b = prev[0].figure, prev[1].figure
        if (a.unit != b.unit or a.unit not in cfg["implicit_units"] or a.total is not None
                or b.total is not None or a.per or b.per or a.value <= 0 or b.value <= 0):
            continue
        flag = ratio_flag(p.figure.value, 100.0 * b.value / a.value, b.value, a.value,
                           [figure_evidence(b), figure_evidence(a), figure_evidence(p.figure)], implicit=True)
        if flag is None or ratio_flag(p.figure.value, 100.0 * a.value / b.value, a.value, b.value, [],
                                      implicit=True) is None:
            continue
        # the words are read only for a percentage that is neither ratio
        s_start = rep.sentence_span(prev[0])[0]
        if plan_after.match(text[p.end:p.end + 40]) and not plan_before.search(text, s_start, prev[1].start):
            continue
        if change.search(text, max(prev[0].end, prev[1].start - 40), prev[1].start):
            continue  # "62 hộ nghèo (giảm 16 hộ so với cùng kỳ), chiếm 5%": a change, and a share of something else
        if rep.figure_scope(prev[0]).same_frame(rep.figure_scope(prev[1]), year):
            flags.append(flag)
    return flags


def _plan_before_semicolon(rep: Report, items: list[Placed], i: int, only: Placed) -> list[Placed]:
    """The plan of a share "of the plan" whose sentence holds one amount, stated alone in the
    clause before it, ended by ';' ("Kế hoạch vốn giao năm 2023 là 4,2 tỷ đồng; đến 31/12 đã
    giải ngân 3,9 tỷ đồng, đạt 93% kế hoạch"): [that amount], else []."""
    p = items[i]
    text = rep.text(p.pos)
    if p.sentence == 0 or not regex("ratio", "plan_after_regex").match(text[p.end:p.end + 40]):
        return []
    start, end = rep.sentences[p.pos][p.sentence - 1]
    if not text[start:end].rstrip().endswith(";"):
        return []
    before = [q for q in items[:i] if q.sentence == p.sentence - 1]
    if len(before) != 1 or not regex("ratio", "plan_before_regex").search(text, start, before[0].start):
        return []
    return before
