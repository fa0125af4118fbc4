"""criterion_vs_figure: a criterion reported met while a figure of one of its indicators misses
the level its criteria set requires (schemas/thresholds/*.yaml)."""
from __future__ import annotations

from typing import Any

from extractor.checks.criteria_count import criterion_evidence
from extractor.checks.data import thresholds
from extractor.checks.flags import figure_evidence, make_flag
from extractor.checks.index import Placed, Report
from extractor.checks.scope import report_year
from extractor.core.model import Flag


def _threshold_files(rep: Report) -> list[dict[str, Any]]:
    crit_set = rep.record.criteria.criteria_set
    year = report_year(rep.record)
    out = []
    for t in thresholds():
        if crit_set is not None:
            if crit_set in (t.get("criteria_sets") or []):
                out.append(t)
        elif year is not None and t.get("years") and t["years"][0] <= year <= t["years"][1]:
            out.append(t)
    return out


def threshold_value(entry: dict[str, Any], region: str | None) -> float | None:
    """The level an indicator must reach: the region's when known, else the loosest of all
    regions (a check that does not know the region must not flag a commune that passes)."""
    by_region = entry.get("by_region") or {}
    if region and region in by_region:
        return float(by_region[region])
    values = [float(v) for v in by_region.values()]
    if "value" in entry:
        values.append(float(entry["value"]))
    if not values:
        return None
    return min(values) if entry.get("comparator", ">=") == ">=" else max(values)


def _ratio_before(rep: Report, p: Placed) -> Placed | None:
    """The ratio a percentage restates: the figure right before it in its sentence, a ratio
    with the same label (figures.py gives a linked percentage its ratio's label)."""
    before = [q for q in rep.in_block(p.pos) if q.end <= p.start and q.sentence == p.sentence]
    if not before:
        return None
    last = before[-1]
    return last if last.figure.total and last.figure.label == p.figure.label else None


def criterion_vs_figure(rep: Report) -> list[Flag]:
    """A criterion reported met while a figure of one of its indicators misses the level the
    criteria set requires (schemas/thresholds/*.yaml)."""
    met = set(rep.record.criteria.met)
    year = report_year(rep.record)
    province = (rep.record.identity.province or "").casefold()
    flags: list[Flag] = []
    for tfile in _threshold_files(rep):
        region = {k.casefold(): v for k, v in (tfile.get("province_regions") or {}).items()}.get(province)
        for entry in tfile.get("thresholds") or []:
            if entry["criterion"] not in met:
                continue
            level = threshold_value(entry, region)
            if level is None:
                continue
            ratio_keys = set(entry.get("ratio_indicators") or [])
            for p in rep.placed:
                f = p.figure
                if f.indicator != entry["indicator"] and f.indicator not in ratio_keys:
                    continue
                if f.unit == "percent" and _ratio_before(rep, p) is not None:
                    continue  # "10.390/10.444 người, đạt 84%": the ratio is judged, and ratio_mismatch
                    # reports a percentage that disagrees with it
                if f.unit == "percent" and f.indicator == entry["indicator"]:
                    pct = f.value
                elif f.total and (f.indicator == entry["indicator"] or f.indicator in ratio_keys):
                    pct = 100.0 * f.value / f.total
                else:
                    pct = None
                if pct is None:
                    continue
                ok = pct >= level if entry.get("comparator", ">=") == ">=" else pct <= level
                # "năm 2016 đạt 72%", "toàn huyện đạt 80%", "đầu kỳ là 78%": not the result judged
                # (read only for a figure that misses the level)
                if not ok and rep.figure_scope(p).is_result(year):
                    stated = [figure_evidence(q.figure) for q in rep.in_block(p.pos)
                              if q.figure.unit == "percent" and _ratio_before(rep, q) is p]
                    flags.append(make_flag(
                        "criterion_vs_figure", ("criterion_vs_figure", "severity"), "criterion_vs_figure",
                        [figure_evidence(f)] + stated + criterion_evidence(rep, [entry["criterion"]], {"met"}),
                        number=entry["criterion"], text=f.text, value=round(pct, 2),
                        comparator=entry.get("comparator", ">="), threshold=level,
                        item=str(entry.get("item", entry["criterion"])), decision=tfile["decision"]))
    return flags
