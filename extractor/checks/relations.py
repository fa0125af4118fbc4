"""Relations a careful clerk checks between amounts the text ties together without a breakdown
word: a part larger than the whole it is a part of ("Toàn xã có 45,6 km đường trục xã, đã cứng
hóa 47,2 km"), a change that is not the difference of its two ends ("đầu năm 65 hộ, cuối năm
còn 42 hộ, giảm 25 hộ"), a share of households or people over 100%, and a count of villages
"N/M thôn" over the number of villages the commune says it has. Every relation is read from
words of patterns/checks.yaml (`relations`) between neighbouring figures of one block: the
rules walk the report index once, never the text of blocks without figures."""
from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from extractor.checks.data import config, regex
from extractor.checks.flags import figure_evidence, indicator_name, make_flag, stated, unit_name
from extractor.checks.index import Placed, Report, comparable, decimals, same_kind, value_range
from extractor.checks.scope import report_year
from extractor.core.model import Figure, Flag


def _cfg() -> dict[str, Any]:
    return config()["relations"]  # type: ignore[no-any-return]


def _plain(f: Figure) -> bool:
    """An amount on its own: no ratio, no per-unit, above zero."""
    return f.total is None and not f.per and f.value > 0 and f.upper is None


def _next_of_unit(items: list[Placed], i: int) -> Placed | None:
    """The next figure with the unit (and noun) of figure `i`, in its sentence or the next."""
    a, last = items[i].figure, items[i].sentence + 1
    for k in range(i + 1, len(items)):
        q = items[k]
        if q.sentence > last:
            return None
        if same_kind(a, q.figure):
            return q
    return None


def _sentence_start(rep: Report, p: Placed) -> int:
    return rep.sentence_span(p)[0]


# ---------------------------------------------------------------------------- part_exceeds_whole


def part_exceeds_whole(rep: Report) -> list[Flag]:
    """A whole ("Toàn xã có 45,6 km", "vốn được giao 3.500 triệu đồng", "tổng số 1.250 hộ") and,
    in its sentence or the clause after a ';', the part of it that is done or reached ("đã cứng
    hóa 47,2 km", "đã giải ngân 3.800 triệu đồng", "số hộ sử dụng điện ... 1.300 hộ"), larger
    than the whole. A plan word, another place, a change or money carried over from earlier
    years between them makes the second no part of the first."""
    cfg = _cfg()["part_whole"]
    units = set(cfg["units"])
    whole_before = regex("relations", "whole_before_regex")
    part_between = regex("relations", "part_between_regex")
    not_between = regex("relations", "not_part_regex")
    year = report_year(rep.record)
    flags: list[Flag] = []
    for pos, items in rep.figures_by_block():
        text = rep.text(pos)
        for i, pa in enumerate(items):
            a = pa.figure
            if a.unit not in units or not _plain(a):
                continue
            # the cheap tests first: a larger amount of the kind next, then the words
            pb = _next_of_unit(items, i)
            if (pb is None or not _plain(pb.figure) or pb.sentence - pa.sentence > 1
                    or value_range(pb.figure)[0] <= value_range(a)[1] + 1e-9):
                continue
            b = pb.figure
            gap = text[pa.end:pb.start]
            # one clause after a ';' at most, and the rest of the part's clause for words of
            # carry-over ("..., giải ngân 3.800 triệu đồng (gồm vốn năm trước chuyển sang)")
            if (gap.count(";") > 1 or any(c in gap for c in ".!?\n") or not part_between.search(gap)
                    or not_between.search(gap) or not_between.search(text, pb.end, rep.sentence_span(pb)[1])):
                continue
            if not whole_before.search(text[max(_sentence_start(rep, pa), pa.start - 60):pa.start]):
                continue
            sa, sb = rep.figure_scope(pa), rep.figure_scope(pb)
            if sa.several_places or sb.several_places or sb.target or not sa.same_frame(sb, year):
                continue
            flags.append(make_flag("part_exceeds_whole", ("relations", "part_whole", "severity"),
                                   "part_exceeds_whole", [figure_evidence(a), figure_evidence(b)],
                                   part=stated(b), whole=stated(a)))
    return flags


# ---------------------------------------------------------------------------- change_mismatch


def _change_allows(a: float, b: float, c: float, percent: bool) -> bool:
    """A change `c` that may be the difference of `a` and `b` as written (each rounded to its
    own last digit), or, between two percentages, their relative change in percent."""
    tol = sum(0.5 * 10 ** -decimals(x) if decimals(x) else 0.0 for x in (a, b, c)) + 1e-9
    if abs(abs(a - b) - c) <= tol:
        return True
    if percent and a:
        return abs(100.0 * abs(a - b) / a - c) <= max(1.0, 10 ** -decimals(c))
    return False


def change_mismatch(rep: Report) -> list[Flag]:
    """A starting amount ("đầu năm 65 hộ", "từ 5,2%"), the end ("cuối năm còn 42 hộ", "xuống
    3,1%") and right after it the change ("giảm 25 hộ"), or the change first, or the end, the
    change and the start it is counted from in brackets ("92%, tăng 3% so với năm 2022 (năm
    2022 đạt 85%)"), all of one measure in one sentence, where the change is not the
    difference of the two ends."""
    start_before = regex("relations", "change_start_regex")
    end_between = regex("relations", "change_end_regex")
    change_between = regex("relations", "change_word_regex")
    other_base = regex("relations", "change_other_base_regex")
    change_before = regex("relations", "change_first_regex")
    from_between = regex("relations", "change_first_from_regex")
    to_between = regex("relations", "change_first_to_regex")
    base_after = regex("relations", "change_base_after_regex")
    flags: list[Flag] = []
    for pos, items in rep.figures_by_block():
        text = rep.text(pos)
        for i in range(len(items) - 2):
            p0, p1, p2 = items[i], items[i + 1], items[i + 2]
            if not (p0.sentence == p1.sentence == p2.sentence and p0.figure.unit == p1.figure.unit == p2.figure.unit
                    and comparable(p0.figure, p1.figure) and comparable(p1.figure, p2.figure)
                    and all(_plain(q.figure) and not q.figure.qualifier for q in (p0, p1, p2))):
                continue  # "khoảng", "trên": no exact difference to check
            s_start = _sentence_start(rep, p0)
            if (end_between.match(text[p0.end:p1.start]) and change_between.match(text[p1.end:p2.start])
                    and start_before.search(text[s_start:p0.start])):
                # "đầu năm 65 hộ, cuối năm còn 42 hộ, giảm 25 hộ"
                pa, pb, pc = p0, p1, p2
                if other_base.match(text[pc.end:rep.sentence_span(pc)[1]]):
                    continue  # "giảm 25 hộ so với năm 2022": a change from another start
            elif (change_before.search(text[max(s_start, p0.start - 20):p0.start])
                    and from_between.match(text[p0.end:p1.start]) and to_between.match(text[p1.end:p2.start])):
                pc, pa, pb = p0, p1, p2  # "giảm 25 hộ, từ 65 hộ xuống còn 42 hộ"
            elif change_between.match(text[p0.end:p1.start]) and base_after.match(text[p1.end:p2.start]):
                pb, pc, pa = p0, p1, p2  # "đạt 92%, tăng 3% so với năm 2022 (năm 2022 đạt 85%)"
            else:
                continue
            a, b, c = pa.figure, pb.figure, pc.figure
            if _change_allows(a.value, b.value, c.value, a.unit == "percent"):
                continue
            flags.append(make_flag("change_mismatch", ("relations", "change", "severity"), "change_mismatch",
                                   [figure_evidence(a), figure_evidence(b), figure_evidence(c)],
                                   start=stated(a), end=stated(b), change=stated(c),
                                   computed=round(abs(a.value - b.value), 6), unit=_after_number(a.unit)))
    return flags


def _after_number(unit: str) -> Callable[[str], str]:
    """A unit's name as written after a number: "23 hộ", but "2,1%"."""
    name = unit_name(unit)
    return lambda lang: name(lang) if unit == "percent" else " " + name(lang)


# ---------------------------------------------------------------------------- share_over_100


def share_over_100(rep: Report) -> list[Flag]:
    """A share of households or people (an indicator that is a part of a whole, patterns/
    checks.yaml `relations.share.indicators`) over 100%, or a ratio of households, people,
    villages or criteria whose part is larger than its whole ("1.300/1.250 hộ"). A share of a
    plan ("đạt 105% kế hoạch") may pass 100%."""
    cfg = _cfg()["share"]
    shares = set(cfg["indicators"])
    ratio_units = set(cfg["ratio_units"])
    of_plan = regex("relations", "share_of_plan_regex")
    share_label = regex("relations", "share_label_regex")
    change = regex("ratio", "change_before_regex")
    flags: list[Flag] = []
    for p in rep.placed:
        f = p.figure
        if f.unit == "percent" and f.total is None and f.value > 100 + 1e-9:
            text = rep.text(p.pos)
            if f.upper is not None or of_plan.match(text[p.end:p.end + 40]) or change.search(
                    text[max(0, p.start - 20):p.start]):
                continue
            # an indicator that is a share, or a share of households or people named before it
            lead = text[max(_sentence_start(rep, p), p.start - 120):p.start]
            if not ((f.indicator and f.indicator in shares) or (not f.indicator and share_label.search(lead))):
                continue
            flags.append(make_flag("share_over_100", ("relations", "share", "severity"), "share_over_100",
                                   [figure_evidence(f)], stated=stated(f),
                                   name=indicator_name(f.indicator) if f.indicator else _label(lead)))
        elif (f.unit in ratio_units and f.total is not None and f.value > f.total + 1e-9
              and f.upper is None and not f.per):
            flags.append(make_flag("share_over_100", ("relations", "share", "severity"), "ratio_part_over_whole",
                                   [figure_evidence(f)], stated=stated(f)))
    return flags


def _label(lead: str) -> Callable[[str], str]:
    """The words of a share as the report names it ("Tỷ lệ trẻ em ... đến trường"), from its
    "tỷ lệ" on, without the connector before the figure."""
    m = regex("relations", "share_label_regex").search(lead)
    words = lead[m.start():] if m else lead
    words = regex("ratio", "implicit_connector_regex").sub("", words).strip(" ,:")
    return lambda lang: words


# ---------------------------------------------------------------------------- village_count_mismatch


def village_count_mismatch(rep: Report) -> list[Flag]:
    """The commune's number of villages ("Xã có 7 thôn") against a count of all its villages
    written as a ratio ("8/8 thôn có nhà văn hóa") whose whole is larger: the commune cannot
    have more villages than it says. A report that gives two numbers of villages (before and
    after a merger) or names places of another kind beside them ("7 thôn và 1 tổ dân phố") is
    not checked."""
    count_before = regex("relations", "commune_villages_regex")
    mixed_after = regex("relations", "villages_mixed_regex")
    year = report_year(rep.record)
    counts: list[Placed] = []
    ratios: list[Placed] = []
    for p in rep.placed:
        f = p.figure
        if f.unit != "village":
            continue
        text = rep.text(p.pos)
        if mixed_after.match(text[p.end:p.end + 40]):
            return []
        if f.total is not None:
            ratios.append(p)
        elif _plain(f) and not f.qualifier and count_before.search(
                text[max(_sentence_start(rep, p), p.start - 40):p.start]):
            counts.append(p)
    if not counts or len({c.figure.value for c in counts}) != 1:
        return []
    whole = counts[0]
    sw = rep.figure_scope(whole)
    if sw.several_places or sw.target:
        return []
    flags: list[Flag] = []
    for p in ratios:
        f = p.figure
        if f.total is None or f.total <= whole.figure.value + 1e-9 or math.isclose(f.total, whole.figure.value):
            continue
        sp = rep.figure_scope(p)
        if sp.several_places or not sw.same_frame(sp, year):
            continue
        flags.append(make_flag("village_count_mismatch", ("relations", "villages", "severity"),
                               "village_count_mismatch", [figure_evidence(whole.figure), figure_evidence(f)],
                               count=stated(whole.figure), ratio=stated(f), total=f.total))
    return flags


# ---------------------------------------------------------------------------- the commune's whole


def commune_part_exceeds(rep: Report) -> list[Flag]:
    """The commune's households or people ("Toàn xã có 1.250 hộ", stated with one value) and,
    anywhere in the report, a count of some of them (households with electricity, poor
    households, people with health insurance: patterns/checks.yaml `relations.commune_whole`)
    larger than that whole, of the same place and time. Flagged as part_exceeds_whole."""
    parts_of = {unit: set(keys) for unit, keys in _cfg()["commune_whole"]["part_indicators"].items()}
    whole_before = regex("relations", "commune_whole_regex")
    whole_after = regex("relations", "commune_whole_after_regex")
    wholes: dict[str, list[Placed]] = {}
    parts: list[Placed] = []
    for p in rep.placed:
        f = p.figure
        keys = parts_of.get(f.unit)
        if keys is None:
            continue
        if f.indicator in keys:
            parts.append(p)
        elif f.indicator is None and _plain(f) and not f.qualifier:
            text = rep.text(p.pos)
            if (whole_before.search(text[max(_sentence_start(rep, p), p.start - 40):p.start])
                    and whole_after.match(text[p.end:p.end + 30])):
                wholes.setdefault(f.unit, []).append(p)
    if not parts or not wholes:
        return []
    year = report_year(rep.record)
    flags: list[Flag] = []
    for unit, found in wholes.items():
        if len({w.figure.value for w in found}) != 1:
            continue  # two numbers of households (two years, before and after a merger)
        whole = found[0]
        sw = rep.figure_scope(whole)
        if sw.several_places or sw.target or sw.baseline or sw.named_place:
            continue
        for p in parts:
            f = p.figure
            if f.unit != unit or f.per or value_range(f)[0] <= whole.figure.value + 1e-9:
                continue
            sp = rep.figure_scope(p)
            if sp.several_places or sp.target or sp.named_place or not sw.same_frame(sp, year):
                continue
            flags.append(make_flag("part_exceeds_whole", ("relations", "part_whole", "severity"),
                                   "part_exceeds_whole", [figure_evidence(whole.figure), figure_evidence(f)],
                                   part=stated(f), whole=stated(whole.figure)))
    return flags
